import { beforeAll, describe, expect, it } from 'vitest';
import { inspectFile, readRecords } from '../../core/crm/import/index';
import type { ImportRecord, RecordOutcome } from '../../core/crm/import/types';
import { dataFile } from '../support/paths';

/*
 * Right answers from python3 over the same file:
 *   rows = list(csv.DictReader(open('superstore-orders.csv', newline='', encoding='utf-8-sig')))
 *   len(rows) → 10194;  sum(round_half_up(Decimal(r['Sales']) * 100)) → 232653452 cents
 *   sum(int(r['Quantity'])) → 38654
 *   days = [datetime.strptime(r['Order Date'], '%d/%m/%y').date() ...]
 *   January 2019 → 84 lines; min 2019-01-03, max 2022-12-30; 1242 distinct days
 */
const file = dataFile('superstore-orders.csv');
let outcomes: RecordOutcome[] = [];
let records: ImportRecord[] = [];

beforeAll(async () => {
  for await (const chunk of readRecords(file, { source: { kind: 'preset', id: 'superstore' } })) {
    outcomes = outcomes.concat(chunk);
  }
  records = outcomes.flatMap((o) => (o.ok ? [o.record] : []));
});

describe('reading the Superstore orders', () => {
  it('strips the byte-order mark and decides day-first for the whole file', async () => {
    const inspection = await inspectFile(file, 'superstore-orders.csv');
    expect(inspection.headers[0]).toBe('Row ID');
    expect(inspection.encoding.used).toBe('utf-8');
    expect(inspection.suggestedPreset).toBe('superstore');
    expect(inspection.dateOrder).toEqual({ detected: 'dmy', ambiguous: false });
  });

  it('reads 03/01/19 as 3 January 2019', () => {
    expect(records[0]?.orderId).toBe('US-2019-103800');
    expect(records[0]?.businessDay).toBe('2019-01-03');
  });

  it('takes every line and lands dates where python puts them', () => {
    expect(outcomes).toHaveLength(10194);
    expect(records).toHaveLength(10194);
    const days = records.map((r) => r.businessDay ?? '');
    expect(days.filter((d) => d.startsWith('2019-01'))).toHaveLength(84);
    expect(new Set(days).size).toBe(1242);
    expect([...days].sort()[0]).toBe('2019-01-03');
    expect([...days].sort().at(-1)).toBe('2022-12-30');
  });

  it('reads quoted product names with commas and doubled quotes', () => {
    expect(records[0]?.product?.name).toBe(
      'Message Book, Wirebound, Four 5 1/2" X 4" Forms/Pg., 200 Dupl. Sets/Book',
    );
  });

  it('reads Sales with three decimals into cents exactly, rounding half up', () => {
    expect(records.reduce((sum, r) => sum + (r.lineAmountFen ?? 0), 0)).toBe(232653452);
    expect(records.reduce((sum, r) => sum + (r.quantity ?? 0), 0)).toBe(38654);
    expect(records[0]?.lineAmountFen).toBe(1645);
  });
});
