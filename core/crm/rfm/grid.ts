import type { RfmCell } from '../../api/tags';
import type { Db } from '../../db/open';

/**
 * The R × F heatmap: for each cell with customers, how many and what they spent over
 * their lifetime (net of returns). Cells without customers are left out.
 */
export async function rfmGrid(db: Db): Promise<RfmCell[]> {
  const rows = await db.k
    .selectFrom('customer_metrics')
    .select((eb) => [
      'rfm_r',
      'rfm_f',
      eb.fn.countAll<number>().as('customers'),
      eb.fn.sum<number>('spend_all').as('spend'),
    ])
    .where('rfm_r', 'is not', null)
    .where('rfm_f', 'is not', null)
    .groupBy(['rfm_r', 'rfm_f'])
    .orderBy('rfm_r', 'desc')
    .orderBy('rfm_f')
    .execute();
  return rows.map((row) => {
    const customers = Number(row.customers);
    const spendFen = Number(row.spend);
    return {
      r: row.rfm_r!,
      f: row.rfm_f!,
      customers,
      spendFen,
      avgSpendFen: Math.round(spendFen / customers),
    };
  });
}
