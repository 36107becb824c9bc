import type { Kysely } from 'kysely';

/**
 * What committing imports needs beyond the first facts: the sales channels every
 * preset names (seeded, so that batches and orders can reference them), and the
 * payments of an order, kept apart from its amount (see core/crm/import/commit-rows.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db
    .insertInto('channels' as never)
    .values([
      { code: 'pos', name_zh: '门店收银', name_en: 'Point of sale' },
      { code: 'miniprogram', name_zh: '小程序商城', name_en: 'Mini-program shop' },
      { code: 'delivery', name_zh: '外卖平台', name_en: 'Delivery platform' },
      { code: 'online', name_zh: '网店', name_en: 'Online shop' },
      { code: 'marketplace', name_zh: '电商平台', name_en: 'Marketplace' },
    ] as never)
    .onConflict((oc) => oc.doNothing())
    .execute();

  await db.schema
    .createTable('order_payments')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('order_id', 'integer', (c) => c.notNull().references('orders.id'))
    // The payment's number within its order (Olist's payment_sequential), 1 when absent.
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('amount_fen', 'integer', (c) => c.notNull())
    .addColumn('batch_id', 'integer', (c) => c.notNull().references('import_batches.id'))
    .execute();
  await db.schema
    .createIndex('order_payments_order')
    .on('order_payments')
    .columns(['order_id', 'seq'])
    .unique()
    .execute();
}
