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

function inWindow(from: WindowFrom): RawBuilder<unknown> {
  return from === null ? sql`1` : sql`o.business_day >= ${from}`;
}

/** The customer's orders that count for the metrics, for the subqueries of mixed currencies. */
function counted(v: MetricsValues, alias = 'a'): RawBuilder<unknown> {
  return sql`o.customer_id = ${sql.ref(`${alias}.customer_id`)} AND o.ordered_at <= ${v.asOfMs}
    AND o.kind IN ('sale', 'return', 'cancellation')`;
}

/**
 * The money of a customer in one window, in their currency (see `insertMetrics`). A
 * customer whose orders are all in one currency reads the sum of the one pass; one with
 * orders in several currencies (rare) is summed again in their currency, by a subquery
 * that runs only for them.
 */
function money(v: MetricsValues, from: WindowFrom, suffix: string): RawBuilder<unknown> {
  const again = sql`(SELECT coalesce(sum(o.amount_fen), 0) FROM orders o
    WHERE ${counted(v)} AND o.currency = a.currency AND ${inWindow(from)})`;
  return sql`CASE WHEN a.mixed = 0 THEN coalesce(${sql.ref(`a.s${suffix}`)}, 0) ELSE ${again} END`;
}

/**
 * Amounts in different currencies are never added. A customer's money metrics (spend,
 * AOV, LTV) are in one currency: yuan when any of their orders is in yuan, otherwise the
 * first of their currencies by code. Orders in other currencies still count as orders
 * (recency, frequency and the lifecycle are currency-free) but not as spend, and their
 * number is kept beside the metrics so that the console can say what was left out.
 */
function insertMetrics(v: MetricsValues, scoped: boolean): RawBuilder<unknown> {
  const recency = dayDiff(sql`a.last_day`, v.day);
  const spendAll = money(v, null, 'all');
  // A customer with no sale, return or cancellation (only adjustments, or nothing yet)
  // takes the currency of their other orders, so that a UK customer never shows ¥0.00.
  const currency = sql`CASE WHEN g.min_currency IS NULL
      THEN coalesce((SELECT min(o.currency) FROM orders o WHERE o.customer_id = g.customer_id
        AND o.ordered_at <= ${v.asOfMs}), 'CNY')
    WHEN g.min_currency = g.max_currency THEN g.min_currency
    WHEN EXISTS (SELECT 1 FROM orders o WHERE ${counted(v, 'g')} AND o.currency = 'CNY')
      THEN 'CNY'
    ELSE g.min_currency END`;
  // Sales counted for the average order, and orders left out: by the customer's currency.
  const sales = sql`CASE WHEN a.mixed = 0 THEN a.orders_all
    ELSE (SELECT count(*) FROM orders o
      WHERE ${counted(v)} AND o.kind = 'sale' AND o.currency = a.currency) END`;
  const others = sql`CASE WHEN a.mixed = 0 THEN 0
    ELSE (SELECT count(*) FROM orders o WHERE ${counted(v)} AND o.currency <> a.currency) END`;

  // One pass over the customers in id order; each one's orders come from the covering
  // index orders_customer_sales_currency (customer, channel, store, …), so the grouping
  // needs no sort. The preferred channel, store and category are read per buying customer
  // from scratch tables filled just before (see preferred.ts), each by one index seek.
  return sql`
    INSERT INTO customer_metrics (
      customer_id, as_of, first_order_at, last_order_at, recency_days,
      orders_30, orders_90, orders_365, orders_all, spend_30, spend_90, spend_365, spend_all,
      aov_fen, ltv_fen, preferred_channel, preferred_category, preferred_store_id, lifecycle,
      currency, other_currency_orders
    )
    SELECT customer_id, as_of, first_at, last_at, recency, o30, o90, o365, orders_all,
      s30, s90, s365, spend_all,
      CASE WHEN sales > 0 THEN CAST(round(spend_all * 1.0 / sales) AS INTEGER) ELSE 0 END,
      spend_all, channel, category, store, lifecycle, currency, others
    FROM (
    SELECT a.customer_id, ${v.asOfMs} AS as_of, a.first_at, a.last_at, ${recency} AS recency,
      a.o30, a.o90, a.o365, a.orders_all, ${money(v, v.from30, '30')} AS s30,
      ${money(v, v.from90, '90')} AS s90, ${money(v, v.from365, '365')} AS s365,
      ${spendAll} AS spend_all, ${sales} AS sales,
      CASE WHEN a.orders_all > 0 THEN ${preferredChannel} END AS channel,
      CASE WHEN a.orders_all > 0 THEN ${preferredCategory} END AS category,
      CASE WHEN a.orders_all > 0 THEN ${preferredStore} END AS store,
      CASE
        WHEN a.orders_all = 0 THEN 'none'
        WHEN a.first_day > ${v.newSince} THEN 'new'
        WHEN a.last_day > ${v.activeSince}
          THEN CASE WHEN a.orders_all >= 2 THEN 'repeat' ELSE 'active' END
        WHEN a.last_day > ${v.sleepingSince} THEN 'sleeping'
        ELSE 'lost'
      END AS lifecycle,
      a.currency, ${others} AS others
    FROM (
    SELECT g.*, ${currency} AS currency,
      CASE WHEN g.min_currency IS NULL OR g.min_currency = g.max_currency THEN 0 ELSE 1 END
        AS mixed
    FROM (
      SELECT c.id AS customer_id,
        min(CASE WHEN o.kind = 'sale' THEN o.ordered_at END) AS first_at,
        max(CASE WHEN o.kind = 'sale' THEN o.ordered_at END) AS last_at,
        min(CASE WHEN o.kind = 'sale' THEN o.business_day END) AS first_day,
        max(CASE WHEN o.kind = 'sale' THEN o.business_day END) AS last_day,
        sum(CASE WHEN o.kind = 'sale' AND o.business_day >= ${v.from30} THEN 1 ELSE 0 END) AS o30,
        sum(CASE WHEN o.kind = 'sale' AND o.business_day >= ${v.from90} THEN 1 ELSE 0 END) AS o90,
        sum(CASE WHEN o.kind = 'sale' AND o.business_day >= ${v.from365} THEN 1 ELSE 0 END)
          AS o365,
        sum(CASE WHEN o.kind = 'sale' THEN 1 ELSE 0 END) AS orders_all,
        sum(CASE WHEN o.business_day >= ${v.from30} THEN o.amount_fen ELSE 0 END) AS s30,
        sum(CASE WHEN o.business_day >= ${v.from90} THEN o.amount_fen ELSE 0 END) AS s90,
        sum(CASE WHEN o.business_day >= ${v.from365} THEN o.amount_fen ELSE 0 END) AS s365,
        sum(o.amount_fen) AS sall,
        min(o.currency) AS min_currency, max(o.currency) AS max_currency
      FROM customers c LEFT JOIN orders o ON o.customer_id = c.id
        AND o.ordered_at <= ${v.asOfMs} AND o.kind IN ('sale', 'return', 'cancellation')
      WHERE c.merged_into IS NULL ${scoped ? scope('c.id', v.ids) : sql``}
      GROUP BY c.id
    ) g
    ) a
    )
  `;
}
