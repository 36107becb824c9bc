import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from '../../../core/db/open';
import { olderDatabase } from '../../support/older-db';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A database file as the version before order lines were keyed by order left it. */
async function fileBeforeLinesByOrder(): Promise<string> {
  const { file, dir } = await olderDatabase(
    '20261205T1100',
    `
    INSERT INTO products (id, sku, name) VALUES (7, 'BK001', 'bread'), (8, 'DR002', 'milk');
    INSERT INTO import_batches (id, file_name, content_hash, source, encoding, status, started_at)
      VALUES (1, 'a.csv', 'h', 'pos-standard', 'utf-8', 'committed', 0);
    INSERT INTO orders (id, channel, external_id, kind, ordered_at, business_day, amount_fen,
      batch_id) VALUES (1, 'pos', 'R1', 'sale', 0, '2026-01-01', 1300, 1),
      (2, 'pos', 'R2', 'sale', 0, '2026-01-01', 500, 1);
    INSERT INTO order_lines (order_id, line_no, product_id, quantity, unit_price_fen, amount_fen)
      VALUES (2, 1, 8, 1, 500, 500), (1, 2, 8, 1.5, 200, 300), (1, 1, 7, 2, 500, 1000);
  `,
  );
  dirs.push(dir);
  return file;
}

/** The new table as the first release of the migration made it, before its copy. */
const newTableSql = `CREATE TABLE order_lines_by_order (order_id integer NOT NULL,
  line_no integer NOT NULL, product_id integer, quantity real NOT NULL,
  unit_price_fen integer NOT NULL, amount_fen integer NOT NULL,
  PRIMARY KEY (order_id, line_no)) WITHOUT ROWID`;

describe('order lines kept by their order (migration 20261205T1100)', () => {
  it('keeps every line with its values, without the line id and its two indexes', async () => {
    const db = await openDb({ file: await fileBeforeLinesByOrder() });

    // The columns this migration made (a later one adds refund_of).
    const lines = db.raw
      .prepare(
        `SELECT order_id, line_no, product_id, quantity, unit_price_fen, amount_fen
         FROM order_lines ORDER BY order_id, line_no`,
      )
      .all();
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

  it('refuses a line number twice in an order, and a line of an unknown order', async () => {
    const db = await openDb({ file: await fileBeforeLinesByOrder() });
    const insert = db.raw.prepare(
      `INSERT INTO order_lines (order_id, line_no, product_id, quantity, unit_price_fen, amount_fen)
       VALUES (?, ?, NULL, 1, 100, 100)`,
    );
    expect(() => insert.run(1, 2)).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => insert.run(99, 1)).toThrow(/FOREIGN KEY/);
    await db.close();
  });

  it('opens after a start stopped with the new table half made beside the old', async () => {
    // The first release of this migration ran its statements one by one: a start stopped
    // after the first left an empty order_lines_by_order beside the old table.
    const file = await fileBeforeLinesByOrder();
    const raw = new SQLite(file);
    raw.exec(newTableSql);
    raw.close();

    const db = await openDb({ file });
    expect(db.raw.prepare('SELECT count(*) FROM order_lines').pluck().get()).toBe(3);
    const leftover = db.raw
      .prepare("SELECT count(*) FROM sqlite_master WHERE name = 'order_lines_by_order'")
      .pluck()
      .get();
    expect(leftover).toBe(0);
    await db.close();
  });

  it('opens after a start stopped between dropping the old table and the rename', async () => {
    const file = await fileBeforeLinesByOrder();
    const raw = new SQLite(file);
    raw.exec(newTableSql);
    raw.exec(`INSERT INTO order_lines_by_order SELECT order_id, line_no, product_id, quantity,
        unit_price_fen, amount_fen FROM order_lines;
      DROP TABLE order_lines;`);
    raw.close();

    const db = await openDb({ file });
    const lines = db.raw.prepare('SELECT order_id, line_no FROM order_lines ORDER BY 1, 2').all();
    expect(lines).toEqual([
      { order_id: 1, line_no: 1 },
      { order_id: 1, line_no: 2 },
      { order_id: 2, line_no: 1 },
    ]);
    await db.close();
  });

  it('leaves the file as it was when a migration fails part way', async () => {
    // A line whose order is missing (written while foreign keys were off) makes the copy
    // fail after the new table was made: the start is refused and nothing has changed.
    const file = await fileBeforeLinesByOrder();
    const raw = new SQLite(file);
    raw.pragma('foreign_keys = OFF');
    raw
      .prepare(
        `INSERT INTO order_lines (order_id, line_no, product_id, quantity, unit_price_fen,
           amount_fen) VALUES (99, 1, NULL, 1, 100, 100)`,
      )
      .run();
    raw.close();

    await expect(openDb({ file })).rejects.toMatchObject({
      code: 'db.migration_failed',
      message: expect.stringMatching(/FOREIGN KEY.*left as it was/),
    });
    // The copy made before migrating is the same file again: it is not kept.
    const backups = fs.readdirSync(path.dirname(file)).filter((f) => f.endsWith('.bak'));
    expect(backups).toEqual([]);
    const after = new SQLite(file, { readonly: true });
    const objects = after
      .prepare("SELECT name FROM sqlite_master WHERE name LIKE 'order_lines%' ORDER BY name")
      .pluck()
      .all();
    expect(objects).toEqual(['order_lines', 'order_lines_order', 'order_lines_order_product']);
    expect(after.prepare('SELECT count(*) FROM order_lines').pluck().get()).toBe(4);
    const recorded = after
      .prepare("SELECT count(*) FROM kysely_migration WHERE name LIKE '20261205T1100%'")
      .pluck()
      .get();
    expect(recorded).toBe(0);
    after.close();
  });
});
