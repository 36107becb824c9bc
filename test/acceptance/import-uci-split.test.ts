import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../core/crm/import/batch-run';
import { tempDb } from '../support/db';
import { dataFile } from '../support/paths';

// The UCI layout has no line-number column, so a line is known by its content within
// its order. The sample is cut after data row 10,000: 2,779 invoices have rows on both
// sides. Right answers from python3's csv module over the file (not from the product):
//   rows = list(csv.DictReader(open('online-retail-uci-sample.csv', newline='')))
//   key = lambda r: (r['InvoiceNo'], r['StockCode'], r['Quantity'], r['UnitPrice'])
//   a = Counter(key(r) for r in rows[:10000]); drop = []
//   for i in range(10000, 20000):          # rows of B that repeat an unmatched row of A
//       if a[key(rows[i])] > 0: a[key(rows[i])] -= 1; drop.append(i + 2)
//   drop → [12125, 14523, 16952, 17619] (file lines; e.g. 577696, 22748, 1 × 2.10)
//   len({r['InvoiceNo'] for r in rows[:10000]} & {r['InvoiceNo'] for r in rows[10000:]})
//     → 2779
//   keep = rows without drop: len → 19996, invoices → 9362,
//   sum over invoices of sum(round(UnitPrice × 100) × Quantity), a C-invoice with a
//   positive total counting 0 → 36763516 fen
const lines = fs.readFileSync(dataFile('online-retail-uci-sample.csv'), 'utf8').split('\n');
const header = lines[0]!;
/** File lines 2..10001 and 10002..20001 (data rows 1–10,000 and 10,001–20,000). */
const rowsA = lines.slice(1, 10001);
const rowsB = lines.slice(10001, 20001).filter((l) => l !== '');
/** The four rows of B that repeat, within their invoice, a row of A (file lines, 1-based). */
const repeats = new Set([12125, 14523, 16952, 17619]);
const rowsBNew = rowsB.filter((_, i) => !repeats.has(i + 10002));

const uci = { source: { kind: 'preset' as const, id: 'uci-online-retail' } };
const at = new Date('2026-12-04T08:00:00Z');
let dir: string;
let split: Awaited<ReturnType<typeof tempDb>>;
let whole: Awaited<ReturnType<typeof tempDb>>;

function write(name: string, rows: string[]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, [header, ...rows].join('\n') + '\n');
  return file;
}

const load = (db: typeof split, file: string) =>
  importFile(db, file, path.basename(file), uci, false, { at });

function orders(db: typeof split) {
  return db.raw
    .prepare(
      `SELECT o.external_id, o.kind, o.amount_fen, count(l.line_no) AS lines
       FROM orders o LEFT JOIN order_lines l ON l.order_id = o.id
       GROUP BY o.id ORDER BY o.external_id`,
    )
    .all();
}

function one(db: typeof split, query: string): number {
  return (db.raw.prepare(query).get() as { n: number }).n;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roc-split-'));
  split = await tempDb();
  whole = await tempDb();
});
afterAll(async () => {
  await split.cleanup();
  await whole.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('an order split between two exports without line numbers', () => {
  it('gets the lines of both, as when the rows came in one file', async () => {
    const a = await load(split, write('uci-A.csv', rowsA));
    expect(a).toMatchObject({ status: 'committed', rowsImported: 10000 });

    const b = await load(split, write('uci-B.csv', rowsBNew));
    expect(b).toMatchObject({ status: 'committed', rowsImported: 9996, rowsDuplicate: 0 });

    expect(one(split, 'SELECT count(*) AS n FROM order_lines')).toBe(19996);
    expect(one(split, 'SELECT count(*) AS n FROM orders')).toBe(9362);
    expect(one(split, 'SELECT sum(amount_fen) AS n FROM orders')).toBe(36763516);

    const once = await load(whole, write('uci-AB.csv', [...rowsA, ...rowsBNew]));
    expect(once).toMatchObject({ status: 'committed', rowsImported: 19996 });
    expect(orders(split)).toEqual(orders(whole));
  });

  it('numbers the new lines of an order after the ones it already has', () => {
    // 540977 has 5 rows in A (file lines 641, 3646, 5944, 6458, 6705) and its later
    // rows only in B, so B's first row of it is line 6, not line 1.
    const found = split.raw
      .prepare(
        `SELECT min(l.line_no) AS first, max(l.line_no) AS last, count(*) AS n
         FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.external_id = '540977'`,
      )
      .get() as { first: number; last: number; n: number };
    expect(found.first).toBe(1);
    expect(found.last).toBe(found.n);
    expect(found.n).toBeGreaterThan(5);
  });

  it('finds nothing new in either export, or in both together, a second time', async () => {
    const again = await load(split, write('uci-B-again.csv', rowsBNew));
    expect(again).toMatchObject({ status: 'unchanged', rowsImported: 0, rowsDuplicate: 9996 });
    expect(new Set(again.duplicates.map((d) => d.code))).toEqual(new Set(['line_known']));

    const both = await load(split, write('uci-A-and-B.csv', [...rowsA, ...rowsBNew]));
    expect(both).toMatchObject({ status: 'unchanged', rowsDuplicate: 19996 });
    expect(one(split, 'SELECT count(*) AS n FROM order_lines')).toBe(19996);
  });

  it('takes a row that repeats a stored line of its order for that line', async () => {
    // The four rows left out above: same invoice, product, quantity and price as a row
    // of A, so they cannot be told from a second export of it.
    const four = rowsB.filter((_, i) => repeats.has(i + 10002));
    const res = await load(split, write('uci-repeats.csv', four));
    expect(res).toMatchObject({ status: 'unchanged', rowsImported: 0, rowsDuplicate: 4 });
    expect(res.duplicates.map((d) => d.orderId)).toEqual(['577696', '560018', '553141', '580884']);
  });
});
