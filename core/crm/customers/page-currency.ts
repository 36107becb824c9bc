import { sql } from 'kysely';
import type { RawBuilder, SqlBool } from 'kysely';
import type SQLite from 'better-sqlite3';
import type { FilterColumn } from '../../api/customers';
import { prepared, versionOf } from './page-total';

/*
 * A customer's money (spend, AOV, LTV) is in their own currency, and amounts in different
 * currencies are never compared as bare numbers. So in the customers grid:
 * - sorted by a money column, customers in yuan come first, then each other currency by
 *   its code (EUR, GBP, USD, …), whichever the direction; the direction orders the
 *   amounts within one currency;
 * - a money filter is typed in yuan and keeps customers in yuan only: a customer in
 *   another currency is not compared with it, so is left out while it is set.
 * When every customer is in yuan both rules change nothing, and the page keeps its plain
 * queries (and its walk along the spend index).
 */

/** Columns holding an amount in the customer's currency (minor units: fen, pence, …). */
export const moneyColumns: ReadonlySet<FilterColumn> = new Set<FilterColumn>([
  'spend30',
  'spend90',
  'spend365',
  'spendAll',
  'aovFen',
  'ltvFen',
]);

const othersSql = `SELECT EXISTS (SELECT 1 FROM customer_metrics WHERE currency <> 'CNY')`;

const othersByConnection = new WeakMap<SQLite.Database, { version: string; others: boolean }>();

/**
 * Whether any customer's money is in a currency other than yuan, as this connection sees
 * the file now. Kept until the file next changes: the answer reads every metrics row.
 */
export function hasOtherCurrencies(raw: SQLite.Database): boolean {
  const version = versionOf(raw);
  const known = othersByConnection.get(raw);
  if (known?.version === version) return known.others;

  const others = (prepared(raw, othersSql).get() as number) === 1;
  othersByConnection.set(raw, { version, others });
  return others;
}

/** Sort terms that put yuan customers first, then the other currencies by code. */
export function currencyOrder(): RawBuilder<unknown>[] {
  return [sql`(m.currency <> 'CNY')`, sql`m.currency`];
}

/** A money filter's condition holds for customers in yuan only (see the rules above). */
export function yuanOnly(condition: RawBuilder<SqlBool>): RawBuilder<SqlBool> {
  return sql<SqlBool>`(m.currency = 'CNY' AND ${condition})`;
}
