import { describe, expect, it } from 'vitest';
import { inspectFile, readRecords } from '../../core/crm/import/index';
import type { ImportRecord } from '../../core/crm/import/types';
import { dataFile } from '../support/paths';

/*
 * Right answers from python3's csv module over the Olist files:
 *   customers.csv: 10000 rows, 10000 distinct customer_id, 9957 distinct customer_unique_id
 *   orders.csv: 10000 rows, all 'delivered'; sum of purchase instants with
 *     ZoneInfo('America/Sao_Paulo') → 15147634477995 seconds; the first,
 *     2018-03-27 18:00:43, is 2018-03-27T21:00:43Z
 *   order_items.csv: 11513 rows, sum(round_half_up(Decimal(price) * 100)) → 138960203
 *   order_payments.csv: 10415 rows, payment_value → 162064963 cents
 */
async function read(name: string, preset: string): Promise<ImportRecord[]> {
  const file = dataFile('olist', name);
  expect((await inspectFile(file, name)).suggestedPreset).toBe(preset);
  const records: ImportRecord[] = [];
  for await (const chunk of readRecords(file, { source: { kind: 'preset', id: preset } })) {
    for (const outcome of chunk) {
      if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
      records.push(outcome.record);
    }
  }
  return records;
}

describe('reading the Olist tables', () => {
  it('reads customers with the order buyer id and the person id', async () => {
    const records = await read('customers.csv', 'olist-customers');
    expect(records).toHaveLength(10000);
    expect(records.every((r) => r.rowKind === 'customer' && r.channel === 'marketplace')).toBe(
      true,
    );
    expect(new Set(records.map((r) => r.customer.externalId)).size).toBe(10000);
    expect(new Set(records.map((r) => r.customer.platformId)).size).toBe(9957);
    expect(records[0]?.customer.city).toBe('sao bernardo do campo');
  });

  it('reads orders in Brazil time into UTC', async () => {
    const records = await read('orders.csv', 'olist-orders');
    expect(records).toHaveLength(10000);
    expect(records[0]?.orderedAt).toBe(Date.UTC(2018, 2, 27, 21, 0, 43));
    expect(records[0]?.businessDay).toBe('2018-03-27');
    expect(records.reduce((sum, r) => sum + (r.orderedAt ?? 0) / 1000, 0)).toBe(15147634477995);
    expect(records.every((r) => r.kind === 'sale' && r.customer.externalId)).toBe(true);
  });

  it('reads order items as lines of one item each', async () => {
    const records = await read('order_items.csv', 'olist-order-items');
    expect(records).toHaveLength(11513);
    expect(records.every((r) => r.quantity === 1)).toBe(true);
    expect(records.reduce((sum, r) => sum + (r.lineAmountFen ?? 0), 0)).toBe(138960203);
  });

  it('reads payments, several per order where the file says so', async () => {
    const records = await read('order_payments.csv', 'olist-payments');
    expect(records).toHaveLength(10415);
    expect(records.reduce((sum, r) => sum + (r.paymentFen ?? 0), 0)).toBe(162064963);
  });
});
