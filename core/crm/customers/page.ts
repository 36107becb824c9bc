import { sql } from 'kysely';
import type { RawBuilder, SqlBool } from 'kysely';
import type { CustomerQuery, CustomerRow } from '../../api/customers';
import type { Db } from '../../db/open';
import { businessDayOf } from '../metrics/days';
import { metricsAsOf } from '../metrics/settings';
import {
  columnSql,
  customersWithMetrics,
  numericColumns,
  rowColumns,
  toCustomerRows,
} from './rows';
import type { RawRow } from './rows';

const compare = { eq: sql`=`, ne: sql`<>`, gt: sql`>`, gte: sql`>=`, lt: sql`<`, lte: sql`<=` };

/** LIKE pattern for "contains", with the user's % and _ taken literally. */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/** Name, member id, e-mail or phone digits: any of them may match. */
function searchSql(search: string): RawBuilder<SqlBool> {
  const text = search.trim();
  const digits = text.replace(/\D/g, '');
  const phone =
    digits.length >= 4
      ? sql`OR (i.kind IN ('phone', 'masked_phone') AND i.value LIKE ${containsPattern(digits)})`
      : sql``;
  return sql<SqlBool>`(c.name LIKE ${containsPattern(text)} ESCAPE '\\'
    OR EXISTS (SELECT 1 FROM customer_identities i WHERE i.customer_id = c.id AND (
      (i.kind = 'member' AND i.value = ${text})
      OR (i.kind = 'email' AND i.value = ${text.toLowerCase()}) ${phone})))`;
}

function conditions(q: CustomerQuery, day: string): RawBuilder<SqlBool>[] {
  const where: RawBuilder<SqlBool>[] = [];
  // The first tag is a join (see customersPage); any further ones are tests.
  for (const tagId of q.tagIds.slice(1)) {
    where.push(sql<SqlBool>`EXISTS (SELECT 1 FROM tag_members tm
      WHERE tm.tag_id = ${tagId} AND tm.customer_id = c.id)`);
  }
  if (q.search && q.search.trim()) where.push(searchSql(q.search));
  if (q.rfm) where.push(sql<SqlBool>`(m.rfm_r = ${q.rfm.r} AND m.rfm_f = ${q.rfm.f})`);

  for (const f of q.filters) {
    const expr = columnSql(f.column, day);
    if (f.type === 'number') {
      where.push(sql<SqlBool>`(${expr} ${compare[f.cmp]} ${f.value})`);
    } else if (f.type === 'text') {
      where.push(sql<SqlBool>`(${expr} LIKE ${containsPattern(f.contains)} ESCAPE '\\')`);
    } else if (f.values.length === 0) {
      where.push(sql<SqlBool>`(1 = 0)`);
    } else {
      const values = numericColumns.has(f.column) ? f.values.map(Number) : f.values;
      where.push(sql<SqlBool>`(${expr} IN (${sql.join(values)}))`);
    }
  }
  return where;
}

/**
 * One page of the customers grid: filtered by tags, search, RFM cell and column
 * filters, sorted on whitelisted columns (ties by id, so pages never overlap), with
 * the total for the scroll bar. Phones are masked.
 */
export async function customersPage(
  db: Db,
  q: CustomerQuery,
  now: Date,
): Promise<{ rows: CustomerRow[]; total: number }> {
  const day = businessDayOf(await metricsAsOf(db, now));
  const where = conditions(q, day);
  const [firstTag] = q.tagIds;
  // Filtering by a tag starts from its members: far fewer rows than all customers.
  const base =
    firstTag === undefined
      ? customersWithMetrics(db)
      : customersWithMetrics(db).innerJoin('tag_members as tf', (join) =>
          join.onRef('tf.customer_id', '=', 'c.id').on('tf.tag_id', '=', firstTag),
        );
  const filtered = where.reduce((query, w) => query.where(w), base);

  const counted = await filtered
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();

  // Sort narrow rows (ids only), then read the page's 100 full rows by id.
  let page = filtered.select('c.id');
  // Customers without a value (no age, no order yet) go last in either direction.
  for (const s of q.sort) {
    const expr = columnSql(s.column, day);
    page = page.orderBy(sql<number>`(${expr}) IS NULL`, 'asc').orderBy(expr, s.dir);
  }
  const ids = (await page.orderBy('c.id').limit(q.limit).offset(q.offset).execute()).map(
    (r) => r.id,
  );
  const full = ids.length
    ? ((await customersWithMetrics(db)
        .select(rowColumns)
        .where('c.id', 'in', ids)
        .execute()) as RawRow[])
    : [];
  const byId = new Map(full.map((r) => [r.id, r]));
  const raw = ids.map((id) => byId.get(id)).filter((r): r is RawRow => r !== undefined);

  return { rows: await toCustomerRows(db, raw, day), total: Number(counted.n) };
}
