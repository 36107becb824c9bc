import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importFile } from '../../../core/crm/import/batch-run';
import { openDb } from '../../../core/db/open';
import type { Db } from '../../../core/db/open';
import { olderDatabase } from '../../support/older-db';

const dirs: string[] = [];
const dbs: Db[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/*
 * Before migration 20261207T0900 the POS preset knew an order by its receipt number alone.
 * As an earlier version left them, by hand: batch 1 through the POS preset with receipt
 * 000123 at store S01 and receipt 000124 without a store; batch 2 through a saved mapping
 * ("my till") with receipt 000125 at S01; batch 3, the demo chain's, with a till order at
 * S01. The first and the demo's get `@S01`; the others stay.
 */
async function older(): Promise<Db> {
  const { file, dir } = await olderDatabase(
    '20261207T0900',
    `INSERT INTO stores (id, code, name, time_zone) VALUES (1, 'S01', '一店', 'Asia/Shanghai');
     INSERT INTO import_batches (id, file_name, content_hash, source, channel, encoding, status,
       started_at) VALUES (1, 's01.csv', 'h1', 'pos-standard', 'pos', 'utf-8', 'committed', 0),
       (2, 'till.csv', 'h2', 'my till', 'pos', 'utf-8', 'committed', 0),
       (3, 'demo', 'h3', 'demo', 'pos', 'utf-8', 'committed', 0);
     INSERT INTO orders (channel, external_id, store_id, customer_id, kind, ordered_at,
       business_day, amount_fen, currency, batch_id) VALUES
       ('pos', '000123', 1, NULL, 'sale', 1793498400000, '2026-11-01', 1200, 'CNY', 1),
       ('pos', '000124', NULL, NULL, 'sale', 1793498400000, '2026-11-01', 500, 'CNY', 1),
       ('pos', '000125', 1, NULL, 'sale', 1793498400000, '2026-11-01', 800, 'CNY', 2),
       ('pos', 'S012026110100000001', 1, NULL, 'sale', 1793498400000, '2026-11-01', 900, 'CNY', 3);`,
  );
  dirs.push(dir);
  const db = await openDb({ file });
  dbs.push(db);
  return db;
}

const ids = (db: Db) =>
  db.raw.prepare('SELECT external_id FROM orders ORDER BY id').pluck().all() as string[];

describe('POS receipts known per store (migration 20261207T0900)', () => {
  it('gives the POS preset’s orders their store code and leaves the others', async () => {
    const db = await older();
    expect(ids(db)).toEqual(['000123@S01', '000124', '000125', 'S012026110100000001@S01']);
  });

  it('finds such an order again when its file is imported once more', async () => {
    const db = await older();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roc-pos-again-'));
    dirs.push(dir);
    const file = path.join(dir, 's01.csv');
    fs.writeFileSync(
      file,
      'store_code,store_name,region,receipt_no,line_no,sold_at,status,member_no,' +
        'member_phone,sku,product_name,category,qty,unit_price,discount,line_total\n' +
        'S01,一店,华东,000123,1,2026-11-01 10:00:00,completed,,,SKU1,奶茶,饮品,1,12.00,0,12.00\n',
    );
    const options = { source: { kind: 'preset' as const, id: 'pos-standard' } };
    const at = new Date('2026-12-04T08:00:00Z');

    const summary = await importFile(db, file, 's01-again.csv', options, false, { at });

    // The seeded order had no lines: the row adds its line to it, and no order is made.
    expect(summary).toMatchObject({ status: 'committed', rowsRejected: 0 });
    expect(ids(db)).toEqual(['000123@S01', '000124', '000125', 'S012026110100000001@S01']);
  });
});
