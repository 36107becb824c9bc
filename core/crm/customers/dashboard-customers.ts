import type { Db } from '../../db/open';

/*
 * The dashboard's customer figures that do not depend on the period: how many customers
 * and how many in each lifecycle stage. For the whole chain that is every customer; for
 * some stores, the customers who ever bought (a sale) at one of them, up to now: a
 * customer belongs to each store they bought at, however long ago, so that the stage
 * chart still shows the store's sleeping and lost customers.
 */

const stageOrder = ['new', 'active', 'repeat', 'sleeping', 'lost', 'none'];

/** The customers who bought at one of the stores up to `nowMs` (a subquery of their ids). */
function storeBuyers(db: Db, storeIds: readonly number[], nowMs: number) {
  return db.k
    .selectFrom('orders')
    .select('customer_id')
    .where('store_id', 'in', [...storeIds])
    .where('kind', '=', 'sale')
    .where('customer_id', 'is not', null)
    .where('ordered_at', '<=', nowMs);
}

/**
 * How many customers the chain has (merged ones counted once), or, for some stores, how
 * many bought at one of them up to `nowMs`.
 */
export async function customerCount(
  db: Db,
  storeIds: readonly number[],
  nowMs: number,
): Promise<number> {
  const row = await db.k
    .selectFrom('customers')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('merged_into', 'is', null)
    .$if(storeIds.length > 0, (q) => q.where('id', 'in', storeBuyers(db, storeIds, nowMs)))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Customers per lifecycle stage (the stages' own order), of the chain or of some stores. */
export async function lifecycleCounts(
  db: Db,
  storeIds: readonly number[],
  nowMs: number,
): Promise<{ stage: string; customers: number }[]> {
  const stages = await db.k
    .selectFrom('customer_metrics as m')
    .innerJoin('customers as c', 'c.id', 'm.customer_id')
    .where('c.merged_into', 'is', null)
    .$if(storeIds.length > 0, (q) =>
      q.where('m.customer_id', 'in', storeBuyers(db, storeIds, nowMs)),
    )
    .select((eb) => ['m.lifecycle', eb.fn.countAll<number>().as('n')])
    .groupBy('m.lifecycle')
    .execute();
  return stages
    .map((s) => ({ stage: s.lifecycle, customers: Number(s.n) }))
    .sort((a, b) => stageOrder.indexOf(a.stage) - stageOrder.indexOf(b.stage));
}
