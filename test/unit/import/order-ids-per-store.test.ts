import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportOptions } from '../../../core/api/imports';
import { importFile } from '../../../core/crm/import/batch-run';
import { presetById } from '../../../core/crm/import/presets';
import { tempDb } from '../../support/db';

let db: Awaited<ReturnType<typeof tempDb>>;
let dir: string;
beforeEach(async () => {
  db = await tempDb();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roc-receipts-'));
});
afterEach(async () => {
  await db.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

const at = new Date('2026-12-04T08:00:00Z');
const header =
  'store_code,store_name,region,receipt_no,line_no,sold_at,status,member_no,' +
  'member_phone,sku,product_name,category,qty,unit_price,discount,line_total';
/** Store S01's receipt 000123: one milk tea, 1 × 12.00. */
const teaAtS01 =
  'S01,一店,华东,000123,1,2026-11-01 10:00:00,completed,,,SKU1,奶茶,饮品,1,12.00,0,12.00';
/** Store S02's receipt 000123, another sale the next day: two cakes, 2 × 20.00 = 40.00. */
const cakesAtS02 =
  'S02,二店,华东,000123,1,2026-11-02 15:00:00,completed,,,SKU2,蛋糕,烘焙,2,20.00,0,40.00';

const pos: ImportOptions = { source: { kind: 'preset', id: 'pos-standard' } };
/** The POS layout saved as a mapping that does not say its receipt numbers restart per store. */
const posPerChannel: ImportOptions = {
  source: {
    kind: 'mapping',
    name: 'old till',
    mapping: { ...presetById('pos-standard').mapping, orderIdPerStore: false },
  },
};

async function run(name: string, lines: string[], options = pos, acceptPartial = false) {
  const file = path.join(dir, name);
  fs.writeFileSync(file, [header, ...lines].join('\n') + '\n');
  return importFile(db, file, name, options, acceptPartial, { at });
}

const orders = () =>
  db.raw
    .prepare(
      `SELECT o.external_id AS id, s.code AS store, o.amount_fen AS amount FROM orders o
       JOIN stores s ON s.id = o.store_id ORDER BY o.id`,
    )
    .all();

describe('receipt numbers that restart per store (the POS preset)', () => {
  it('keeps two stores’ receipts with the same number as two sales', async () => {
    expect(await run('s01.csv', [teaAtS01])).toMatchObject({ status: 'committed' });
    const second = await run('s02.csv', [cakesAtS02]);

    expect(second).toMatchObject({ status: 'committed', rowsImported: 1, rowsDuplicate: 0 });
    // By hand: 12.00 → 1200 fen at S01; 2 × 20.00 = 40.00 → 4000 fen at S02.
    expect(orders()).toEqual([
      { id: '000123@S01', store: 'S01', amount: 1200 },
      { id: '000123@S02', store: 'S02', amount: 4000 },
    ]);
  });

  it('finds the stored receipt again when the same file comes twice', async () => {
    await run('s01.csv', [teaAtS01]);
    const again = await run('s01-again.csv', [teaAtS01]);

    expect(again).toMatchObject({ rowsImported: 0, rowsDuplicate: 1, rowsRejected: 0 });
    expect(orders()).toEqual([{ id: '000123@S01', store: 'S01', amount: 1200 }]);
  });

  it('refuses a row without a store code, naming its line and column', async () => {
    const noStore =
      ',,华东,000124,1,2026-11-01 11:00:00,completed,,,SKU1,奶茶,饮品,1,12.00,0,12.00';
    const summary = await run('no-store.csv', [teaAtS01, noStore]);

    expect(summary).toMatchObject({ status: 'failed', rowsRejected: 1 });
    expect(summary.rejected).toEqual([
      expect.objectContaining({ line: 3, column: 'store_code', code: 'store.required' }),
    ]);
    expect(summary.rejected[0]!.reason).toMatch(/restart per store/);
    expect(orders()).toEqual([]);
  });
});

describe('store codes and receipt numbers that hold the key’s own mark', () => {
  it('keeps receipt A@B of store C apart from receipt A of store B@C', async () => {
    // Both 1 × 12.00; joined naively both would read A@B@C. The code's @ is written %40.
    const ab = teaAtS01.replace('S01,一店,华东,000123', 'C,三店,华东,A@B');
    const a = teaAtS01.replace('S01,一店,华东,000123', 'B@C,四店,华东,A');
    const summary = await run('at.csv', [ab, a]);

    expect(summary).toMatchObject({ status: 'committed', rowsImported: 2, rowsDuplicate: 0 });
    expect(orders()).toEqual([
      { id: 'A@B@C', store: 'C', amount: 1200 },
      { id: 'A@B%40C', store: 'B@C', amount: 1200 },
    ]);
  });
});

describe('a receipt sold and refunded line by line', () => {
  // Receipt 000200 at S01: 2 × 12.00 = 24.00 and 1 × 20.00 = 20.00 (44.00), then both
  // lines again, refunded, their numbers negated. By hand: in one file or two, the order
  // is a return that adds nothing to spend (0 fen); a second import changes nothing.
  const sale = [
    'S01,一店,华东,000200,1,2026-11-01 10:00:00,completed,,,SKU1,奶茶,饮品,2,12.00,0,24.00',
    'S01,一店,华东,000200,2,2026-11-01 10:00:00,completed,,,SKU2,蛋糕,烘焙,1,20.00,0,20.00',
  ];
  const refund = sale.map((line) =>
    line
      .replace('2026-11-01 10:00:00,completed', '2026-11-03 10:00:00,refunded')
      .replace('2,12.00,0,24.00', '-2,12.00,0,-24.00')
      .replace('1,20.00,0,20.00', '-1,20.00,0,-20.00'),
  );
  const kinds = () => db.raw.prepare('SELECT kind, amount_fen AS amount FROM orders').all();

  it('is a return of 0 when both come in one file, and the same file again changes nothing', async () => {
    const first = await run('both.csv', [...sale, ...refund]);
    expect(first).toMatchObject({ status: 'committed', rowsRejected: 0 });
    expect(kinds()).toEqual([{ kind: 'return', amount: 0 }]);

    const again = await run('both-again.csv', [...sale, ...refund]);
    expect(again).toMatchObject({ rowsImported: 0, rowsDuplicate: 4, rowsRejected: 0 });
    expect(kinds()).toEqual([{ kind: 'return', amount: 0 }]);
  });

  it('is a return of 0 when they come in two files, and again changes nothing', async () => {
    await run('sale.csv', sale);
    await run('refund.csv', refund);
    expect(kinds()).toEqual([{ kind: 'return', amount: 0 }]);

    const again = await run('refund-again.csv', refund);
    expect(again).toMatchObject({ rowsImported: 0, rowsDuplicate: 2 });
    expect(kinds()).toEqual([{ kind: 'return', amount: 0 }]);
  });

  it('changes nothing when a file without line numbers comes again', async () => {
    const noLineNo = (line: string) => line.replace(/,000200,[12],/, ',000200,,');
    await run('both.csv', [...sale, ...refund].map(noLineNo));
    const before = kinds();
    const again = await run('both-again.csv', [...sale, ...refund].map(noLineNo));

    expect(again).toMatchObject({ rowsImported: 0, rowsDuplicate: 4 });
    expect(kinds()).toEqual(before);
  });
});

describe('a line number its order already has, with another sale on it', () => {
  it('is refused, not taken for a repeated line, when ids are kept per channel', async () => {
    await run('s01.csv', [teaAtS01], posPerChannel);
    const second = await run('s02.csv', [cakesAtS02], posPerChannel);

    expect(second).toMatchObject({ status: 'failed', rowsRejected: 1, rowsDuplicate: 0 });
    expect(second.rejected[0]).toMatchObject({
      line: 2,
      column: 'line_no',
      value: '000123',
      code: 'line_differs',
      details: {
        lineNo: '1',
        keptSku: 'SKU1',
        keptQuantity: '1',
        keptAmount: '¥12.00',
        rowSku: 'SKU2',
        rowQuantity: '2',
        rowAmount: '¥40.00',
      },
    });
    expect(orders()).toEqual([{ id: '000123', store: 'S01', amount: 1200 }]);
  });

  it('is still a duplicate when it is the same line again', async () => {
    await run('s01.csv', [teaAtS01], posPerChannel);
    const again = await run('again.csv', [teaAtS01], posPerChannel);

    expect(again).toMatchObject({ rowsRejected: 0, rowsDuplicate: 1 });
    expect(again.duplicates[0]).toMatchObject({ code: 'line_known', lineNo: 1 });
  });

  it('is the same line when a later export writes it refunded with the other sign', async () => {
    await run('s01.csv', [teaAtS01]);
    const refunded = teaAtS01.replace(
      'completed,,,SKU1,奶茶,饮品,1,12.00,0,12.00',
      'refunded,,,SKU1,奶茶,饮品,-1,12.00,0,-12.00',
    );
    const later = await run('s01-refunded.csv', [refunded]);

    // The receipt's one line, refunded: the order becomes a return and its spend 0.
    expect(later).toMatchObject({ status: 'committed', rowsImported: 1, rowsRejected: 0 });
    expect(db.raw.prepare('SELECT kind, amount_fen FROM orders').all()).toEqual([
      { kind: 'return', amount_fen: 0 },
    ]);
  });

  it('is refused within one file too, while the same row twice is a repeat', async () => {
    const otherTea = teaAtS01.replace('1,12.00,0,12.00', '3,12.00,0,36.00');
    const summary = await run('one.csv', [teaAtS01, teaAtS01, otherTea], pos, true);

    // Row 3 repeats row 2 exactly; row 4 puts 3 teas (36.00) on the same line 1.
    expect(summary).toMatchObject({ status: 'partial', rowsImported: 1, rowsDuplicate: 1 });
    expect(summary.duplicates[0]).toMatchObject({
      line: 3,
      code: 'line_repeated',
      orderId: '000123',
    });
    expect(summary.rejected).toEqual([expect.objectContaining({ line: 4, code: 'line_differs' })]);
    expect(summary.rejected[0]!.details).toMatchObject({ keptQuantity: '1', rowQuantity: '3' });
    expect(orders()).toEqual([{ id: '000123@S01', store: 'S01', amount: 1200 }]);
  });
});
