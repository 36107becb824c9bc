import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportRecord, RecordOutcome } from '../../../core/crm/import/types';
import { tempDb } from '../../support/db';
import { commitRows, facts, factCounts } from './records';

let db: Awaited<ReturnType<typeof tempDb>>;
beforeEach(async () => {
  db = await tempDb();
});
afterEach(async () => {
  await db.cleanup();
});

function row(line: number, over: Partial<ImportRecord>): RecordOutcome {
  return {
    ok: true,
    record: {
      line,
      rowKind: 'order',
      channel: 'marketplace',
      kind: 'sale',
      currency: 'BRL',
      customer: {},
      ...over,
    },
  };
}
const olist = (file: string) => ({ facts: facts(file), channel: 'marketplace' });
const t = Date.UTC(2018, 2, 27, 21, 0);

describe('Olist tables', () => {
  it('makes one customer of several customer_ids and links orders, items and payments', async () => {
    // Person P1 ordered twice (customer_ids X1, X2); person P2 once (X3).
    await commitRows(
      db,
      [
        row(2, {
          rowKind: 'customer',
          customer: { platformId: 'P1', externalId: 'X1', city: 'sao paulo' },
        }),
        row(3, { rowKind: 'customer', customer: { platformId: 'P2', externalId: 'X3' } }),
        row(4, { rowKind: 'customer', customer: { platformId: 'P1', externalId: 'X2' } }),
      ],
      olist('customers.csv'),
    );
    await commitRows(
      db,
      [
        row(2, { orderId: 'O1', orderedAt: t, customer: { externalId: 'X1' } }),
        row(3, { orderId: 'O2', orderedAt: t, customer: { externalId: 'X2' } }),
        row(4, {
          orderId: 'O3',
          orderedAt: t,
          kind: 'cancellation',
          customer: { externalId: 'X3' },
        }),
      ],
      olist('orders.csv'),
    );
    const items = await commitRows(
      db,
      [
        row(2, { rowKind: 'orderLine', orderId: 'O1', lineNo: 1, lineAmountFen: 1299 }),
        row(3, { rowKind: 'orderLine', orderId: 'O1', lineNo: 2, lineAmountFen: 4890 }),
        row(4, { rowKind: 'orderLine', orderId: 'O3', lineNo: 1, lineAmountFen: 2000 }),
        row(5, { rowKind: 'orderLine', orderId: 'NOPE', lineNo: 1, lineAmountFen: 100 }),
      ],
      { ...olist('order_items.csv'), acceptPartial: true },
    );
    await commitRows(
      db,
      [
        row(2, { rowKind: 'payment', orderId: 'O1', lineNo: 1, paymentFen: 5000 }),
        row(3, { rowKind: 'payment', orderId: 'O1', lineNo: 2, paymentFen: 2000 }),
      ],
      olist('order_payments.csv'),
    );

    expect(factCounts(db)).toMatchObject({
      customers: 2,
      orders: 3,
      order_lines: 3,
      order_payments: 2,
    });
    const owners = db.raw
      .prepare('SELECT external_id, customer_id, kind, amount_fen FROM orders ORDER BY external_id')
      .all();
    // O1 = 12.99 + 48.90 = 61.89 → 6189; O3 was cancelled by its status: no spend.
    expect(owners).toEqual([
      { external_id: 'O1', customer_id: 1, kind: 'sale', amount_fen: 6189 },
      { external_id: 'O2', customer_id: 1, kind: 'sale', amount_fen: 0 },
      { external_id: 'O3', customer_id: 2, kind: 'cancellation', amount_fen: 0 },
    ]);
    expect(items.rejected).toEqual([
      expect.objectContaining({ line: 5, value: 'NOPE', code: 'order_unknown' }),
    ]);
    expect(items.rejected[0]!.reason).toContain('import the orders file first');
  });
});
