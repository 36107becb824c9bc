import { sql } from 'kysely';
import type { RawBuilder, SqlBool } from 'kysely';
import { customerKeyColumn } from '../../api/customers';
import type { CustomerQuery, CustomerRow, FilterColumn } from '../../api/customers';
import type { Db } from '../../db/open';
import { businessDayOf } from '../metrics/days';
import { metricsAsOf } from '../metrics/settings';
import { keyContainsSql, keyFilterText } from './key';
import { currencyOrder, hasOtherCurrencies, moneyColumns, yuanOnly } from './page-currency';
import { readRows } from './page-rows';
import { containsPattern, searchSql } from './search';
import { tagMembersWithMetrics } from './page-total';
import { columnSql, customerColumnsOnC, notNullColumns, numericColumns, sortSql } from './rows';

const compare = { eq: sql`=`, ne: sql`<>`, gt: sql`>`, gte: sql`>=`, lt: sql`<`, lte: sql`<=` };

/** A customer (its id in `ref`) is a member of the tag. */
function hasTag(tagId: number, ref: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`EXISTS (SELECT 1 FROM tag_members tm
    WHERE tm.tag_id = ${tagId} AND tm.customer_id = ${sql.ref(ref)})`;
}

/** One column filter as a condition on the column's value. */
function filterSql(f: CustomerQuery['filters'][number], day: string): RawBuilder<SqlBool> {
  if (f.type === 'text') {
    if (f.column === customerKeyColumn) {
      return keyContainsSql(keyFilterText(f.contains));
    }
    const text = columnSql(f.column, day);
    return sql<SqlBool>`(${text} LIKE ${containsPattern(f.contains)} ESCAPE '\\')`;
  }
  const expr = columnSql(f.column, day);
  if (f.type === 'number') return sql<SqlBool>`(${expr} ${compare[f.cmp]} ${f.value})`;
  if (f.values.length === 0) return sql<SqlBool>`(1 = 0)`;
  const values = numericColumns.has(f.column) ? f.values.map(Number) : f.values;
  return sql<SqlBool>`(${expr} IN (${sql.join(values)}))`;
}

/**
 * The query's conditions beside its tags: search, RFM cell, column filters. When some
 * customers are in other currencies (`others`), a money filter keeps yuan customers only.
 */
function conditions(q: CustomerQuery, day: string, others: boolean): RawBuilder<SqlBool>[] {
  const where: RawBuilder<SqlBool>[] = [];
  if (q.search && q.search.trim()) where.push(searchSql(q.search));
  if (q.rfm) where.push(sql<SqlBool>`(m.rfm_r = ${q.rfm.r} AND m.rfm_f = ${q.rfm.f})`);

  for (const f of q.filters) {
    const condition = filterSql(f, day);
    where.push(others && moneyColumns.has(f.column) ? yuanOnly(condition) : condition);
  }
  return where;
}

/** Whether the query reads the customers table (profile columns, search), not only metrics. */
function readsCustomers(q: CustomerQuery): boolean {
  const columns: FilterColumn[] = [
    ...q.sort.map((s) => s.column),
    ...q.filters.map((f) => f.column),
  ];
  return Boolean(q.search?.trim()) || columns.some((c) => customerColumnsOnC.has(c));
}

/**
 * The customers a query matches, as `m` (metrics) and, when it needs profile columns,
 * `c`. Every metrics row has its customer (a foreign key), so joining `c` only when
 * needed keeps the same rows. Merged customers have no metrics, so none shows.
 * Filtering by a tag starts from its members: often far fewer rows than all customers.
 */
function matching(db: Db, q: CustomerQuery, day: string, others: boolean) {
  const [firstTag, ...moreTags] = q.tagIds;
  const where = [...moreTags.map((t) => hasTag(t, 'm.customer_id')), ...conditions(q, day, others)];
  const base = db.k
    .selectFrom('customer_metrics as m')
    .$if(firstTag !== undefined, (query) =>
      query.innerJoin('tag_members as tf', (join) =>
        join.onRef('tf.customer_id', '=', 'm.customer_id').on('tf.tag_id', '=', firstTag!),
      ),
    )
    .$if(readsCustomers(q), (query) => query.innerJoin('customers as c', 'c.id', 'm.customer_id'));
  return where.reduce((query, w) => query.where(w), base);
}

/** How many customers the query matches, for the scroll bar. */
async function totalOf(db: Db, q: CustomerQuery, day: string, others: boolean) {
  const noConditions = conditions(q, day, others).length === 0;
  if (noConditions && q.tagIds.length === 1) {
    const members = tagMembersWithMetrics(db, q.tagIds[0]!);
    if (members !== null) return members;
  }
  const everyone = q.tagIds.length === 0 && noConditions;
  // Every customer with metrics: SQLite counts a whole table without reading its rows.
  const row = everyone
    ? await db.k
        .selectFrom('customer_metrics')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    : await matching(db, q, day, others)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * The ids of one page, in the grid's order: the sort columns, customers without a
 * value last in either direction, then id (so pages never overlap). When some customers
 * are in other currencies (`others`), a money column sorts yuan customers first, then
 * each other currency by code, and the amounts within each currency.
 */
async function sortedIds(db: Db, q: CustomerQuery, day: string, need: number, others: boolean) {
  let page = matching(db, q, day, others).select('m.customer_id as id');
  for (const s of q.sort) {
    const expr = sortSql(s.column, day);
    // A column that is never empty needs no "empty last" term, which lets an index serve.
    if (!notNullColumns.has(s.column)) page = page.orderBy(sql`(${expr}) IS NULL`, 'asc');
    if (others && moneyColumns.has(s.column)) {
      for (const term of currencyOrder()) page = page.orderBy(term, 'asc');
    }
    page = page.orderBy(expr, s.dir);
  }
  const rows = await page.orderBy('m.customer_id').limit(need).offset(q.offset).execute();
  return rows.map((r) => r.id);
}

/**
 * A page by lifetime spend read along the spend index: only the first `window`
 * customers in spend order are looked at, so a page near the top costs about
 * (offset + page) ÷ share of customers matching, however many match. Null when the
 * window held fewer matches than the page needs: the caller then sorts every match.
 */
async function spendWindowIds(
  db: Db,
  q: CustomerQuery,
  day: string,
  need: number,
  window: number,
): Promise<number[] | null> {
  const dir = q.sort[0]!.dir;
  const first = db.k
    .selectFrom('customer_metrics')
    .select(['customer_id', 'spend_all'])
    .orderBy('spend_all', dir)
    .orderBy('customer_id')
    .limit(window)
    .as('w');
  // Taken only when every customer is in yuan: no currency rule applies.
  const where = conditions(q, day, false);
  const tags = q.tagIds.map((t) => hasTag(t, 'w.customer_id'));
  // The conditions read the metrics (and perhaps the profile) of the window's customers.
  const page = db.k
    .selectFrom(first)
    .select('w.customer_id as id')
    .$if(where.length > 0, (query) =>
      query.innerJoin('customer_metrics as m', 'm.customer_id', 'w.customer_id'),
    )
    .$if(where.length > 0 && readsCustomers(q), (query) =>
      query.innerJoin('customers as c', 'c.id', 'w.customer_id'),
    );
  const rows = await [...tags, ...where]
    .reduce((query, w) => query.where(w), page)
    .orderBy('w.spend_all', dir)
    .orderBy('w.customer_id')
    .limit(need)
    .offset(q.offset)
    .execute();
  return rows.length === need ? rows.map((r) => r.id) : null;
}

/**
 * How many customers in spend order to look at for a page: twice what an even spread
 * of the matches would need, plus a margin. Null when sorting all matches is cheaper, or
 * when some customers are in other currencies (`others`): the spend index then does not
 * give the grid's order (yuan first, then each other currency).
 */
async function spendWindow(db: Db, q: CustomerQuery, total: number, need: number, others: boolean) {
  const [only] = q.sort;
  if (others || q.sort.length !== 1 || only?.column !== 'spendAll') return null;
  const all = await db.k
    .selectFrom('customer_metrics')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const customers = Number(all.n);
  const window = Math.ceil((2 * (q.offset + need) * customers) / total) + 100;
  // Sorting reads every candidate: at least the `total` matches of a tag, or every customer.
  const candidates = q.tagIds.length > 0 ? total : customers;
  return window < Math.min(customers, candidates) ? window : null;
}

/**
 * One page of the customers grid: filtered by tags, search, RFM cell and column
 * filters, sorted on whitelisted columns (ties by id, so pages never overlap), with
 * the total for the scroll bar. Money is sorted and filtered within a currency (rules in
 * page-currency.ts). Phones are masked.
 */
export async function customersPage(
  db: Db,
  q: CustomerQuery,
  now: Date,
): Promise<{ rows: CustomerRow[]; total: number }> {
  // One connection for the whole page: the rows, read with prepared statements on the
  // raw connection, are then never read in the middle of someone else's transaction.
  return db.k.connection().execute(async (k) => {
    const held: Db = { ...db, k };
    const day = businessDayOf(await metricsAsOf(held, now));
    const others = hasOtherCurrencies(held.raw);
    const total = await totalOf(held, q, day, others);
    const need = Math.min(q.limit, total - q.offset);
    if (need <= 0) return { rows: [], total };

    const window = await spendWindow(held, q, total, need, others);
    const fast = window === null ? null : await spendWindowIds(held, q, day, need, window);
    const ids = fast ?? (await sortedIds(held, q, day, need, others));
    return { rows: readRows(held, ids, day), total };
  });
}
