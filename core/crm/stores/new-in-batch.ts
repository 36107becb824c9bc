import type { Db } from '../../db/open';

/** A store as the import summary names it. */
export interface NamedStore {
  code: string;
  name: string;
}

/**
 * The stores an import batch brought to the console: those whose first order is one of the
 * batch's (an import makes a store for the orders that name it; all of a batch lands or none
 * does). By code; empty for a batch that made no order. One pass over the orders grouped by
 * store, run once when an import's summary is shown.
 */
export async function storesNewInBatch(db: Db, batchId: number): Promise<NamedStore[]> {
  const first = db.k
    .selectFrom('orders')
    .select('store_id')
    .where('store_id', 'is not', null)
    .groupBy('store_id')
    .having((eb) => eb.fn.min('batch_id'), '=', batchId);
  return db.k
    .selectFrom('stores')
    .select(['code', 'name'])
    .where('id', 'in', first)
    .orderBy('code')
    .execute();
}
