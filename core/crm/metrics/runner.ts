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
  /**
   * Runs a statement that returns one column: its values, without an object per row
   * (cheaper when the recompute reads a column of every customer).
   */
  column<T>(query: Query): T[];
  /**
   * Runs a statement whose text depends only on `key`: built and compiled once per
   * connection with a slot in place of each value, then only bound to `values`. Every
   * value must reach the SQL as a parameter, unchanged; the first build checks it.
   */
  runShaped<V extends Values>(key: string, values: V, build: (v: V) => Query): number;
}

/** A query built with Kysely: a builder, or a `sql` template. */
export type Query = Compilable | RawBuilder<unknown>;

type Value = string | number | null;
/** The values of a shaped statement: scalars, or lists (customer ids). */
export type Values = Record<string, Value | readonly Value[]>;

/** Compiled in place of a value, so that the parameters say where each value goes. */
class Slot {
  constructor(
    readonly name: string,
    readonly index: number | null,
  ) {}
}

interface Shaped {
  statement: SQLite.Statement;
  parameters: readonly unknown[];
}

interface Cache {
  texts: Map<string, SQLite.Statement>;
  /** Statements that return their first column's values (better-sqlite3's pluck mode). */
  columns: Map<string, SQLite.Statement>;
  shapes: Map<string, Shaped>;
}

/**
 * A bound on the statements kept per connection: their texts vary only with the rules
 * of the tags and the number of customers refreshed together, so a full cache is a
 * sign of churn and is simply emptied.
 */
const maxStatements = 200;
const caches = new WeakMap<SQLite.Database, Cache>();

function cacheOf(raw: SQLite.Database): Cache {
  let cache = caches.get(raw);
  if (!cache) {
    cache = { texts: new Map(), columns: new Map(), shapes: new Map() };
    caches.set(raw, cache);
  }
  return cache;
}

function prepared(raw: SQLite.Database, text: string, pluck = false): SQLite.Statement {
  const cache = cacheOf(raw);
  const texts = pluck ? cache.columns : cache.texts;
  let statement = texts.get(text);
  if (!statement) {
    if (texts.size >= maxStatements) texts.clear();
    statement = raw.prepare(text);
    if (pluck) statement.pluck();
    texts.set(text, statement);
  }
  return statement;
}

function slotsFor(values: Values): Values {
  const slots: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    slots[name] = Array.isArray(value)
      ? value.map((_, i) => new Slot(name, i))
      : new Slot(name, null);
  }
  return slots as Values;
}

function bind(parameters: readonly unknown[], values: Values): unknown[] {
  return parameters.map((p) => {
    if (!(p instanceof Slot)) return p;
    const value = values[p.name];
    return p.index === null ? value : (value as readonly Value[])[p.index];
  });
}

/**
 * A runner on the raw connection under `k`. Use it inside a Kysely transaction on that
 * connection: the transaction holds the connection, so nothing else interleaves, and
 * these statements, run synchronously on it, belong to the transaction.
 */
export function rawRunner(k: Kysely<Database>, raw: SQLite.Database): Runner {
  const compile = (query: Query) => ('isRawBuilder' in query ? query.compile(k) : query.compile());

  const shaped = <V extends Values>(key: string, values: V, build: (v: V) => Query) => {
    const { shapes } = cacheOf(raw);
    const known = shapes.get(key);
    if (known) return known;
    const compiled = compile(build(slotsFor(values) as V));
    // The same statement built from the values themselves must be this one, bound.
    const direct = compile(build(values));
    const bound = bind(compiled.parameters, values);
    const same =
      direct.sql === compiled.sql &&
      direct.parameters.length === bound.length &&
      direct.parameters.every((p, i) => p === bound[i]);
    if (!same) {
      throw new Error(`statement ${key}: a value shapes its text instead of being bound`);
    }
    if (shapes.size >= maxStatements) shapes.clear();
    const entry = { statement: raw.prepare(compiled.sql), parameters: compiled.parameters };
    shapes.set(key, entry);
    return entry;
  };

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
    column<T>(query: Query) {
      const { sql, parameters } = compile(query);
      return prepared(raw, sql, true).all(...parameters) as T[];
    },
    runShaped(key, values, build) {
      const { statement, parameters } = shaped(key, values, build);
      return statement.run(...bind(parameters, values)).changes;
    },
  };
}
