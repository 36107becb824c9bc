import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from '../../../core/db/open';
import { migrations } from '../../../migrations';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A database file as the version before order lines were keyed by order left it. */
async function fileBeforeLinesByOrder(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roc-lines-'));
  dirs.push(dir);
  const file = path.join(dir, 'console.db');
  const raw = new SQLite(file);
  raw.pragma('foreign_keys = ON');
  const k = new Kysely<unknown>({ dialect: new SqliteDialect({ database: raw }) });
  const names = Object.keys(migrations).filter((n) => n < '20261205T1100');
  const earlier = Object.fromEntries(names.map((n) => [n, migrations[n]!]));
  const migrator = new Migrator({ db: k, provider: { getMigrations: async () => earlier } });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;

  raw.exec(`
    INSERT INTO products (id, sku, name) VALUES (7, 'BK001', 'bread'), (8, 'DR002', 'milk');
    INSERT INTO import_batches (id, file_name, content_hash, source, encoding, status, started_at)
      VALUES (1, 'a.csv', 'h', 'pos-standard', 'utf-8', 'committed', 0);
    INSERT INTO orders (id, channel, external_id, kind, ordered_at, business_day, amount_fen,
      batch_id) VALUES (1, 'pos', 'R1', 'sale', 0, '2026-01-01', 1300, 1),
      (2, 'pos', 'R2', 'sale', 0, '2026-01-01', 500, 1);
    INSERT INTO order_lines (order_id, line_no, product_id, quantity, unit_price_fen, amount_fen)
      VALUES (2, 1, 8, 1, 500, 500), (1, 2, 8, 1.5, 200, 300), (1, 1, 7, 2, 500, 1000);
  `);
  await k.destroy();
  return file;
}

describe('order lines kept by their order (migration 20261205T1100)', () => {
  it('keeps every stored line with its values and drops the line id and its two indexes', async () => {
    const db = await openDb({ file: await fileBeforeLinesByOrder() });

    const lines = db.raw.prepare('SELECT * FROM order_lines ORDER BY order_id, line_no').all();
    expect(lines).toEqual([
      {
        order_id: 1,
        line_no: 1,
        product_id: 7,
        quantity: 2,
        unit_price_fen: 500,
        amount_fen: 1000,
      },
      {
        order_id: 1,
        line_no: 2,
        product_id: 8,
        quantity: 1.5,
        unit_price_fen: 200,
        amount_fen: 300,
      },
      { order_id: 2, line_no: 1, product_id: 8, quantity: 1, unit_price_fen: 500, amount_fen: 500 },
    ]);
    const table = db.raw
      .prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'order_lines'")
      .pluck()
      .get() as string;
    expect(table).toMatch(/WITHOUT ROWID/);
    const indexes = db.raw
      .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'order_lines'")
      .pluck()
      .all();
    expect(indexes).not.toContain('order_lines_order');
    expect(indexes).not.toContain('order_lines_order_product');
    await db.close();
  });

  it('still refuses a second line with the same number and a line of an unknown order', async () => {
    const db = await openDb({ file: await fileBeforeLinesByOrder() });
    const insert = db.raw.prepare(
      `INSERT INTO order_lines (order_id, line_no, product_id, quantity, unit_price_fen, amount_fen)
       VALUES (?, ?, NULL, 1, 100, 100)`,
    );
    expect(() => insert.run(1, 2)).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => insert.run(99, 1)).toThrow(/FOREIGN KEY/);
    await db.close();
  });
});
