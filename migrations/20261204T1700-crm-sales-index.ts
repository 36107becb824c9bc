import type { Kysely } from 'kysely';

/**
 * The customer metrics read every order of every customer: one index that holds all
 * the columns they need (customer, channel, store, kind, instant, business day,
 * amount), so that the recompute never visits the orders table itself and finds each
 * customer's orders already grouped by channel and store. It replaces the index on
 * (customer, instant), whose leading column it shares, so an import still updates
 * one index per order for the customer.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('orders_customer_sales')
    .on('orders')
    .columns([
      'customer_id',
      'channel',
      'store_id',
      'kind',
      'ordered_at',
      'business_day',
      'amount_fen',
    ])
    .execute();
  await db.schema.dropIndex('orders_customer_time').execute();
}
