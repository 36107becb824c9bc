import type SQLite from 'better-sqlite3';
import type { Db } from '../../db/open';

/*
 * The grid's total when it is filtered by one tag only: the tag's members who have
 * metrics. Counting members alone reads one small index; checking each member for a
 * metrics row costs a lookup per member (most of a page's time on a big tag). So the
 * customers without metrics (merged customers, as a rule) are found once, kept until
 * the database next changes, and only they are looked for among the members.
 */

const statements = new WeakMap<SQLite.Database, Map<string, SQLite.Statement>>();

/** A prepared statement of this connection returning its first column, made once. */
export function prepared(raw: SQLite.Database, text: string): SQLite.Statement {
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

const changesSql = 'SELECT total_changes()';
const customersSql = 'SELECT count(*) FROM customers';
const withMetricsSql = 'SELECT count(*) FROM customer_metrics';
const mergedWithoutSql = `SELECT c.id FROM customers c WHERE c.merged_into IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM customer_metrics m WHERE m.customer_id = c.id)`;
const membersSql = 'SELECT count(*) FROM tag_members WHERE tag_id = ?';
const membersWithoutSql = `SELECT count(*) FROM json_each(?) AS w
  CROSS JOIN tag_members AS tm ON tm.tag_id = ? AND tm.customer_id = w.value`;

/** The customers without metrics as a JSON array, or null when they are not all merged ones. */
interface Without {
  version: string;
  ids: string | null;
  count: number;
}
const withoutByConnection = new WeakMap<SQLite.Database, Without>();

/**
 * Which state of the file this connection sees: another connection's commit changes
 * `data_version`, any write of this connection `total_changes()`.
 */
export function versionOf(raw: SQLite.Database): string {
  const data = raw.pragma('data_version', { simple: true }) as number;
  return `${data}:${prepared(raw, changesSql).get() as number}`;
}

function customersWithoutMetrics(raw: SQLite.Database): Without {
  const version = versionOf(raw);
  const known = withoutByConnection.get(raw);
  if (known?.version === version) return known;

  // Every metrics row has its own customer (primary and foreign key), so the difference
  // of the two counts is how many customers have none; if the merged customers without
  // metrics are that many, they are all of them.
  const count =
    (prepared(raw, customersSql).get() as number) - (prepared(raw, withMetricsSql).get() as number);
  const merged = count === 0 ? [] : (prepared(raw, mergedWithoutSql).all() as number[]);
  const without = { version, count, ids: merged.length === count ? JSON.stringify(merged) : null };
  withoutByConnection.set(raw, without);
  return without;
}

/**
 * How many members of the tag have metrics (and so are listed in the grid), or null
 * when a plain count over the members is as cheap or the customers without metrics
 * could not be told apart. Run it where nothing else writes in between (the page holds
 * the connection).
 */
export function tagMembersWithMetrics(db: Db, tagId: number): number | null {
  const without = customersWithoutMetrics(db.raw);
  if (without.ids === null) return null;
  const members = prepared(db.raw, membersSql).get(tagId) as number;
  if (without.count === 0) return members;
  // Looking each customer without metrics up among the members pays only on a big tag.
  if (members < without.count * 4) return null;
  return members - (prepared(db.raw, membersWithoutSql).get(without.ids, tagId) as number);
}
