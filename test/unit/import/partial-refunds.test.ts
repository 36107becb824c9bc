import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportOptions } from '../../../core/api/imports';
import { importFile } from '../../../core/crm/import/batch-run';
import { recomputeAll } from '../../../core/crm/recompute';
import { tempDb } from '../../support/db';

let db: Awaited<ReturnType<typeof tempDb>>;
let dir: string;
beforeEach(async () => {
  db = await tempDb();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roc-refunds-'));
});
afterEach(async () => {
  await db.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

const at = new Date('2026-12-04T08:00:00Z');
const pos: ImportOptions = { source: { kind: 'preset', id: 'pos-standard' } };
const header =
  'store_code,store_name,region,receipt_no,line_no,sold_at,status,member_no,' +
  'member_phone,sku,product_name,category,qty,unit_price,discount,line_total';

/** Receipt 000300 at S01 for member M001: 3 teas × 12.00 = 36.00 and a cake, 20.00. */
const sale = [
  'S01,一店,华东,000300,1,2026-11-01 10:00:00,completed,M001,,SKU1,奶茶,饮品,3,12.00,0,36.00',
  'S01,一店,华东,000300,2,2026-11-01 10:00:00,completed,M001,,SKU2,蛋糕,烘焙,1,20.00,0,20.00',
];
/** The till writes the receipt again two days later: one of the three teas refunded. */
const refundOne =
  'S01,一店,华东,000300,1,2026-11-03 10:00:00,refunded,M001,,SKU1,奶茶,饮品,-1,12.00,0,-12.00';
/** Two more teas refunded the day after: all three are back. */
const refundTwo =
  'S01,一店,华东,000300,1,2026-11-04 10:00:00,refunded,M001,,SKU1,奶茶,饮品,-2,12.00,0,-24.00';
/**
 * One tea more than was sold, refunded at 10.00 (a refund with the very numbers of an
 * earlier one of the line is taken for that one: the known limit).
 */
const refundAnother =
  'S01,一店,华东,000300,1,2026-11-05 10:00:00,refunded,M001,,SKU1,奶茶,饮品,-1,12.00,0,-10.00';

let files = 0;
async function run(lines: string[], acceptPartial = false) {
  files += 1;
  const name = `file-${files}.csv`;
  const file = path.join(dir, name);
  fs.writeFileSync(file, [header, ...lines].join('\n') + '\n');
  return importFile(db, file, name, pos, acceptPartial, { at });
}

/** Every order and line, as a person would compare two databases (no internal ids). */
function snapshot() {
  const orders = db.raw
    .prepare(
      `SELECT o.external_id AS id, o.kind, o.amount_fen AS amount, o.ordered_at AS at,
         o.business_day AS day, s.code AS store,
         (SELECT min(i.value) FROM customer_identities i WHERE i.customer_id = o.customer_id)
           AS customer
       FROM orders o LEFT JOIN stores s ON s.id = o.store_id ORDER BY o.external_id`,
    )
    .all();
  const lines = db.raw
    .prepare(
      `SELECT o.external_id AS id, l.line_no AS n, p.sku, l.quantity, l.unit_price_fen AS unit,
         l.amount_fen AS amount, l.refund_of AS refundOf
       FROM order_lines l JOIN orders o ON o.id = l.order_id
       LEFT JOIN products p ON p.id = l.product_id ORDER BY o.external_id, l.line_no`,
    )
    .all() as { refundOf: number | null }[];
  return { orders, lines };
}

const kinds = () =>
  db.raw
    .prepare('SELECT external_id AS id, kind, amount_fen AS amount FROM orders ORDER BY id')
    .all();

describe('a refund of part of a line, after its sale', () => {
  it('is a return of the refunded amount beside the sale, which stays a purchase', async () => {
    await run(sale);
    const refund = await run([refundOne]);

    // By hand: the sale stays 36.00 + 20.00 = 5600 fen; its return takes 1 × 12.00 back.
    expect(refund).toMatchObject({ status: 'committed', rowsImported: 1, rowsRejected: 0 });
    expect(refund.orders).toMatchObject({ sales: 0, returns: 1 });
    expect(refund).toMatchObject({ linesAdded: 1, linesToEarlierOrders: 0 });
    expect(kinds()).toEqual([
      { id: '000300@S01', kind: 'sale', amount: 5600 },
      { id: '000300@S01↩ ', kind: 'return', amount: -1200 },
    ]);
    expect(snapshot().lines.filter((l) => l.refundOf !== null)).toEqual([
      {
        id: '000300@S01↩ ',
        n: 1,
        sku: 'SKU1',
        quantity: -1,
        unit: 1200,
        amount: -1200,
        refundOf: 1,
      },
    ]);
  });

  it('reduces the customer’s spend by exactly the refund, counting one purchase', async () => {
    await run(sale);
    await run([refundOne]);
    await recomputeAll(db, new Date('2026-11-10T00:00:00Z'));

    // By hand: 5600 − 1200 = 4400 fen; the return is no purchase, so one order.
    const metrics = db.raw
      .prepare('SELECT orders_all AS orders, spend_all AS spend FROM customer_metrics')
      .all();
    expect(metrics).toEqual([{ orders: 1, spend: 4400 }]);
  });

  it('changes nothing when the refund file comes again', async () => {
    await run(sale);
    await run([refundOne]);
    const before = snapshot();
    const again = await run([refundOne]);

    expect(again).toMatchObject({ status: 'unchanged', rowsImported: 0, rowsDuplicate: 1 });
    expect(again.duplicates[0]).toMatchObject({ code: 'refund_known', lineNo: 1 });
    expect(snapshot()).toEqual(before);
  });

  it('takes a second refund of the same line while it stays within what was sold', async () => {
    await run(sale);
    await run([refundOne]);
    const second = await run([refundTwo]);

    // By hand: 1 + 2 = 3 teas refunded of 3 sold; the return holds −12.00 − 24.00 = −3600.
    expect(second).toMatchObject({ status: 'committed', rowsImported: 1 });
    expect(second.orders).toMatchObject({ returns: 0 });
    expect(kinds()).toEqual([
      { id: '000300@S01', kind: 'sale', amount: 5600 },
      { id: '000300@S01↩ ', kind: 'return', amount: -3600 },
    ]);
  });

  it('refuses a refund that would take back more than the line sold', async () => {
    await run(sale);
    await run([refundOne, refundTwo]);
    const before = snapshot();
    const over = await run([refundAnother]);

    // By hand: 1 + 2 + 1 = 4 teas (12.00 + 24.00 + 10.00 = 46.00) refunded of 3 sold (36.00).
    expect(over).toMatchObject({ status: 'failed', rowsRejected: 1 });
    expect(over.rejected[0]).toMatchObject({
      line: 2,
      column: 'qty',
      value: '000300@S01',
      code: 'refund_exceeds',
      details: {
        lineNo: '1',
        soldQuantity: '3',
        soldAmount: '¥36.00',
        refundedQuantity: '4',
        refundedAmount: '¥46.00',
      },
    });
    expect(over.rejected[0]!.reason).toMatch(/more than was sold/);
    expect(snapshot()).toEqual(before);
  });

  it('refuses the whole line refunded after part of it was', async () => {
    await run(sale);
    await run([refundOne]);
    const whole = refundOne.replace('-1,12.00,0,-12.00', '-3,12.00,0,-36.00');
    const over = await run([whole]);

    // By hand: 1 + 3 = 4 teas refunded of 3 sold.
    expect(over.rejected[0]).toMatchObject({
      code: 'refund_exceeds',
      details: { refundedQuantity: '4' },
    });
  });

  it('refuses a refund of part of a line whose receipt was refunded as a whole', async () => {
    await run(sale);
    // The tea line again with the status refunded, as sold: the receipt is refunded whole.
    const refundedWhole = sale[0]!.replace('completed', 'refunded');
    expect(await run([refundedWhole])).toMatchObject({ status: 'committed', rowsImported: 1 });
    const part = await run([refundOne]);

    // By hand: the whole line (3) is back already; one more makes 4 of 3.
    expect(part.rejected[0]).toMatchObject({
      code: 'refund_exceeds',
      details: { soldQuantity: '3', refundedQuantity: '4' },
    });
  });

  it('refuses the receipt refunded as a whole after part of a line was', async () => {
    await run(sale);
    await run([refundOne]);
    const refundedWhole = sale[0]!.replace('completed', 'refunded');
    const over = await run([refundedWhole]);

    // By hand: 1 tea back already, then all 3 again: 4 of 3.
    expect(over.rejected[0]).toMatchObject({
      code: 'refund_exceeds',
      details: { soldQuantity: '3', refundedQuantity: '4' },
    });
    expect(kinds()).toEqual([
      { id: '000300@S01', kind: 'sale', amount: 5600 },
      { id: '000300@S01↩ ', kind: 'return', amount: -1200 },
    ]);
  });

  it('takes the same refund twice in one file for one, and says so', async () => {
    const summary = await run([...sale, refundOne, refundOne]);

    expect(summary).toMatchObject({ status: 'committed', rowsImported: 3, rowsDuplicate: 1 });
    expect(summary.duplicates[0]).toMatchObject({ line: 5, code: 'refund_repeated', lineNo: 1 });
    expect(summary.duplicates[0]!.reason).toMatch(/refund of line 1 of order 000300\b(?!@)/);
    expect(kinds()).toContainEqual({ id: '000300@S01↩ ', kind: 'return', amount: -1200 });
  });

  it('is the same in one file as in two, and that file again changes nothing', async () => {
    const first = await run([...sale, refundOne]);
    expect(first).toMatchObject({ status: 'committed', rowsImported: 3, rowsRejected: 0 });
    expect(first.orders).toMatchObject({ sales: 1, returns: 1 });
    expect(kinds()).toEqual([
      { id: '000300@S01', kind: 'sale', amount: 5600 },
      { id: '000300@S01↩ ', kind: 'return', amount: -1200 },
    ]);

    const again = await run([...sale, refundOne]);
    expect(again).toMatchObject({ status: 'unchanged', rowsDuplicate: 3 });
  });
});

describe('a refund file imported before its sale file', () => {
  async function saleThenRefund(refund: string[]) {
    await run(sale);
    await run(refund);
    return snapshot();
  }

  it('ends as the other way round when part of a line was refunded', async () => {
    const expected = await saleThenRefund([refundOne]);
    await db.cleanup();
    db = await tempDb();

    const first = await run([refundOne]);
    const later = await run(sale);
    expect(later).toMatchObject({ status: 'committed', rowsRejected: 0 });
    expect(snapshot()).toEqual(expected);
    // The two summaries together tell one sale and one return, as the database holds.
    expect(first.orders).toMatchObject({ sales: 0, returns: 1 });
    expect(later.orders).toMatchObject({ sales: 1, returns: 0 });

    // Either file again changes nothing.
    expect(await run([refundOne])).toMatchObject({ status: 'unchanged', rowsDuplicate: 1 });
    expect(await run(sale)).toMatchObject({ status: 'unchanged', rowsDuplicate: 2 });
    expect(snapshot()).toEqual(expected);
  });

  it('ends as the other way round when whole lines were refunded', async () => {
    // Both lines refunded whole, their numbers negated: the order is a return of 0.
    const refund = sale.map((line) =>
      line
        .replace('2026-11-01 10:00:00,completed', '2026-11-03 10:00:00,refunded')
        .replace('3,12.00,0,36.00', '-3,12.00,0,-36.00')
        .replace('1,20.00,0,20.00', '-1,20.00,0,-20.00'),
    );
    const expected = await saleThenRefund(refund);
    expect(expected.orders).toMatchObject([{ kind: 'return', amount: 0 }]);
    await db.cleanup();
    db = await tempDb();

    await run(refund);
    expect(kinds()).toEqual([{ id: '000300@S01', kind: 'return', amount: -5600 }]);
    const later = await run(sale);
    expect(later).toMatchObject({ status: 'committed', rowsImported: 2, rowsRejected: 0 });
    expect(snapshot()).toEqual(expected);

    expect(await run(refund)).toMatchObject({ status: 'unchanged', rowsDuplicate: 2 });
    expect(await run(sale)).toMatchObject({ status: 'unchanged', rowsDuplicate: 2 });
    expect(snapshot()).toEqual(expected);
  });

  it('ends the same when whole lines are refunded before their sale in one file', async () => {
    const refund = sale.map((line) =>
      line
        .replace('2026-11-01 10:00:00,completed', '2026-11-03 10:00:00,refunded')
        .replace('3,12.00,0,36.00', '-3,12.00,0,-36.00')
        .replace('1,20.00,0,20.00', '-1,20.00,0,-20.00'),
    );
    const expected = await saleThenRefund(refund);
    await db.cleanup();
    db = await tempDb();

    const one = await run([...refund, ...sale]);
    expect(one).toMatchObject({ status: 'committed', rowsRejected: 0 });
    expect(snapshot()).toEqual(expected);
  });

  it('refuses a second refund of part of a line before its sale, saying so', async () => {
    const first = await run([refundOne]);
    const second = await run([refundTwo]);

    // Both refunds of line 1 (−1 and −2 teas) came before the 3 teas they take back.
    expect(first).toMatchObject({ status: 'committed' });
    expect(second).toMatchObject({ status: 'failed', rowsRejected: 1 });
    expect(second.rejected[0]).toMatchObject({
      code: 'refund_before_sale',
      details: { lineNo: '1', keptQuantity: '-1', rowQuantity: '-2', rowAmount: '-¥24.00' },
    });
    expect(second.rejected[0]!.reason).toMatch(/Import the file with the sale first/);
  });

  it('ends the same when the refund row comes first in one file', async () => {
    const expected = await saleThenRefund([refundOne]);
    await db.cleanup();
    db = await tempDb();

    const one = await run([refundOne, ...sale]);
    expect(one).toMatchObject({ status: 'committed', rowsRejected: 0 });
    expect(snapshot()).toEqual(expected);
  });
});
