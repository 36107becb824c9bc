import { sql } from 'kysely';
import type { RawBuilder } from 'kysely';
import type { CustomerColumn, CustomerRow, FilterColumn } from '../../api/customers';
import type { Db } from '../../db/open';
import type { Lifecycle } from '../../db/schema';
import { ageOn } from '../metrics/days';
import { defaultStoreTimeZone } from '../import/mapping';
import { keyIdentityKinds, keysAndPhones } from './key';
import type { IdentityCells } from './key';

/**
 * The SQL behind each whitelisted grid column, over `customer_metrics AS m JOIN
 * customers AS c` (`c` only for the columns in `customerColumnsOnC`). Sorting and
 * filtering reach SQL only through this table (the key's filter through key.ts).
 */
export function columnSql(column: CustomerColumn, day: string): RawBuilder<unknown> {
  const m = (name: string) => sql`${sql.ref(`m.${name}`)}`;
  const map: Record<CustomerColumn, () => RawBuilder<unknown>> = {
    id: () => sql`m.customer_id`,
    name: () => sql`c.name`,
    gender: () => sql`c.gender`,
    age: () => sql`CASE WHEN c.birth_date IS NULL THEN NULL ELSE
      CAST(substr(${day}, 1, 4) AS INTEGER) - CAST(substr(c.birth_date, 1, 4) AS INTEGER)
      - CASE WHEN substr(c.birth_date, 6, 5) > substr(${day}, 6, 5) THEN 1 ELSE 0 END END`,
    city: () => sql`c.city`,
    recencyDays: () => m('recency_days'),
    orders30: () => m('orders_30'),
    orders90: () => m('orders_90'),
    orders365: () => m('orders_365'),
    ordersAll: () => m('orders_all'),
    spend30: () => m('spend_30'),
    spend90: () => m('spend_90'),
    spend365: () => m('spend_365'),
    spendAll: () => m('spend_all'),
    aovFen: () => m('aov_fen'),
    ltvFen: () => m('ltv_fen'),
    lifecycle: () => m('lifecycle'),
    rfmR: () => m('rfm_r'),
    rfmF: () => m('rfm_f'),
    rfmM: () => m('rfm_m'),
    rfmSegment: () => m('rfm_segment'),
    preferredChannel: () => m('preferred_channel'),
    preferredCategory: () => m('preferred_category'),
    // Filtered without an index of its own: a set of stores scans the metrics (about 15 ms
    // for 115k customers, a page sorted by recency about 50 ms), and an index would slow
    // every recompute, which rewrites the table.
    preferredStore: () => m('preferred_store_id'),
    lastOrderAt: () => m('last_order_at'),
  };
  return map[column]();
}

/**
 * The SQL a grid column sorts by: its value (`columnSql`), except the preferred store,
 * filtered by its id but sorted by its code as the grid shows it (one lookup per
 * customer in the stores' primary key).
 */
export function sortSql(column: CustomerColumn, day: string): RawBuilder<unknown> {
  if (column === 'preferredStore') {
    return sql`(SELECT s.code FROM stores s WHERE s.id = m.preferred_store_id)`;
  }
  return columnSql(column, day);
}

/** Columns read from the customers table (`c`); every other one is in the metrics (`m`). */
export const customerColumnsOnC: ReadonlySet<FilterColumn> = new Set<FilterColumn>([
  'name',
  'gender',
  'age',
  'city',
]);

/** Columns that always hold a value (NOT NULL in the schema, or the id). */
export const notNullColumns: ReadonlySet<CustomerColumn> = new Set<CustomerColumn>([
  'id',
  'orders30',
  'orders90',
  'orders365',
  'ordersAll',
  'spend30',
  'spend90',
  'spend365',
  'spendAll',
  'aovFen',
  'ltvFen',
  'lifecycle',
]);

/** Columns holding numbers (a set filter on them compares numbers, not text). */
export const numericColumns: ReadonlySet<CustomerColumn> = new Set<CustomerColumn>([
  'id',
  'age',
  'recencyDays',
  'orders30',
  'orders90',
  'orders365',
  'ordersAll',
  'spend30',
  'spend90',
  'spend365',
  'spendAll',
  'aovFen',
  'ltvFen',
  'rfmR',
  'rfmF',
  'rfmM',
  'preferredStore',
  'lastOrderAt',
]);

/**
 * The query every customer list starts from: customers with metrics. Merged customers
 * have none (writing metrics skips them and a merge refreshes both sides), so no
 * filter on `merged_into` is needed here, which lets SQLite walk the spend index.
 */
export function customersWithMetrics(db: Db) {
  return db.k
    .selectFrom('customer_metrics as m')
    .innerJoin('customers as c', 'c.id', 'm.customer_id');
}

export const rowColumns = [
  'c.id',
  'c.name',
  'c.gender',
  'c.birth_date',
  'c.city',
  'm.recency_days',
  'm.orders_30',
  'm.orders_90',
  'm.orders_365',
  'm.orders_all',
  'm.spend_30',
  'm.spend_90',
  'm.spend_365',
  'm.spend_all',
  'm.aov_fen',
  'm.ltv_fen',
  'm.lifecycle',
  'm.rfm_r',
  'm.rfm_f',
  'm.rfm_m',
  'm.rfm_segment',
  'm.preferred_channel',
  'm.preferred_category',
  'm.last_order_at',
  'm.currency',
  'm.other_currency_orders',
  // The zone of the customer's preferred store, in which their order times are shown.
  sql<string | null>`(SELECT s.time_zone FROM stores s WHERE s.id = m.preferred_store_id)`.as(
    'store_zone',
  ),
  'm.preferred_store_id',
  sql<string | null>`(SELECT s.code FROM stores s WHERE s.id = m.preferred_store_id)`.as(
    'store_code',
  ),
  sql<string | null>`(SELECT s.name FROM stores s WHERE s.id = m.preferred_store_id)`.as(
    'store_name',
  ),
] as const;

export interface RawRow {
  id: number;
  name: string | null;
  gender: 'F' | 'M' | null;
  birth_date: string | null;
  city: string | null;
  recency_days: number | null;
  orders_30: number;
  orders_90: number;
  orders_365: number;
  orders_all: number;
  spend_30: number;
  spend_90: number;
  spend_365: number;
  spend_all: number;
  aov_fen: number;
  ltv_fen: number;
  lifecycle: Lifecycle;
  rfm_r: number | null;
  rfm_f: number | null;
  rfm_m: number | null;
  rfm_segment: string | null;
  preferred_channel: string | null;
  preferred_category: string | null;
  last_order_at: number | null;
  currency: string;
  other_currency_orders: number;
  store_zone: string | null;
  preferred_store_id: number | null;
  store_code: string | null;
  store_name: string | null;
}

/** Each customer's key and first phone, masked (rules in key.ts). */
async function keysAndPhonesOf(db: Db, ids: number[]) {
  const rows = await db.k
    .selectFrom('customer_identities')
    .select(['customer_id', 'kind', 'value', 'id'])
    .where('customer_id', 'in', ids)
    .where('kind', 'in', keyIdentityKinds)
    .execute();
  return keysAndPhones(rows.map((r): IdentityCells => [r.customer_id, r.kind, r.value, r.id]));
}

async function tagsOf(db: Db, ids: number[]) {
  const rows = await db.k
    .selectFrom('tag_members as tm')
    .innerJoin('tags as t', 't.id', 'tm.tag_id')
    .select(['tm.customer_id', 't.id', 't.key', 't.name_zh', 't.name_en'])
    .where('tm.customer_id', 'in', ids)
    .orderBy('t.id')
    .execute();
  const tags = new Map<number, CustomerRow['tags']>();
  for (const r of rows) {
    const list = tags.get(r.customer_id) ?? [];
    list.push({ id: r.id, key: r.key, nameZh: r.name_zh, nameEn: r.name_en });
    tags.set(r.customer_id, list);
  }
  return tags;
}

/** Grid rows from raw rows: age on the metrics' day, key and masked phone, tags. */
export async function toCustomerRows(db: Db, raw: RawRow[], day: string): Promise<CustomerRow[]> {
  const ids = raw.map((r) => r.id);
  if (ids.length === 0) return [];
  const [{ keys, phones }, tags] = await Promise.all([keysAndPhonesOf(db, ids), tagsOf(db, ids)]);
  return raw.map((r) => {
    const shown = { key: keys.get(r.id) ?? null, phone: phones.get(r.id) ?? null };
    return customerRow(r, shown, tags.get(r.id) ?? [], day);
  });
}

/** One grid row from its raw row, its key and phone (already masked) and its tags. */
export function customerRow(
  r: RawRow,
  shown: Pick<CustomerRow, 'key' | 'phone'>,
  tags: CustomerRow['tags'],
  day: string,
): CustomerRow {
  return {
    id: r.id,
    name: r.name,
    gender: r.gender,
    age: ageOn(r.birth_date, day),
    city: r.city,
    phone: shown.phone,
    key: shown.key,
    recencyDays: r.recency_days,
    orders30: r.orders_30,
    orders90: r.orders_90,
    orders365: r.orders_365,
    ordersAll: r.orders_all,
    spend30: r.spend_30,
    spend90: r.spend_90,
    spend365: r.spend_365,
    spendAll: r.spend_all,
    aovFen: r.aov_fen,
    ltvFen: r.ltv_fen,
    lifecycle: r.lifecycle,
    rfmR: r.rfm_r,
    rfmF: r.rfm_f,
    rfmM: r.rfm_m,
    rfmSegment: r.rfm_segment,
    preferredChannel: r.preferred_channel,
    preferredCategory: r.preferred_category,
    preferredStore:
      r.preferred_store_id === null
        ? null
        : { id: r.preferred_store_id, code: r.store_code ?? '', name: r.store_name ?? '' },
    lastOrderAt: r.last_order_at === null ? null : new Date(r.last_order_at).toISOString(),
    currency: r.currency,
    otherCurrencyOrders: r.other_currency_orders,
    timeZone: r.store_zone ?? defaultStoreTimeZone,
    tags,
  };
}
