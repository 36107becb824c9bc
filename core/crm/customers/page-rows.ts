import type SQLite from 'better-sqlite3';
import type { CustomerRow } from '../../api/customers';
import type { Db } from '../../db/open';
import type { Lifecycle } from '../../db/schema';
import { maskPhone } from '../../shared/mask';
import { customerRow } from './rows';
import type { RawRow } from './rows';

/*
 * Reading a grid page's rows is on every scroll of the grid: a few prepared statements
 * with constant text, the page's ids bound as one JSON array, and rows read as arrays
 * (building an object per row and column costs more than the query itself).
 */

const rowsSql = `SELECT c.id, c.name, c.gender, c.birth_date, c.city, m.recency_days,
    m.orders_30, m.orders_90, m.orders_365, m.orders_all, m.spend_30, m.spend_90,
    m.spend_365, m.spend_all, m.aov_fen, m.ltv_fen, m.lifecycle, m.rfm_r, m.rfm_f, m.rfm_m,
    m.rfm_segment, m.preferred_channel, m.preferred_category, m.last_order_at
  FROM customer_metrics m JOIN customers c ON c.id = m.customer_id
  WHERE m.customer_id IN (SELECT value FROM json_each(?))`;

// 'phone' sorts before 'masked_phone' with kind descending: a full phone wins.
const phonesSql = `SELECT customer_id, kind, value FROM customer_identities
  WHERE customer_id IN (SELECT value FROM json_each(?)) AND kind IN ('phone', 'masked_phone')
  ORDER BY kind DESC, id`;

const membershipsSql = `SELECT customer_id, tag_id FROM tag_members
  WHERE customer_id IN (SELECT value FROM json_each(?))`;

const tagsSql = 'SELECT id, key, name_zh, name_en FROM tags';

const statements = new WeakMap<SQLite.Database, Map<string, SQLite.Statement>>();

function prepared(raw: SQLite.Database, text: string): SQLite.Statement {
  let cache = statements.get(raw);
  if (!cache) {
    cache = new Map();
    statements.set(raw, cache);
  }
  let statement = cache.get(text);
  if (!statement) {
    statement = raw.prepare(text).raw(true);
    cache.set(text, statement);
  }
  return statement;
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
  };
}

/** First phone of each customer, masked; a masked phone from a platform as it came. */
function phonesOf(raw: SQLite.Database, idsJson: string): Map<number, string> {
  const phones = new Map<number, string>();
  for (const [id, kind, value] of prepared(raw, phonesSql).all(idsJson) as Cell[][]) {
    if (phones.has(id as number)) continue;
    phones.set(id as number, kind === 'phone' ? maskPhone(value as string) : (value as string));
  }
  return phones;
}

/** Each customer's tags, by tag id. */
function tagsOf(raw: SQLite.Database, idsJson: string): Map<number, CustomerRow['tags']> {
  const byId = new Map<number, CustomerRow['tags'][number]>();
  for (const [id, key, nameZh, nameEn] of prepared(raw, tagsSql).all() as Cell[][]) {
    const tagId = id as number;
    byId.set(tagId, {
      id: tagId,
      key: key as string,
      nameZh: nameZh as string,
      nameEn: nameEn as string,
    });
  }
  const tags = new Map<number, CustomerRow['tags']>();
  for (const [customerId, tagId] of prepared(raw, membershipsSql).all(idsJson) as number[][]) {
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
 * age on the metrics' day, the first phone masked, tags by id.
 */
export function readRows(db: Db, ids: number[], day: string): CustomerRow[] {
  if (ids.length === 0) return [];
  const idsJson = JSON.stringify(ids);
  const byId = new Map<number, RawRow>();
  for (const a of prepared(db.raw, rowsSql).all(idsJson) as Cell[][]) {
    byId.set(a[0] as number, rawRow(a));
  }
  const phones = phonesOf(db.raw, idsJson);
  const tags = tagsOf(db.raw, idsJson);
  const rows: CustomerRow[] = [];
  for (const id of ids) {
    const r = byId.get(id);
    if (r) rows.push(customerRow(r, phones.get(id) ?? null, tags.get(id) ?? [], day));
  }
  return rows;
}
