import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/**
 * CRM facts and their derived tables. Instants are integer milliseconds since the
 * Unix epoch (UTC); business days are 'YYYY-MM-DD' text in the store's time zone;
 * money is integer fen (or cents for foreign exports).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value_json', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('stores')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('region', 'text')
    .addColumn('city', 'text')
    .addColumn('district_kind', 'text') // 'business' | 'residential' | null
    .addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('Asia/Shanghai'))
    .addColumn('opened_on', 'text')
    .execute();

  await db.schema
    .createTable('channels')
    .addColumn('code', 'text', (c) => c.primaryKey()) // pos | miniprogram | delivery | online | …
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('customers')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text')
    .addColumn('gender', 'text') // 'F' | 'M' | null
    .addColumn('birth_date', 'text') // 'YYYY-MM-DD' | null
    .addColumn('city', 'text')
    .addColumn('home_store_id', 'integer', (c) => c.references('stores.id'))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    // Set when this record was merged into another; the record stays for undo.
    .addColumn('merged_into', 'integer', (c) => c.references('customers.id'))
    .execute();
  await db.schema
    .createIndex('customers_merged_into')
    .on('customers')
    .column('merged_into')
    .execute();

  await db.schema
    .createTable('customer_identities')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    // member | phone | email | platform | masked_phone | external
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull()) // normalised (E.164, lower-case e-mail, …)
    .addColumn('source', 'text') // channel or import batch that saw it first
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .execute();
  // Only keys identify a person; masked phones are stored but never unique.
  await sql`CREATE UNIQUE INDEX customer_identities_key ON customer_identities(kind, value)
            WHERE kind <> 'masked_phone'`.execute(db);
  await db.schema
    .createIndex('customer_identities_customer')
    .on('customer_identities')
    .column('customer_id')
    .execute();

  await db.schema
    .createTable('customer_merges')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('into_customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('from_customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('reason', 'text', (c) => c.notNull()) // e.g. "same phone +8613800001234"
    .addColumn('rule', 'text', (c) => c.notNull()) // identity kind that matched, or 'manual'
    .addColumn('merged_at', 'integer', (c) => c.notNull())
    .addColumn('undone_at', 'integer')
    // What moved (identity ids, order ids), so that the merge can be undone exactly.
    .addColumn('moved_json', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('products')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('sku', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text')
    .addColumn('category', 'text')
    .addColumn('unit_price_fen', 'integer')
    .execute();

  await db.schema
    .createTable('import_batches')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull()) // sha256 of the file's bytes
    .addColumn('source', 'text', (c) => c.notNull()) // preset id or saved mapping name
    .addColumn('channel', 'text', (c) => c.references('channels.code'))
    .addColumn('encoding', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // committed | partial | failed | cancelled
    .addColumn('started_at', 'integer', (c) => c.notNull())
    .addColumn('finished_at', 'integer')
    .addColumn('rows_total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rows_imported', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rows_duplicate', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rows_rejected', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('rejected_json', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();

  await db.schema
    .createTable('orders')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('channel', 'text', (c) => c.notNull().references('channels.code'))
    // The order's id in its source system, unique per channel: re-imports match on it.
    .addColumn('external_id', 'text', (c) => c.notNull())
    .addColumn('store_id', 'integer', (c) => c.references('stores.id'))
    .addColumn('customer_id', 'integer', (c) => c.references('customers.id')) // null: anonymous
    // sale | return | cancellation | writeoff | adjustment
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('ordered_at', 'integer', (c) => c.notNull())
    .addColumn('business_day', 'text', (c) => c.notNull())
    .addColumn('amount_fen', 'integer', (c) => c.notNull()) // signed: returns are negative
    .addColumn('currency', 'text', (c) => c.notNull().defaultTo('CNY'))
    .addColumn('batch_id', 'integer', (c) => c.notNull().references('import_batches.id'))
    .execute();
  await db.schema
    .createIndex('orders_source')
    .on('orders')
    .columns(['channel', 'external_id'])
    .unique()
    .execute();
  await db.schema
    .createIndex('orders_customer_time')
    .on('orders')
    .columns(['customer_id', 'ordered_at'])
    .execute();
  await db.schema.createIndex('orders_day').on('orders').column('business_day').execute();

  await db.schema
    .createTable('order_lines')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('order_id', 'integer', (c) => c.notNull().references('orders.id'))
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('product_id', 'integer', (c) => c.references('products.id'))
    .addColumn('quantity', 'real', (c) => c.notNull())
    .addColumn('unit_price_fen', 'integer', (c) => c.notNull())
    .addColumn('amount_fen', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('order_lines_order')
    .on('order_lines')
    .columns(['order_id', 'line_no'])
    .unique()
    .execute();

  await db.schema
    .createTable('column_mappings')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('mapping_json', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .execute();

  // Derived: rebuilt from facts by the metrics pass.
  await db.schema
    .createTable('customer_metrics')
    .addColumn('customer_id', 'integer', (c) => c.primaryKey().references('customers.id'))
    .addColumn('as_of', 'integer', (c) => c.notNull())
    .addColumn('first_order_at', 'integer')
    .addColumn('last_order_at', 'integer')
    .addColumn('recency_days', 'integer')
    .addColumn('orders_30', 'integer', (c) => c.notNull())
    .addColumn('orders_90', 'integer', (c) => c.notNull())
    .addColumn('orders_365', 'integer', (c) => c.notNull())
    .addColumn('orders_all', 'integer', (c) => c.notNull())
    .addColumn('spend_30', 'integer', (c) => c.notNull())
    .addColumn('spend_90', 'integer', (c) => c.notNull())
    .addColumn('spend_365', 'integer', (c) => c.notNull())
    .addColumn('spend_all', 'integer', (c) => c.notNull())
    .addColumn('aov_fen', 'integer', (c) => c.notNull())
    .addColumn('ltv_fen', 'integer', (c) => c.notNull())
    .addColumn('preferred_channel', 'text')
    .addColumn('preferred_category', 'text')
    .addColumn('preferred_store_id', 'integer')
    .addColumn('lifecycle', 'text', (c) => c.notNull()) // new | active | repeat | sleeping | lost | none
    .addColumn('rfm_r', 'integer')
    .addColumn('rfm_f', 'integer')
    .addColumn('rfm_m', 'integer')
    .addColumn('rfm_segment', 'text')
    .execute();
  await db.schema
    .createIndex('customer_metrics_spend')
    .on('customer_metrics')
    .column('spend_all')
    .execute();

  await db.schema
    .createTable('tags')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('key', 'text', (c) => c.notNull().unique()) // stable id, e.g. 'gold'
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // rule | rfm | lifecycle | manual
    .addColumn('rule_json', 'text') // the current rule tree (kind 'rule')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('builtin', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('tag_versions')
    .addColumn('tag_id', 'integer', (c) => c.notNull().references('tags.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('rule_json', 'text')
    .addColumn('created_at', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('tag_versions_pk', ['tag_id', 'version'])
    .execute();

  await db.schema
    .createTable('tag_members')
    .addColumn('tag_id', 'integer', (c) => c.notNull().references('tags.id'))
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('since', 'integer', (c) => c.notNull())
    .addColumn('tag_version', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('tag_members_pk', ['tag_id', 'customer_id'])
    .execute();
  await db.schema
    .createIndex('tag_members_customer')
    .on('tag_members')
    .column('customer_id')
    .execute();

  await db.schema
    .createTable('tag_history')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('tag_id', 'integer', (c) => c.notNull().references('tags.id'))
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('action', 'text', (c) => c.notNull()) // added | removed
    .addColumn('at', 'integer', (c) => c.notNull())
    .addColumn('tag_version', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull()) // e.g. 'recompute', 'manual', 'rule edited'
    .execute();
  await db.schema
    .createIndex('tag_history_tag_time')
    .on('tag_history')
    .columns(['tag_id', 'at'])
    .execute();
}
