import { beforeAll, describe, expect, it } from 'vitest';
import { inspectFile, readRecords } from '../../core/crm/import/index';
import type { ImportRecord, RecordOutcome } from '../../core/crm/import/types';
import { dataFile } from '../support/paths';

/*
 * Right answers from python3's csv module over the same file (not from the product):
 *   rows = list(csv.DictReader(open('online-retail-uci-sample.csv', newline='')))
 *   len(rows) → 20000;  sum(r['CustomerID'] == 'NA') → 5078
 *   len({r['InvoiceNo'] for r in rows if r['InvoiceNo'].startswith('C')}) → 313
 *   len({r['CustomerID'] for r in rows} - {'NA'}) → 3049
 * Kinds with the preset's rules written again in python (adjustment codes first, then
 * the C prefix, then negative quantity at price 0 = write-off):
 *   sale 19515, cancellation 333, adjustment 104, write-off 48
 * Sales in pence: sum(round_half_up(Decimal(price) * 100) * qty) over sales → 36610795
 * Instants: sum of int(datetime(...).replace(tzinfo=ZoneInfo('Europe/London'))
 *   .timestamp()) → 26196005041200 seconds.
 */
const file = dataFile('online-retail-uci-sample.csv');
let outcomes: RecordOutcome[] = [];
let records: ImportRecord[] = [];

beforeAll(async () => {
  for await (const chunk of readRecords(file, {
    source: { kind: 'preset', id: 'uci-online-retail' },
  })) {
    outcomes = outcomes.concat(chunk);
  }
  records = outcomes.flatMap((o) => (o.ok ? [o.record] : []));
});

describe('reading the UCI Online Retail sample', () => {
  it('is recognised by its headers', async () => {
    const inspection = await inspectFile(file, 'online-retail-uci-sample.csv');
    expect(inspection.suggestedPreset).toBe('uci-online-retail');
    expect(inspection.encoding.used).toBe('utf-8');
    expect(inspection.dateOrder).toEqual({ detected: 'ymd', ambiguous: false });
  });

  it('takes all 20,000 lines, in file order, with no rejected row', () => {
    expect(outcomes).toHaveLength(20000);
    expect(records).toHaveLength(20000);
    expect(records[0]?.line).toBe(2);
    expect(records[19999]?.line).toBe(20001);
  });

  it('keeps the 5,078 lines without a customer as anonymous records', () => {
    expect(records.filter((r) => r.customer.memberId === undefined)).toHaveLength(5078);
    expect(new Set(records.map((r) => r.customer.memberId).filter(Boolean)).size).toBe(3049);
  });

  it('finds the 313 cancellation invoices and classifies every line', () => {
    const cInvoices = new Set(
      records.filter((r) => r.orderId?.startsWith('C')).map((r) => r.orderId),
    );
    expect(cInvoices.size).toBe(313);
    const kinds: Record<string, number> = {};
    for (const r of records) kinds[r.kind] = (kinds[r.kind] ?? 0) + 1;
    expect(kinds).toEqual({ sale: 19515, cancellation: 333, adjustment: 104, writeoff: 48 });
    const cancelled = records.filter((r) => r.kind === 'cancellation');
    expect(cancelled.every((r) => (r.quantity ?? 0) < 0 && (r.lineAmountFen ?? 0) < 0)).toBe(true);
  });

  it('reads prices into pence exactly', () => {
    const sales = records.filter((r) => r.kind === 'sale');
    expect(sales.reduce((sum, r) => sum + (r.lineAmountFen ?? 0), 0)).toBe(36610795);
    expect(records.every((r) => r.currency === 'GBP')).toBe(true);
  });

  it('reads London wall clock into UTC instants, daylight saving included', () => {
    const seconds = records.reduce((sum, r) => sum + (r.orderedAt ?? 0) / 1000, 0);
    expect(seconds).toBe(26196005041200);
    // 70 lines on 9 December 2011 in the file (python3: startswith('2011-12-09')).
    expect(records.filter((r) => r.businessDay === '2011-12-09')).toHaveLength(70);
  });
});
