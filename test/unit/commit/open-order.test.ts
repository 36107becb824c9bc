import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDb } from '../../support/db';
import { commitRows, posLine } from './records';

// An order created by lines is held in memory until the file moves on to another
// order; these cases check that holding it changes nothing that is written.
let db: Awaited<ReturnType<typeof tempDb>>;
beforeEach(async () => {
  db = await tempDb();
});
afterEach(async () => {
  await db.cleanup();
});

const orderRows = () =>
  db.raw.prepare('SELECT id, external_id, kind, amount_fen FROM orders ORDER BY id').all();
const lineRows = () =>
  db.raw
    .prepare(
      `SELECT o.external_id AS orderId, l.line_no AS lineNo, l.amount_fen AS amount
       FROM order_lines l JOIN orders o ON o.id = l.order_id ORDER BY l.order_id, l.line_no`,
    )
    .all();

describe('orders whose lines a file lists apart or twice', () => {
  it('sums an order whose lines are split by another order, keeping every line', async () => {
    const summary = await commitRows(db, [
      posLine(2, 'R1', { lineNo: 1, unitPriceFen: 1000 }),
      posLine(3, 'R2', { lineNo: 1, unitPriceFen: 500 }),
      posLine(4, 'R1', { lineNo: 2, unitPriceFen: 250 }),
    ]);
    expect(summary).toMatchObject({ rowsImported: 3, rowsDuplicate: 0 });
    // R1: 10.00 + 2.50 = 12.50 yuan = 1250 fen; R2: 5.00 yuan = 500 fen.
    expect(orderRows()).toEqual([
      { id: 1, external_id: 'R1', kind: 'sale', amount_fen: 1250 },
      { id: 2, external_id: 'R2', kind: 'sale', amount_fen: 500 },
    ]);
    expect(lineRows()).toEqual([
      { orderId: 'R1', lineNo: 1, amount: 1000 },
      { orderId: 'R1', lineNo: 2, amount: 250 },
      { orderId: 'R2', lineNo: 1, amount: 500 },
    ]);
  });

  it('counts a line number repeated within one new order as a duplicate', async () => {
    const summary = await commitRows(db, [
      posLine(2, 'R1', { lineNo: 1, unitPriceFen: 1000 }),
      posLine(3, 'R1', { lineNo: 1, unitPriceFen: 1000 }),
      posLine(4, 'R1', { lineNo: 2, unitPriceFen: 300 }),
    ]);
    expect(summary).toMatchObject({ rowsImported: 2, rowsDuplicate: 1 });
    // Line 1 once: 10.00 + 3.00 = 13.00 yuan = 1300 fen.
    expect(orderRows()).toEqual([{ id: 1, external_id: 'R1', kind: 'sale', amount_fen: 1300 }]);
  });

  it('refuses a line number repeated within one new order with another amount', async () => {
    const summary = await commitRows(
      db,
      [
        posLine(2, 'R1', { lineNo: 1, unitPriceFen: 1000 }),
        posLine(3, 'R1', { lineNo: 1, unitPriceFen: 9900 }),
        posLine(4, 'R1', { lineNo: 2, unitPriceFen: 300 }),
      ],
      { acceptPartial: true },
    );
    expect(summary).toMatchObject({ rowsImported: 2, rowsDuplicate: 0, rowsRejected: 1 });
    expect(summary.rejected[0]).toMatchObject({ line: 3, code: 'line_differs' });
    // The first line 1 stays: 10.00 + 3.00 = 13.00 yuan = 1300 fen.
    expect(orderRows()).toEqual([{ id: 1, external_id: 'R1', kind: 'sale', amount_fen: 1300 }]);
  });

  it('settles an order of returns and sales by the sign of its total', async () => {
    await commitRows(db, [
      posLine(2, 'R1', { lineNo: 1, unitPriceFen: 1000 }),
      posLine(3, 'R1', { lineNo: 2, kind: 'return', quantity: -1, unitPriceFen: 1500 }),
    ]);
    // 10.00 − 15.00 = −5.00 yuan: an exchange that paid money back is a return.
    expect(orderRows()).toEqual([{ id: 1, external_id: 'R1', kind: 'return', amount_fen: -500 }]);
  });

  it('moves the order being read when a later line merges its customer', async () => {
    await commitRows(db, [
      posLine(2, 'R0', { customer: { phone: '+8613800001234' } }),
      posLine(3, 'R1', { lineNo: 1, customer: { memberId: 'M1' } }),
      // One row names the member and the phone: customers 2 (M1) and 1 (phone) are one.
      posLine(4, 'R1', { lineNo: 2, customer: { memberId: 'M1', phone: '+8613800001234' } }),
    ]);
    const r1 = db.raw.prepare("SELECT id, customer_id FROM orders WHERE external_id = 'R1'").get();
    expect(r1).toEqual({ id: 2, customer_id: 1 });
    const merge = db.raw
      .prepare('SELECT into_customer_id, moved_json FROM customer_merges')
      .get() as {
      into_customer_id: number;
      moved_json: string;
    };
    expect(merge.into_customer_id).toBe(1);
    expect((JSON.parse(merge.moved_json) as { orders: number[] }).orders).toEqual([2]);
  });
});
