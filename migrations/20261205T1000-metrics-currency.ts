import type { Kysely } from 'kysely';

/**
 * Money of a customer is counted in one currency: `currency` says which (yuan for every
 * customer with a yuan order, else the first of their currencies by code), and
 * `other_currency_orders` how many of their orders were left out of the money metrics
 * because they are in another currency. The covering index of the metrics gains the
 * order's currency, so that choosing it never visits the orders table.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('customer_metrics')
    .addColumn('currency', 'text', (c) => c.notNull().defaultTo('CNY'))
    .execute();
  await db.schema
    .alterTable('customer_metrics')
    .addColumn('other_currency_orders', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('orders_customer_sales_currency')
    .on('orders')
    .columns([
      'customer_id',
      'channel',
      'store_id',
      'kind',
      'ordered_at',
      'business_day',
      'amount_fen',
      'currency',
    ])
    .execute();
  await db.schema.dropIndex('orders_customer_sales').execute();
}
