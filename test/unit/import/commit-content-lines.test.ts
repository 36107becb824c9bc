import type { OrderKind } from '../../../core/db/schema';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDb } from '../../support/db';
import { commitRows, facts, posLine } from '../commit/records';

let db: Awaited<ReturnType<typeof tempDb>>;
beforeEach(async () => {
  db = await tempDb();
});
afterEach(async () => {
  await db.cleanup();
});

const later = { facts: facts('pos-later.csv') };
const item = (sku: string, quantity: number, unitPriceFen: number, kind: OrderKind = 'sale') => ({
  product: { sku },
  quantity,
  unitPriceFen,
  kind,
});

interface StoredLine {
  lineNo: number;
  sku: string;
  quantity: number;
  amount: number;
}

function linesOf(orderId: string): StoredLine[] {
  return db.raw
    .prepare<[string], StoredLine>(
      `SELECT l.line_no AS lineNo, p.sku, l.quantity, l.amount_fen AS amount
       FROM order_lines l JOIN orders o ON o.id = l.order_id
       LEFT JOIN products p ON p.id = l.product_id
       WHERE o.external_id = ? ORDER BY l.line_no`,
    )
    .all(orderId);
}

function orderOf(orderId: string) {
  return db.raw
    .prepare('SELECT kind, amount_fen AS amount FROM orders WHERE external_id = ?')
    .get(orderId);
}

describe('lines without a line number, of an order an earlier export brought', () => {
  it('are matched by content, in any order, and new ones follow the stored lines', async () => {
    await commitRows(db, [
      posLine(2, 'R1', item('A', 1, 1000)),
      posLine(3, 'R1', item('B', 2, 500)),
    ]);

    const res = await commitRows(
      db,
      [posLine(2, 'R1', item('C', 1, 300)), posLine(3, 'R1', item('B', 2, 500))],
      later,
    );

    expect(res).toMatchObject({ status: 'committed', rowsImported: 1, rowsDuplicate: 1 });
    expect(res.duplicates).toEqual([
      {
        line: 3,
        orderId: 'R1',
        lineNo: 2,
        code: 'line_known',
        reason: 'Line 2 of order R1 is already in the database from an earlier import.',
      },
    ]);
    expect(linesOf('R1')).toEqual([
      { lineNo: 1, sku: 'A', quantity: 1, amount: 1000 },
      { lineNo: 2, sku: 'B', quantity: 2, amount: 1000 },
      { lineNo: 3, sku: 'C', quantity: 1, amount: 300 },
    ]);
    // 1 × 10.00 + 2 × 5.00 + 1 × 3.00 = 23.00 yuan
    expect(orderOf('R1')).toEqual({ kind: 'sale', amount: 2300 });
  });

  it('match each stored line once, so a third identical line is new', async () => {
    const x = item('X', 1, 800);
    await commitRows(db, [posLine(2, 'R1', x), posLine(3, 'R1', x)]);

    const res = await commitRows(
      db,
      [posLine(2, 'R1', x), posLine(3, 'R1', x), posLine(4, 'R1', x)],
      later,
    );

    expect(res).toMatchObject({ rowsImported: 1, rowsDuplicate: 2 });
    expect(res.duplicates.map((d) => d.lineNo)).toEqual([1, 2]);
    expect(linesOf('R1').map((l) => l.lineNo)).toEqual([1, 2, 3]);
    expect(orderOf('R1')).toEqual({ kind: 'sale', amount: 2400 });
  });

  it('settle the kind again from all its lines when a return joins a sale', async () => {
    await commitRows(db, [
      posLine(2, 'R1', item('A', 1, 1000)),
      posLine(3, 'R2', item('A', 1, 300)),
    ]);

    await commitRows(
      db,
      [
        posLine(2, 'R1', item('B', -1, 400, 'return')),
        posLine(3, 'R2', item('B', -1, 500, 'return')),
      ],
      later,
    );

    // An exchange takes the sign of its total: R1 10.00 − 4.00 = 6.00 is a sale,
    // R2 3.00 − 5.00 = −2.00 is a return.
    expect(orderOf('R1')).toEqual({ kind: 'sale', amount: 600 });
    expect(orderOf('R2')).toEqual({ kind: 'return', amount: -200 });
  });

  it('keep the file’s own line numbers when it has them', async () => {
    await commitRows(db, [posLine(2, 'R1', { ...item('A', 1, 1000), lineNo: 1 })]);

    const res = await commitRows(
      db,
      [posLine(2, 'R1', { ...item('B', 1, 700), lineNo: 1 })],
      later,
    );

    // Line 1 is A at 10.00 already; B at 7.00 under the same number is another sale, refused.
    expect(res).toMatchObject({ status: 'failed', rowsDuplicate: 0, rowsRejected: 1 });
    expect(res.rejected[0]).toMatchObject({ line: 2, code: 'line_differs' });
    expect(linesOf('R1')).toEqual([{ lineNo: 1, sku: 'A', quantity: 1, amount: 1000 }]);
  });
});
