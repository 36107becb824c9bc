import { sql } from 'kysely';
import type { RawBuilder } from 'kysely';
import type { Runner, Values } from './runner';

/** What the statements of the preferred channel, store and category bind. */
export interface PreferredValues extends Values {
  asOfMs: number;
  ids: readonly number[];
}

const noValues = {};

/**
 * Scratch tables of the customers' sales per channel, per store and per category, made
 * once per connection. Their keys hold the order in which the preferred one is chosen
 * (most sales or spend first), so that picking it is one index seek per customer
 * instead of two small sorts per customer and per preference.
 */
const tables: Record<string, RawBuilder<unknown>> = {
  channel: sql`CREATE TEMP TABLE IF NOT EXISTS metrics_channel (
    customer_id INTEGER NOT NULL, n INTEGER NOT NULL, s INTEGER NOT NULL, channel TEXT NOT NULL,
    PRIMARY KEY (customer_id, n DESC, s DESC, channel)) WITHOUT ROWID`,
  store: sql`CREATE TEMP TABLE IF NOT EXISTS metrics_store (
    customer_id INTEGER NOT NULL, n INTEGER NOT NULL, s INTEGER NOT NULL,
    store_id INTEGER NOT NULL, PRIMARY KEY (customer_id, n DESC, s DESC, store_id)) WITHOUT ROWID`,
  category: sql`CREATE TEMP TABLE IF NOT EXISTS metrics_category (
    customer_id INTEGER NOT NULL, s INTEGER NOT NULL, n INTEGER NOT NULL,
    category TEXT NOT NULL, PRIMARY KEY (customer_id, s DESC, n DESC, category)) WITHOUT ROWID`,
};

function scope(scoped: boolean, ids: readonly number[]): RawBuilder<unknown> {
  return scoped ? sql`AND o.customer_id IN (${sql.join([...ids])})` : sql``;
}

/** The sales up to the as-of instant of the customers in scope (all when not scoped). */
function sales(v: PreferredValues, scoped: boolean): RawBuilder<unknown> {
  return sql`o.customer_id IS NOT NULL AND o.ordered_at <= ${v.asOfMs} AND o.kind = 'sale'
    ${scope(scoped, v.ids)}`;
}

/** Per customer and channel (or store): the number of sales and their spend. */
function fillChannel(v: PreferredValues, scoped: boolean): RawBuilder<unknown> {
  return sql`INSERT INTO temp.metrics_channel (customer_id, n, s, channel)
    SELECT o.customer_id, count(*), sum(o.amount_fen), o.channel FROM orders o
    WHERE ${sales(v, scoped)} GROUP BY o.customer_id, o.channel`;
}

function fillStore(v: PreferredValues, scoped: boolean): RawBuilder<unknown> {
  return sql`INSERT INTO temp.metrics_store (customer_id, n, s, store_id)
    SELECT o.customer_id, count(*), sum(o.amount_fen), o.store_id FROM orders o
    WHERE ${sales(v, scoped)} AND o.store_id IS NOT NULL GROUP BY o.customer_id, o.store_id`;
}

/** Per customer and category: the spend of the sales' lines and their number. */
function fillCategory(v: PreferredValues, scoped: boolean): RawBuilder<unknown> {
  return sql`INSERT INTO temp.metrics_category (customer_id, s, n, category)
    SELECT o.customer_id, sum(l.amount_fen), count(*), p.category FROM orders o
    JOIN order_lines l ON l.order_id = o.id JOIN products p ON p.id = l.product_id
    WHERE ${sales(v, scoped)} AND p.category IS NOT NULL GROUP BY o.customer_id, p.category`;
}

/**
 * Fills the scratch tables for the customers of a metrics statement (all when not
 * scoped); `shape` names the statement's shape (see Runner.runShaped).
 */
export function fillPreferred(r: Runner, shape: string, v: PreferredValues, scoped: boolean) {
  for (const [name, create] of Object.entries(tables)) {
    r.runShaped(`metrics:create-${name}`, noValues, () => create);
    r.runShaped(
      `metrics:clear-${name}`,
      noValues,
      () => sql`DELETE FROM ${sql.table(`temp.metrics_${name}`)}`,
    );
  }
  r.runShaped(`${shape}:channel`, v, (p) => fillChannel(p, scoped));
  r.runShaped(`${shape}:store`, v, (p) => fillStore(p, scoped));
  r.runShaped(`${shape}:category`, v, (p) => fillCategory(p, scoped));
}

/** The channel with the most sales, then the most spend, then the first by code. */
export const preferredChannel = sql`(SELECT x.channel FROM temp.metrics_channel x
  WHERE x.customer_id = a.customer_id ORDER BY x.n DESC, x.s DESC, x.channel LIMIT 1)`;

/** The store with the most sales, then the most spend, then the lowest id. */
export const preferredStore = sql`(SELECT x.store_id FROM temp.metrics_store x
  WHERE x.customer_id = a.customer_id ORDER BY x.n DESC, x.s DESC, x.store_id LIMIT 1)`;

/** The category with the most spend over the sales' lines, then the most lines, then by name. */
export const preferredCategory = sql`(SELECT x.category FROM temp.metrics_category x
  WHERE x.customer_id = a.customer_id ORDER BY x.s DESC, x.n DESC, x.category LIMIT 1)`;
