import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rejectedRows } from '../../../core/crm/import/batch-store';
import { tempDb } from '../../support/db';
import { markOlderStore } from '../../support/older-db';
import { badRow, chunked, commitRows, facts, factCounts, posLine } from './records';
import { commitBatch } from '../../../core/crm/import/commit';

let db: Awaited<ReturnType<typeof tempDb>>;
beforeEach(async () => {
  db = await tempDb();
});
afterEach(async () => {
  await db.cleanup();
});

const member = (memberId: string) => ({ customer: { memberId } });

describe('committing a file of receipt lines', () => {
  it('turns lines into orders with summed amounts, stores, products and customers', async () => {
    const summary = await commitRows(db, [
      posLine(2, 'R1', { ...member('M1'), quantity: 2, unitPriceFen: 1500 }),
      posLine(3, 'R1', { ...member('M1'), product: { sku: 'SKU-2' }, unitPriceFen: 800 }),
      posLine(4, 'R2'),
    ]);

    expect(summary).toMatchObject({
      status: 'committed',
      rowsTotal: 3,
      rowsImported: 3,
      rowsRejected: 0,
      anonymousOrders: 1,
      customersNew: 1,
      customersMatched: 0,
    });
    expect(summary.orders.sales).toBe(2);
    // R1: 2 × 15.00 + 1 × 8.00 = 38.00 yuan = 3800 fen; R2: 1 × 10.00 = 1000 fen.
    const orders = db.raw
      .prepare('SELECT external_id, amount_fen, customer_id FROM orders ORDER BY external_id')
      .all();
    expect(orders).toEqual([
      { external_id: 'R1', amount_fen: 3800, customer_id: 1 },
      { external_id: 'R2', amount_fen: 1000, customer_id: null },
    ]);
    const lineNos = db.raw
      .prepare('SELECT line_no FROM order_lines ORDER BY order_id, line_no')
      .all();
    expect(lineNos).toEqual([{ line_no: 1 }, { line_no: 2 }, { line_no: 1 }]);
    expect(factCounts(db)).toMatchObject({ stores: 1, products: 2, customers: 1 });
  });

  it('signs a cancellation invoice negative and counts it apart from sales', async () => {
    const summary = await commitRows(db, [
      posLine(2, 'C9', { kind: 'cancellation', quantity: -3, unitPriceFen: 250 }),
      posLine(3, 'W1', { kind: 'writeoff', quantity: -71, unitPriceFen: 0 }),
    ]);
    expect(summary.orders).toMatchObject({ sales: 0, cancellations: 1, writeoffs: 1 });
    const c9 = db.raw.prepare("SELECT kind, amount_fen FROM orders WHERE external_id = 'C9'").get();
    expect(c9).toEqual({ kind: 'cancellation', amount_fen: -750 });
  });

  it('gives an order cancelled by its status no spend', async () => {
    await commitRows(db, [
      posLine(2, 'X1', { rowKind: 'order', kind: 'cancellation', orderAmountFen: 5000 }),
    ]);
    const x1 = db.raw.prepare('SELECT kind, amount_fen FROM orders').get();
    expect(x1).toEqual({ kind: 'cancellation', amount_fen: 0 });
  });
});

describe('all or nothing', () => {
  it('writes nothing when a row is rejected, and lists every rejected row', async () => {
    const before = factCounts(db);
    const summary = await commitRows(db, [
      posLine(2, 'R1', member('M1')),
      badRow(3),
      posLine(4, 'R2', { lineAmountFen: undefined, unitPriceFen: undefined }),
    ]);

    expect(summary.status).toBe('failed');
    expect(summary.rowsRejected).toBe(2);
    expect(factCounts(db)).toEqual(before);
    const listed = await rejectedRows(db, summary.batchId!);
    expect(listed.map((e) => [e.line, e.column, e.code])).toEqual([
      [3, 'Quantity', 'number_invalid'],
      [4, null, 'line_no_amount'],
    ]);
  });

  it('writes only the valid rows when the user accepts a partial import', async () => {
    const summary = await commitRows(db, [posLine(2, 'R1'), badRow(3), posLine(4, 'R2')], {
      acceptPartial: true,
    });
    expect(summary).toMatchObject({ status: 'partial', rowsImported: 2, rowsRejected: 1 });
    expect(factCounts(db)).toMatchObject({ orders: 2, order_lines: 2 });
    const batch = db.raw.prepare('SELECT status, rows_rejected FROM import_batches').get();
    expect(batch).toEqual({ status: 'partial', rows_rejected: 1 });
  });

  it('rolls everything back when the import is cancelled midway', async () => {
    const before = factCounts(db);
    const controller = new AbortController();
    const rows = [posLine(2, 'R1'), posLine(3, 'R2'), posLine(4, 'R3'), posLine(5, 'R4')];
    async function* cancelAfterFirst() {
      let first = true;
      for await (const chunk of chunked(rows)) {
        yield chunk;
        if (first) controller.abort();
        first = false;
      }
    }

    const summary = await commitBatch(db, cancelAfterFirst(), {
      facts: facts(),
      channel: 'pos',
      columns: {},
      acceptPartial: false,
      at: new Date('2026-12-04T08:00:00Z'),
      signal: controller.signal,
    });
    expect(summary.status).toBe('cancelled');
    expect(factCounts(db)).toEqual(before);
    expect(db.raw.prepare('SELECT count(*) AS n FROM import_batches').get()).toEqual({ n: 0 });
  });
});

describe('importing again', () => {
  it('changes nothing when the same file is imported twice', async () => {
    const rows = [posLine(2, 'R1', member('M1')), posLine(3, 'R1', member('M1')), posLine(4, 'R2')];
    const first = await commitRows(db, rows);
    const after = factCounts(db);

    const again = await commitRows(db, rows);
    expect(again).toMatchObject({
      status: 'unchanged',
      batchId: first.batchId,
      rowsImported: 0,
      rowsDuplicate: 3,
    });
    expect(factCounts(db)).toEqual(after);
    expect(db.raw.prepare('SELECT count(*) AS n FROM import_batches').get()).toEqual({ n: 1 });
  });

  it('adds only the new orders of a later export that overlaps an earlier one', async () => {
    // Export 1 holds receipts R1 (2 lines) and R2; export 2 holds R2 and R3 (2 lines).
    await commitRows(db, [posLine(2, 'R1'), posLine(3, 'R1'), posLine(4, 'R2')]);
    const second = await commitRows(
      db,
      [posLine(2, 'R2'), posLine(3, 'R3'), posLine(4, 'R3', { unitPriceFen: 500 })],
      { facts: facts('pos-2026-12.csv') },
    );

    expect(second).toMatchObject({ status: 'committed', rowsImported: 2, rowsDuplicate: 1 });
    expect(second.orders.sales).toBe(1);
    expect(factCounts(db)).toMatchObject({ orders: 3, order_lines: 5 });
    const r3 = db.raw.prepare("SELECT amount_fen FROM orders WHERE external_id = 'R3'").get();
    expect(r3).toEqual({ amount_fen: 1500 });
  });
});

describe('the kind of an order', () => {
  it('is decided by the sign of the total when a receipt mixes sales and returns', async () => {
    // E1: 2 × 10.00 sold, 1 × 15.00 returned → +5.00, an exchange that still sold.
    // E2: 1 × 10.00 sold, 1 × 15.00 returned → -5.00, money went back.
    await commitRows(db, [
      posLine(2, 'E1', { quantity: 2 }),
      posLine(3, 'E1', { kind: 'return', quantity: -1, unitPriceFen: 1500 }),
      posLine(4, 'E2'),
      posLine(5, 'E2', { kind: 'return', quantity: -1, unitPriceFen: 1500 }),
      posLine(6, 'A1', { kind: 'adjustment', product: { sku: 'ROUNDING' }, unitPriceFen: -3 }),
      posLine(7, 'A1', { kind: 'writeoff', quantity: -2, unitPriceFen: 0 }),
    ]);
    const kinds = db.raw
      .prepare('SELECT external_id, kind, amount_fen FROM orders ORDER BY external_id')
      .all();
    expect(kinds).toEqual([
      { external_id: 'A1', kind: 'adjustment', amount_fen: -3 },
      { external_id: 'E1', kind: 'sale', amount_fen: 500 },
      { external_id: 'E2', kind: 'return', amount_fen: -500 },
    ]);
  });

  it('is a sale when goods come with postage, a rounding line or a write-off', async () => {
    // P1: 2 × 10.00 of goods + 1 × 40.00 postage (an adjustment code) → a sale of 60.00.
    // P2: 1 × 10.00 of goods − 0.03 rounding → a sale of 9.97.
    // P3: 1 × 10.00 of goods and 2 written off at price 0 → a sale of 10.00.
    // P4: 1 × 15.00 returned and 5.00 of postage refunded (adjustment) → a return of -20.00.
    await commitRows(db, [
      posLine(2, 'P1', { quantity: 2 }),
      posLine(3, 'P1', { kind: 'adjustment', product: { sku: 'POST' }, unitPriceFen: 4000 }),
      posLine(4, 'P2'),
      posLine(5, 'P2', { kind: 'adjustment', product: { sku: 'ROUNDING' }, unitPriceFen: -3 }),
      posLine(6, 'P3'),
      posLine(7, 'P3', { kind: 'writeoff', quantity: -2, unitPriceFen: 0 }),
      posLine(8, 'P4', { kind: 'return', quantity: -1, unitPriceFen: 1500 }),
      posLine(9, 'P4', { kind: 'adjustment', product: { sku: 'POST' }, unitPriceFen: -500 }),
    ]);
    const kinds = db.raw
      .prepare('SELECT external_id, kind, amount_fen FROM orders ORDER BY external_id')
      .all();
    expect(kinds).toEqual([
      { external_id: 'P1', kind: 'sale', amount_fen: 6000 },
      { external_id: 'P2', kind: 'sale', amount_fen: 997 },
      { external_id: 'P3', kind: 'sale', amount_fen: 1000 },
      { external_id: 'P4', kind: 'return', amount_fen: -2000 },
    ]);
  });
});

describe('an order whose lines or status come in a later export', () => {
  const kindOf = (externalId: string) =>
    db.raw.prepare('SELECT kind, amount_fen FROM orders WHERE external_id = ?').get(externalId);

  it('takes its kind from all its lines, as if they had come in one file', async () => {
    // P1: an adjustment line of 5.00 first, 1 × 10.00 of goods in the next file → goods
    // with an adjustment: a sale of 15.00. P2: 1 × 10.00 of goods, then a return of
    // 1 × 30.00 in the next file → 10.00 − 30.00 = −20.00, money back: a return.
    await commitRows(db, [
      posLine(2, 'P1', {
        lineNo: 1,
        kind: 'adjustment',
        product: { sku: 'ADJ' },
        unitPriceFen: 500,
      }),
      posLine(3, 'P2', { lineNo: 1 }),
    ]);
    await commitRows(
      db,
      [
        posLine(2, 'P1', { lineNo: 2 }),
        posLine(3, 'P2', { lineNo: 2, kind: 'return', quantity: -1, unitPriceFen: 3000 }),
      ],
      { facts: facts('pos-2026-12.csv') },
    );
    expect(kindOf('P1')).toEqual({ kind: 'sale', amount_fen: 1500 });
    expect(kindOf('P2')).toEqual({ kind: 'return', amount_fen: -2000 });
  });

  it('is cancelled when a stored line comes again cancelled, and adds no spend', async () => {
    // Day 1: P1's line 1, 1 × 10.00, completed. Day 2: the same line, the receipt voided.
    await commitRows(db, [posLine(2, 'P1', { lineNo: 1 })]);
    const day2 = await commitRows(db, [posLine(2, 'P1', { lineNo: 1, kind: 'cancellation' })], {
      facts: facts('pos-2026-12.csv'),
    });
    expect(day2).toMatchObject({ status: 'committed', rowsImported: 1 });
    expect(kindOf('P1')).toEqual({ kind: 'cancellation', amount_fen: 0 });
  });

  it('adds nothing to spend when it was refunded, its lines written as sold', async () => {
    // R1: 1 × 10.00 with the status refunded (a return with a positive amount): 0.
    await commitRows(db, [posLine(2, 'R1', { kind: 'return' })]);
    expect(kindOf('R1')).toEqual({ kind: 'return', amount_fen: 0 });
  });
});

describe('a file imported again with its refused rows', () => {
  it('is unchanged when its valid rows were imported before, and lists the refused again', async () => {
    // Line 3 is refused both times; the second import of the valid rows adds nothing.
    const rows = [posLine(2, 'R1', { lineNo: 1 }), badRow(3)];
    const first = await commitRows(db, rows, { acceptPartial: true });
    expect(first).toMatchObject({ status: 'partial', rowsImported: 1, rowsRejected: 1 });
    const again = await commitRows(db, rows, { acceptPartial: true });
    expect(again).toMatchObject({ status: 'unchanged', rowsImported: 0, rowsRejected: 1 });
    expect(again.rejected.map((e) => e.line)).toEqual([3]);
    expect(db.raw.prepare('SELECT count(*) AS n FROM import_batches').get()).toEqual({ n: 1 });
  });
});

describe('the zone of a store', () => {
  const zoneOf = (code: string) =>
    db.raw.prepare('SELECT time_zone FROM stores WHERE code = ?').pluck().get(code);

  it('is taken from the import that names it, even when an older import made it', async () => {
    // An older version made store S01 at the default zone; a file read in London time
    // (the UK shop's preset) names it: the store is London's from now on.
    await commitRows(db, [posLine(2, 'R1')]);
    markOlderStore(db.raw, 'S01');
    expect(zoneOf('S01')).toBe('Asia/Shanghai');
    await commitRows(db, [posLine(2, 'R2')], {
      facts: facts('uk.csv'),
      storeTimeZone: 'Europe/London',
    });
    expect(zoneOf('S01')).toBe('Europe/London');
  });

  it('is not put back to the default by a file that names it without a zone', async () => {
    await commitRows(db, [posLine(2, 'R1')], { storeTimeZone: 'Europe/London' });
    await commitRows(db, [posLine(2, 'R2')], { facts: facts('pos-2026-12.csv') });
    expect(zoneOf('S01')).toBe('Europe/London');
  });
});
