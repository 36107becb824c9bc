import { sql } from 'kysely';
import type { RawBuilder } from 'kysely';
import type { LifecycleSettings } from '../../api/tags';
import { addDays } from './days';
import type { Windows } from './days';
import { fillPreferred, preferredCategory, preferredChannel, preferredStore } from './preferred';
import type { Runner, Values } from './runner';

/**
 * Limits a statement to some customers (an incremental refresh) or none (a full
 * recompute). Callers pass at most a few hundred ids at a time.
 */
function scope(column: string, ids: readonly number[]): RawBuilder<unknown> {
  return sql`AND ${sql.ref(column)} IN (${sql.join([...ids])})`;
}

/**
 * Whole days between two business days. SQLite's julianday; on PostgreSQL this
 * would be a date subtraction, the one dialect-specific expression of the metrics.
 */
function dayDiff(from: RawBuilder<unknown>, to: string): RawBuilder<number> {
  return sql<number>`CAST(julianday(${to}) - julianday(${from}) AS INTEGER)`;
}

/**
 * Rewrites the metrics rows of customers (all when `ids` is null) as of the windows'
 * instant, in set operations over the orders. Only sales are purchases; returns and
 * cancellations are signed and reduce spend in the window where they happened;
 * write-offs and adjustments are not the customer's spend. Merged customers get no
 * row of their own (their orders moved to the customer they were merged into).
 */
export function writeMetrics(
  r: Runner,
  w: Windows,
  life: LifecycleSettings,
  ids: readonly number[] | null,
): void {
  // "Fewer than N days before the as-of day" is "after the day N days before it": days
  // as 'YYYY-MM-DD' compare like the dates they name, so no date arithmetic per customer.
  const values: MetricsValues = {
    asOfMs: w.asOfMs,
    day: w.day,
    from30: w.from30,
    from90: w.from90,
    from365: w.from365,
    newSince: addDays(w.day, -life.newWithinDays),
    activeSince: addDays(w.day, -life.activeWithinDays),
    sleepingSince: addDays(w.day, -life.sleepingWithinDays),
    ids: ids ?? [],
  };
  const shape = ids ? `metrics:${ids.length}` : 'metrics:all';
  r.runShaped(`${shape}:delete`, values, (v) =>
    r.k
      .deleteFrom('customer_metrics')
      .$if(ids !== null, (q) => q.where('customer_id', 'in', v.ids)),
  );
  fillPreferred(r, shape, values, ids !== null);
  r.runShaped(`${shape}:insert`, values, (v) => insertMetrics(v, ids !== null));
}

/** The values a metrics statement binds; `ids` limits it to some customers when scoped. */
interface MetricsValues extends Values {
  asOfMs: number;
  day: string;
  from30: string;
  from90: string;
  from365: string;
  newSince: string;
  activeSince: string;
  sleepingSince: string;
  ids: readonly number[];
}

/** A window's bounds: from this business day on (null: lifetime). */
type WindowFrom = string | null;

function inWindow(alias: string, from: WindowFrom): RawBuilder<unknown> {
  return from === null ? sql`1` : sql`${sql.ref(`${alias}.business_day`)} >= ${from}`;
}

/** The customer's orders that count for the metrics, for the subqueries of mixed currencies. */
function counted(v: MetricsValues): RawBuilder<unknown> {
  return sql`x.customer_id = c.id AND x.ordered_at <= ${v.asOfMs}
    AND x.kind IN ('sale', 'return', 'cancellation')`;
}

/** Whether the customer's counted orders (if any) are all in one currency. */
const oneCurrency = sql`(min(o.currency) IS NULL OR min(o.currency) = max(o.currency))`;

/**
 * The currency of a customer's money metrics: yuan when any counted order is in yuan,
 * otherwise the first by code. A customer with no sale, return or cancellation (only
 * adjustments, or nothing yet) takes the currency of their other orders, so that a UK
 * customer never shows ¥0.00.
 */
function currencyOf(v: MetricsValues): RawBuilder<unknown> {
  return sql`CASE WHEN min(o.currency) IS NULL
      THEN coalesce((SELECT min(x.currency) FROM orders x WHERE x.customer_id = c.id
        AND x.ordered_at <= ${v.asOfMs}), 'CNY')
    WHEN min(o.currency) = max(o.currency) THEN min(o.currency)
    WHEN EXISTS (SELECT 1 FROM orders x WHERE ${counted(v)} AND x.currency = 'CNY') THEN 'CNY'
    ELSE min(o.currency) END`;
}

/**
 * The money of a customer in one window, in their currency. A customer whose orders are
 * all in one currency reads the sum of the one pass; one with orders in several
 * currencies (rare) is summed again in their currency, by a subquery that runs only for them.
 */
function money(v: MetricsValues, from: WindowFrom): RawBuilder<unknown> {
  const inPass =
    from === null
      ? sql`sum(o.amount_fen)`
      : sql`sum(o.amount_fen) FILTER (WHERE ${inWindow('o', from)})`;
  return sql`CASE WHEN ${oneCurrency} THEN coalesce(${inPass}, 0)
    ELSE (SELECT coalesce(sum(x.amount_fen), 0) FROM orders x
      WHERE ${counted(v)} AND x.currency = ${currencyOf(v)} AND ${inWindow('x', from)}) END`;
}

/** Sales in a window (all sales when `from` is null), currency-free. */
function salesIn(from: WindowFrom): RawBuilder<unknown> {
  const sale =
    from === null ? sql`o.kind = 'sale'` : sql`o.kind = 'sale' AND ${inWindow('o', from)}`;
  return sql`count(*) FILTER (WHERE ${sale})`;
}

/** The least or greatest value of a column over the customer's sales. */
function ofSales(fn: 'min' | 'max', column: 'ordered_at' | 'business_day'): RawBuilder<unknown> {
  return sql`${sql.raw(fn)}(${sql.ref(`o.${column}`)}) FILTER (WHERE o.kind = 'sale')`;
}

/**
 * Per customer, in one pass over their orders: first and last sale, sales per window,
 * money per window in the customer's currency, the sales that count for the average
 * order and the orders left out of the money. Every value is made once per customer
 * here, where the group's sums are at hand, so that the statement around it only reads.
 */
function perCustomer(v: MetricsValues, scoped: boolean): RawBuilder<unknown> {
  const currency = currencyOf(v);
  // Sales counted for the average order, and orders left out: by the customer's currency.
  const sales = sql`CASE WHEN ${oneCurrency} THEN ${salesIn(null)}
    ELSE (SELECT count(*) FROM orders x
      WHERE ${counted(v)} AND x.kind = 'sale' AND x.currency = ${currency}) END`;
  const others = sql`CASE WHEN ${oneCurrency} THEN 0
    ELSE (SELECT count(*) FROM orders x WHERE ${counted(v)} AND x.currency <> ${currency}) END`;

  // Each customer's orders come from the covering index orders_customer_sales_currency
  // (customer, channel, store, …), in customer order: the grouping needs no sort. FILTER
  // skips an aggregate's step for the orders it does not count (cheaper than a CASE).
  return sql`SELECT c.id AS customer_id,
      ${ofSales('min', 'ordered_at')} AS first_at, ${ofSales('max', 'ordered_at')} AS last_at,
      ${ofSales('min', 'business_day')} AS first_day,
      ${ofSales('max', 'business_day')} AS last_day,
      ${salesIn(v.from30)} AS o30, ${salesIn(v.from90)} AS o90, ${salesIn(v.from365)} AS o365,
      ${salesIn(null)} AS orders_all,
      ${money(v, v.from30)} AS s30, ${money(v, v.from90)} AS s90,
      ${money(v, v.from365)} AS s365, ${money(v, null)} AS spend_all,
      ${sales} AS sales, ${currency} AS currency, ${others} AS others
    FROM customers c LEFT JOIN orders o ON o.customer_id = c.id
      AND o.ordered_at <= ${v.asOfMs} AND o.kind IN ('sale', 'return', 'cancellation')
    WHERE c.merged_into IS NULL ${scoped ? scope('c.id', v.ids) : sql``}
    GROUP BY c.id`;
}

/**
 * Amounts in different currencies are never added. A customer's money metrics (spend,
 * AOV, LTV) are in one currency: yuan when any of their orders is in yuan, otherwise the
 * first of their currencies by code. Orders in other currencies still count as orders
 * (recency, frequency and the lifecycle are currency-free) but not as spend, and their
 * number is kept beside the metrics so that the console can say what was left out.
 */
function insertMetrics(v: MetricsValues, scoped: boolean): RawBuilder<unknown> {
  // The preferred channel, store and category are read per buying customer from scratch
  // tables filled just before (see preferred.ts), each by one index seek.
  return sql`
    INSERT INTO customer_metrics (
      customer_id, as_of, first_order_at, last_order_at, recency_days,
      orders_30, orders_90, orders_365, orders_all, spend_30, spend_90, spend_365, spend_all,
      aov_fen, ltv_fen, preferred_channel, preferred_category, preferred_store_id, lifecycle,
      currency, other_currency_orders
    )
    SELECT a.customer_id, ${v.asOfMs}, a.first_at, a.last_at, ${dayDiff(sql`a.last_day`, v.day)},
      a.o30, a.o90, a.o365, a.orders_all, a.s30, a.s90, a.s365, a.spend_all,
      CASE WHEN a.sales > 0 THEN CAST(round(a.spend_all * 1.0 / a.sales) AS INTEGER) ELSE 0 END,
      a.spend_all,
      CASE WHEN a.orders_all > 0 THEN ${preferredChannel} END,
      CASE WHEN a.orders_all > 0 THEN ${preferredCategory} END,
      CASE WHEN a.orders_all > 0 THEN ${preferredStore} END,
      CASE
        WHEN a.orders_all = 0 THEN 'none'
        WHEN a.first_day > ${v.newSince} THEN 'new'
        WHEN a.last_day > ${v.activeSince}
          THEN CASE WHEN a.orders_all >= 2 THEN 'repeat' ELSE 'active' END
        WHEN a.last_day > ${v.sleepingSince} THEN 'sleeping'
        ELSE 'lost'
      END,
      a.currency, a.others
    FROM (${perCustomer(v, scoped)}) a
  `;
}
