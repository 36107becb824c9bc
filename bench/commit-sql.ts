/**
 * `npx tsx bench/commit-sql.ts [scale] [files-dir] [--reps=N] [--drop=index,…] [--fk-off]`:
 * what the database work of an import costs with nothing else around it, i.e. the least any
 * importer can spend on this schema. Takes the database `commit-profile.ts` wrote in
 * files-dir (run that first, at the same scale) and writes its customers, keys, orders and
 * lines again into a fresh database through the importer's own insert statements, one
 * prepared statement each, values read beforehand, in one transaction on a connection set
 * up as the importer's. Prints the least CPU time of N runs per line written.
 *
 * `--drop` removes secondary indexes before writing and `--fk-off` turns foreign-key
 * checks off: only to see what each costs (the product keeps all of them).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type SQLite from 'better-sqlite3';
import { insertCustomerSql, insertIdentitySql } from '../core/crm/identity/resolver';
import { openWriter } from '../core/crm/import/batch-connection';
import { insertLineSql, insertOrderSql } from '../core/crm/import/commit-orders';
import { openDb } from '../core/db/open';
import { setLogLevel } from '../core/shared/log';

type Row = unknown[];

/** The rows an import wrote, in the order it wrote them. */
interface Written {
  setup: { sql: string; rows: Row[] }[];
  customers: Row[];
  identities: Row[];
  orders: Row[];
  /** Per order, in the order of `orders`: its lines without the order id. */
  linesOf: Row[][];
  lines: number;
}

async function main(): Promise<void> {
  setLogLevel('warn');
  const scale = Number(process.argv[2] ?? '0.2');
  const dir = process.argv[3] ?? path.join(os.tmpdir(), `commit-profile-${scale}`);
  const source = path.join(dir, 'commit.db');
  if (!fs.existsSync(source)) {
    console.error(`${source} is missing: run bench/commit-profile.ts ${scale} ${dir} first`);
    process.exit(2);
  }
  const reps = Number(option('reps') ?? '3');
  const drop = (option('drop') ?? '').split(',').filter(Boolean);
  const fkOff = process.argv.includes('--fk-off');

  const written = await readWritten(source);
  let best = Infinity;
  for (let rep = 0; rep < reps; rep++) {
    best = Math.min(best, await replay(written, path.join(dir, 'commit-sql.db'), drop, fkOff));
  }
  const perLine = (best * 1000) / written.lines;
  console.log(
    `${written.lines} lines, ${written.orders.length} orders, ${written.customers.length} ` +
      `customers, ${written.identities.length} keys`,
  );
  console.log(
    `database work alone: CPU ${Math.round(best)} ms, ${perLine.toFixed(2)} µs a line ` +
      `(${Math.round(written.lines / (best / 1000))} lines/CPU s)` +
      (drop.length ? `; without ${drop.join(', ')}` : '') +
      (fkOff ? '; foreign keys off' : ''),
  );
}

function option(name: string): string | undefined {
  return process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
}

async function readWritten(file: string): Promise<Written> {
  const db = await openDb({ file });
  const all = (sql: string) => db.raw.prepare(sql).raw(true).all() as Row[];
  const batchColumns = `id, file_name, content_hash, source, channel, encoding, status,
    started_at, finished_at, rows_total, rows_imported, rows_duplicate, rows_rejected`;
  const setup = [
    {
      sql: `INSERT INTO import_batches (${batchColumns}) VALUES (${marks(13)})`,
      rows: all(`SELECT ${batchColumns} FROM import_batches ORDER BY id`),
    },
    {
      sql: `INSERT INTO stores (id, code, name, region) VALUES (${marks(4)})`,
      rows: all('SELECT id, code, name, region FROM stores ORDER BY id'),
    },
    {
      sql: `INSERT INTO products (id, sku, name, category) VALUES (${marks(4)})`,
      rows: all('SELECT id, sku, name, category FROM products ORDER BY id'),
    },
  ];
  const orders = all(`SELECT id, channel, external_id, store_id, customer_id, kind, ordered_at,
    business_day, amount_fen, currency, batch_id FROM orders ORDER BY id`);
  const index = new Map(orders.map((o, i) => [o[0] as number, i]));
  const linesOf: Row[][] = orders.map(() => []);
  let lines = 0;
  const lineSql = `SELECT order_id, line_no, product_id, quantity, unit_price_fen, amount_fen
    FROM order_lines ORDER BY order_id, line_no`;
  for (const line of db.raw.prepare(lineSql).raw(true).iterate() as Iterable<Row>) {
    linesOf[index.get(line[0] as number)!]!.push(line.slice(1));
    lines++;
  }
  const written: Written = {
    setup,
    customers: all('SELECT name, gender, birth_date, city, created_at FROM customers ORDER BY id'),
    identities: all(`SELECT customer_id, kind, value, source, created_at
      FROM customer_identities ORDER BY id`),
    orders: orders.map((o) => o.slice(1)),
    linesOf,
    lines,
  };
  await db.close();
  return written;
}

/** Writes everything again into a fresh database; the CPU time of the writing in ms. */
async function replay(w: Written, file: string, drop: string[], fkOff: boolean): Promise<number> {
  for (const f of [file, file + '-wal', file + '-shm']) fs.rmSync(f, { force: true });
  const db = await openDb({ file });
  const writer = openWriter(db);
  const raw = writer.raw;
  for (const name of drop) raw.prepare(`DROP INDEX ${quoteName(raw, name)}`).run();
  if (fkOff) raw.pragma('foreign_keys = OFF');

  const insertCustomer = raw.prepare(insertCustomerSql);
  const insertIdentity = raw.prepare(insertIdentitySql);
  const insertOrder = raw.prepare(insertOrderSql);
  const insertLine = raw.prepare(insertLineSql);
  raw.exec('BEGIN');
  for (const { sql, rows } of w.setup) {
    const statement = raw.prepare(sql);
    for (const row of rows) statement.run(row);
  }

  const start = process.cpuUsage();
  for (const row of w.customers) insertCustomer.run(row);
  for (const row of w.identities) insertIdentity.run(row);
  for (let i = 0; i < w.orders.length; i++) {
    const orderId = insertOrder.run(w.orders[i]!).lastInsertRowid;
    for (const line of w.linesOf[i]!) insertLine.run(orderId, ...line);
  }
  raw.exec('COMMIT');
  const used = process.cpuUsage(start);

  writer.close();
  await db.close();
  return (used.user + used.system) / 1000;
}

function marks(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ');
}

/** An index name given on the command line, checked against the schema before it is used. */
function quoteName(raw: SQLite.Database, name: string): string {
  const known = raw
    .prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ? AND sql IS NOT NULL")
    .get(name);
  if (!known) throw new Error(`no secondary index named ${name}`);
  return `"${name}"`;
}

void main();
