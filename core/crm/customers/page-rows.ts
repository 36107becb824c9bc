import type SQLite from 'better-sqlite3';
import type { CustomerRow } from '../../api/customers';
import type { Db } from '../../db/open';
import type { Lifecycle } from '../../db/schema';
import { keysAndPhones } from './key';
import type { IdentityCells } from './key';
import { customerRow } from './rows';
import type { RawRow } from './rows';

/*
 * Reading a grid page's rows is on every scroll of the grid: a few prepared statements
 * with constant text, the page's ids bound as one JSON array, and each answer read as
 * one JSON array of arrays (handing hundreds of rows to JavaScript one by one costs
 * more than the queries themselves).
 */

const rowsSql = `SELECT json_group_array(json_array(c.id, c.name, c.gender, c.birth_date,
    c.city, m.recency_days, m.orders_30, m.orders_90, m.orders_365, m.orders_all,
    m.spend_30, m.spend_90, m.spend_365, m.spend_all, m.aov_fen, m.ltv_fen, m.lifecycle,
    m.rfm_r, m.rfm_f, m.rfm_m, m.rfm_segment, m.preferred_channel, m.preferred_category,
    m.last_order_at, m.currency, m.other_currency_orders,
    (SELECT s.time_zone FROM stores s WHERE s.id = m.preferred_store_id),
    m.preferred_store_id,
    (SELECT s.code FROM stores s WHERE s.id = m.preferred_store_id),
    (SELECT s.name FROM stores s WHERE s.id = m.preferred_store_id)))
  FROM customer_metrics m JOIN customers c ON c.id = m.customer_id
  WHERE m.customer_id IN (SELECT value FROM json_each(?))`;

/*
 * The ids a row shows (its key and its phone): one lookup on the identities index per
 * row. Of the external ids, of which a customer may gather one per order (Olist names
 * each order's buyer anew), only the first recorded is handed over: with min(id), SQLite
 * takes the row's other columns from that same row.
 */
const identitiesSql = `SELECT json_group_array(json_array(customer_id, kind, value, id)) FROM (
    SELECT customer_id, kind, value, id FROM customer_identities
    WHERE customer_id IN (SELECT value FROM json_each(?))
      AND kind IN ('member', 'platform', 'phone', 'masked_phone', 'email')
    UNION ALL
    SELECT customer_id, kind, value, min(id) FROM customer_identities
    WHERE customer_id IN (SELECT value FROM json_each(?)) AND kind = 'external'
    GROUP BY customer_id)`;

const membershipsSql = `SELECT json_group_array(json_array(customer_id, tag_id)) FROM tag_members
  WHERE customer_id IN (SELECT value FROM json_each(?))`;

const tagsSql = 'SELECT json_group_array(json_array(id, key, name_zh, name_en)) FROM tags';

const statements = new WeakMap<SQLite.Database, Map<string, SQLite.Statement>>();

function prepared(raw: SQLite.Database, text: string): SQLite.Statement {
  let cache = statements.get(raw);
  if (!cache) {
    cache = new Map();
    statements.set(raw, cache);
  }
  let statement = cache.get(text);
  if (!statement) {
    statement = raw.prepare(text).pluck();
    cache.set(text, statement);
  }
  return statement;
}

/** The rows of one of the statements above, for the page's ids. */
function rowsOf(raw: SQLite.Database, text: string, ...params: string[]): Cell[][] {
  return JSON.parse(prepared(raw, text).get(...params) as string) as Cell[][];
}

type Cell = string | number | null;

function rawRow(a: Cell[]): RawRow {
  return {
    id: a[0] as number,
    name: a[1] as string | null,
    gender: a[2] as 'F' | 'M' | null,
    birth_date: a[3] as string | null,
    city: a[4] as string | null,
    recency_days: a[5] as number | null,
    orders_30: a[6] as number,
    orders_90: a[7] as number,
    orders_365: a[8] as number,
    orders_all: a[9] as number,
    spend_30: a[10] as number,
    spend_90: a[11] as number,
    spend_365: a[12] as number,
    spend_all: a[13] as number,
    aov_fen: a[14] as number,
    ltv_fen: a[15] as number,
    lifecycle: a[16] as Lifecycle,
    rfm_r: a[17] as number | null,
    rfm_f: a[18] as number | null,
    rfm_m: a[19] as number | null,
    rfm_segment: a[20] as string | null,
    preferred_channel: a[21] as string | null,
    preferred_category: a[22] as string | null,
    last_order_at: a[23] as number | null,
    currency: a[24] as string,
    other_currency_orders: a[25] as number,
    store_zone: a[26] as string | null,
    preferred_store_id: a[27] as number | null,
    store_code: a[28] as string | null,
    store_name: a[29] as string | null,
  };
}

/** Each customer's tags, by tag id. */
function tagsOf(raw: SQLite.Database, idsJson: string): Map<number, CustomerRow['tags']> {
  const byId = new Map<number, CustomerRow['tags'][number]>();
  for (const [id, key, nameZh, nameEn] of rowsOf(raw, tagsSql)) {
    const tagId = id as number;
    byId.set(tagId, {
      id: tagId,
      key: key as string,
      nameZh: nameZh as string,
      nameEn: nameEn as string,
    });
  }
  const tags = new Map<number, CustomerRow['tags']>();
  for (const [customerId, tagId] of rowsOf(raw, membershipsSql, idsJson) as number[][]) {
    const list = tags.get(customerId!) ?? [];
    list.push(byId.get(tagId!)!);
    tags.set(customerId!, list);
  }
  // By tag id, as the tags page lists them; a customer has a handful.
  for (const list of tags.values()) list.sort((a, b) => a.id - b.id);
  return tags;
}

/**
 * The grid rows of a page's customers, in the order of `ids`: profile and metrics,
 * age on the metrics' day, the key and the first phone (masked), tags by id.
 */
export function readRows(db: Db, ids: number[], day: string): CustomerRow[] {
  if (ids.length === 0) return [];
  const idsJson = JSON.stringify(ids);
  const byId = new Map<number, RawRow>();
  for (const a of rowsOf(db.raw, rowsSql, idsJson)) {
    byId.set(a[0] as number, rawRow(a));
  }
  const { keys, phones } = keysAndPhones(
    rowsOf(db.raw, identitiesSql, idsJson, idsJson) as IdentityCells[],
  );
  const tags = tagsOf(db.raw, idsJson);
  const rows: CustomerRow[] = [];
  for (const id of ids) {
    const r = byId.get(id);
    const shown = { key: keys.get(id) ?? null, phone: phones.get(id) ?? null };
    if (r) rows.push(customerRow(r, shown, tags.get(id) ?? [], day));
  }
  return rows;
}
