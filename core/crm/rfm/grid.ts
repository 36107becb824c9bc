import { sql } from 'kysely';
import type { RfmCell, RfmUnscored } from '../../api/tags';
import type { Db } from '../../db/open';

/**
 * The R × F heatmap: for each cell with customers, how many and what they spent over
 * their lifetime (net of returns). Cells without customers are left out. Spend is yuan
 * only: customers whose money is in another currency count in the cell but not in its
 * spend, and how many they are is given beside it (the screen says so).
 */
export async function rfmGrid(db: Db): Promise<RfmCell[]> {
  const rows = await db.k
    .selectFrom('customer_metrics')
    .select((eb) => [
      'rfm_r',
      'rfm_f',
      eb.fn.countAll<number>().as('customers'),
      sql<number>`sum(CASE WHEN currency = 'CNY' THEN spend_all ELSE 0 END)`.as('spend'),
      sql<number>`sum(CASE WHEN currency = 'CNY' THEN 0 ELSE 1 END)`.as('others'),
    ])
    .where('rfm_r', 'is not', null)
    .where('rfm_f', 'is not', null)
    .groupBy(['rfm_r', 'rfm_f'])
    .orderBy('rfm_r', 'desc')
    .orderBy('rfm_f')
    .execute();
  return rows.map((row) => {
    const customers = Number(row.customers);
    const otherCurrencyCustomers = Number(row.others);
    const yuanCustomers = customers - otherCurrencyCustomers;
    const spendFen = Number(row.spend);
    return {
      r: row.rfm_r!,
      f: row.rfm_f!,
      customers,
      spendFen,
      avgSpendFen: yuanCustomers > 0 ? Math.round(spendFen / yuanCustomers) : 0,
      otherCurrencyCustomers,
    };
  });
}

/**
 * How many customers have no R × F cell: their metrics say they never bought (no order, or
 * every order of theirs was a return, a cancellation or an adjustment), so no RFM score. The
 * heatmap says how many, so that its cells and the customer count add up.
 */
export async function rfmUnscored(db: Db): Promise<RfmUnscored> {
  const row = await db.k
    .selectFrom('customer_metrics')
    .select((eb) => eb.fn.countAll<number>().as('customers'))
    .where((eb) => eb.or([eb('rfm_r', 'is', null), eb('rfm_f', 'is', null)]))
    .executeTakeFirstOrThrow();
  return { customers: Number(row.customers) };
}
