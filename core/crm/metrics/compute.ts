import { sql } from 'kysely';
import type { Kysely, RawBuilder } from 'kysely';
import type { LifecycleSettings } from '../../api/tags';
import type { Database } from '../../db/schema';
import { addDays } from './days';
import type { Windows } from './days';

/**
 * Limits a statement to some customers (an incremental refresh) or none (a full
 * recompute). Callers pass at most a few hundred ids at a time.
 */
function scope(column: string, ids: readonly number[] | null): RawBuilder<unknown> {
  return ids ? sql`AND ${sql.ref(column)} IN (${sql.join(ids)})` : sql``;
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
export async function writeMetrics(
  k: Kysely<Database>,
  w: Windows,
  life: LifecycleSettings,
  ids: readonly number[] | null,
): Promise<void> {
  await k
    .deleteFrom('customer_metrics')
    .$if(ids !== null, (q) => q.where('customer_id', 'in', ids ?? []))
    .execute();

  const recency = dayDiff(sql`a.last_day`, w.day);
  const ordersAll = sql`coalesce(a.orders_all, 0)`;
  const spendAll = sql`coalesce(a.spend_all, 0)`;
  // "Fewer than N days before the as-of day" is "after the day N days before it": days
  // as 'YYYY-MM-DD' compare like the dates they name, so no date arithmetic per customer.
  const newSince = addDays(w.day, -life.newWithinDays);
  const activeSince = addDays(w.day, -life.activeWithinDays);
  const sleepingSince = addDays(w.day, -life.sleepingWithinDays);

  // Each part starts from the customers and reads their orders through the covering
  // index orders_customer_sales (customer, channel, store, …): the groups arrive in
  // index order, so the per-customer and per-channel-and-store sums need no sorting.
  await sql`
    WITH agg AS (
      SELECT c.id AS customer_id,
        min(CASE WHEN o.kind = 'sale' THEN o.ordered_at END) AS first_at,
        max(CASE WHEN o.kind = 'sale' THEN o.ordered_at END) AS last_at,
        min(CASE WHEN o.kind = 'sale' THEN o.business_day END) AS first_day,
        max(CASE WHEN o.kind = 'sale' THEN o.business_day END) AS last_day,
        sum(CASE WHEN o.kind = 'sale' AND o.business_day >= ${w.from30} THEN 1 ELSE 0 END) AS o30,
        sum(CASE WHEN o.kind = 'sale' AND o.business_day >= ${w.from90} THEN 1 ELSE 0 END) AS o90,
        sum(CASE WHEN o.kind = 'sale' AND o.business_day >= ${w.from365} THEN 1 ELSE 0 END)
          AS o365,
        sum(CASE WHEN o.kind = 'sale' THEN 1 ELSE 0 END) AS orders_all,
        sum(CASE WHEN o.business_day >= ${w.from30} THEN o.amount_fen ELSE 0 END) AS s30,
        sum(CASE WHEN o.business_day >= ${w.from90} THEN o.amount_fen ELSE 0 END) AS s90,
        sum(CASE WHEN o.business_day >= ${w.from365} THEN o.amount_fen ELSE 0 END) AS s365,
        sum(o.amount_fen) AS spend_all
      FROM customers c JOIN orders o ON o.customer_id = c.id
      WHERE c.merged_into IS NULL AND o.ordered_at <= ${w.asOfMs}
        AND o.kind IN ('sale', 'return', 'cancellation') ${scope('c.id', ids)}
      GROUP BY c.id
    ),
    pair AS (
      SELECT c.id AS customer_id, o.channel, o.store_id, count(*) AS n,
        sum(o.amount_fen) AS spend
      FROM customers c JOIN orders o ON o.customer_id = c.id
      WHERE c.merged_into IS NULL AND o.ordered_at <= ${w.asOfMs} AND o.kind = 'sale'
        ${scope('c.id', ids)}
      GROUP BY c.id, o.channel, o.store_id
    ),
    chan AS (
      SELECT customer_id, channel, row_number() OVER (PARTITION BY customer_id
               ORDER BY sum(n) DESC, sum(spend) DESC, channel) AS rn
      FROM pair GROUP BY customer_id, channel
    ),
    store AS (
      SELECT customer_id, store_id, row_number() OVER (PARTITION BY customer_id
               ORDER BY sum(n) DESC, sum(spend) DESC, store_id) AS rn
      FROM pair WHERE store_id IS NOT NULL GROUP BY customer_id, store_id
    ),
    cat AS (
      SELECT c.id AS customer_id, p.category, row_number() OVER (PARTITION BY c.id
               ORDER BY sum(l.amount_fen) DESC, count(*) DESC, p.category) AS rn
      FROM customers c JOIN orders o ON o.customer_id = c.id
      JOIN order_lines l ON l.order_id = o.id
      JOIN products p ON p.id = l.product_id
      WHERE c.merged_into IS NULL AND o.ordered_at <= ${w.asOfMs} AND o.kind = 'sale'
        AND p.category IS NOT NULL ${scope('c.id', ids)}
      GROUP BY c.id, p.category
    )
    INSERT INTO customer_metrics (
      customer_id, as_of, first_order_at, last_order_at, recency_days,
      orders_30, orders_90, orders_365, orders_all, spend_30, spend_90, spend_365, spend_all,
      aov_fen, ltv_fen, preferred_channel, preferred_category, preferred_store_id, lifecycle
    )
    SELECT c.id, ${w.asOfMs}, a.first_at, a.last_at, ${recency},
      coalesce(a.o30, 0), coalesce(a.o90, 0), coalesce(a.o365, 0), ${ordersAll},
      coalesce(a.s30, 0), coalesce(a.s90, 0), coalesce(a.s365, 0), ${spendAll},
      CASE WHEN ${ordersAll} > 0 THEN CAST(round(${spendAll} * 1.0 / ${ordersAll}) AS INTEGER)
           ELSE 0 END,
      ${spendAll},
      ch.channel, ca.category, st.store_id,
      CASE
        WHEN ${ordersAll} = 0 THEN 'none'
        WHEN a.first_day > ${newSince} THEN 'new'
        WHEN a.last_day > ${activeSince}
          THEN CASE WHEN ${ordersAll} >= 2 THEN 'repeat' ELSE 'active' END
        WHEN a.last_day > ${sleepingSince} THEN 'sleeping'
        ELSE 'lost'
      END
    FROM customers c
    LEFT JOIN agg a ON a.customer_id = c.id
    LEFT JOIN chan ch ON ch.customer_id = c.id AND ch.rn = 1
    LEFT JOIN cat ca ON ca.customer_id = c.id AND ca.rn = 1
    LEFT JOIN store st ON st.customer_id = c.id AND st.rn = 1
    WHERE c.merged_into IS NULL ${scope('c.id', ids)}
  `.execute(k);
}
