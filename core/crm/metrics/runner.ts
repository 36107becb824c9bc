import type SQLite from 'better-sqlite3';
import type { Compilable, Kysely, RawBuilder } from 'kysely';
import type { Database } from '../../db/schema';

/**
 * Runs the statements of the recompute and of a customer's refresh. Kysely builds and
 * compiles each one to constant SQL text with bound parameters; the prepared statement
 * for that text is made once per connection and reused, so that refreshing one customer
 * after a new order does not parse and plan some twenty statements again every time.
 */
export interface Runner {
  /** Builds queries and runs what a statement cache cannot (e.g. transactions). */
  k: Kysely<Database>;
  /** Runs a statement that returns no rows; the number of rows it changed. */
  run(query: Query): number;
  /** Runs a statement that returns rows. */
  all<R>(query: Query): R[];
}

/** A query built with Kysely: a builder, or a `sql` template. */
export type Query = Compilable | RawBuilder<unknown>;

/**
 * A bound on the statements kept per connection: their texts vary only with the rules
 * of the tags and the number of customers refreshed together, so a full cache is a
 * sign of churn and is simply emptied.
 */
const maxStatements = 200;
const caches = new WeakMap<SQLite.Database, Map<string, SQLite.Statement>>();

function prepared(raw: SQLite.Database, text: string): SQLite.Statement {
  let cache = caches.get(raw);
  if (!cache) {
    cache = new Map();
    caches.set(raw, cache);
  }
  let statement = cache.get(text);
  if (!statement) {
    if (cache.size >= maxStatements) cache.clear();
    statement = raw.prepare(text);
    cache.set(text, statement);
  }
  return statement;
}

/**
 * A runner on the raw connection under `k`. Use it inside a Kysely transaction on that
 * connection: the transaction holds the connection, so nothing else interleaves, and
 * these statements, run synchronously on it, belong to the transaction.
 */
export function rawRunner(k: Kysely<Database>, raw: SQLite.Database): Runner {
  const compile = (query: Query) => ('isRawBuilder' in query ? query.compile(k) : query.compile());
  return {
    k,
    run(query) {
      const { sql, parameters } = compile(query);
      return prepared(raw, sql).run(...parameters).changes;
    },
    all<R>(query: Query) {
      const { sql, parameters } = compile(query);
      return prepared(raw, sql).all(...parameters) as R[];
    },
  };
}
