import { describe, expect, it } from 'vitest';
import type { ImportOptions, RowError } from '../../core/api/imports';
import { inspectFile, readRecords } from '../../core/crm/import/index';
import type { ImportRecord } from '../../core/crm/import/types';
import { dataFile } from '../support/paths';

/*
 * The dirty sample has 20 data lines (awk 'NR>1' | wc -l), every one with 8 fields.
 * By eye and awk over the file:
 *   - 18 lines write dates day/month first (awk: $5 !~ /^[0-9]{4}/), all with both
 *     parts ≤ 12 (01/12/2010, 12/01/2010, 01-12-2010), so the file cannot decide;
 *   - line 18 has quantity 0, line 21 has price NA;
 *   - line 6 has ' -6' (a space before the minus): a return of 6 at 2.55;
 *   - lines 5, 13 and 20 have no customer id.
 */
const file = dataFile('online-retail-dirty.csv');
const uci = (extra: Partial<ImportOptions> = {}): ImportOptions => ({
  source: { kind: 'preset', id: 'uci-online-retail' },
  ...extra,
});

async function read(options: ImportOptions) {
  const records: ImportRecord[] = [];
  const rejected: RowError[][] = [];
  for await (const chunk of readRecords(file, options)) {
    for (const o of chunk) {
      if (o.ok) records.push(o.record);
      else rejected.push(o.errors);
    }
  }
  return { records, rejected };
}

describe('reading the dirty sample', () => {
  it('says the date order is ambiguous instead of guessing', async () => {
    const inspection = await inspectFile(file, 'online-retail-dirty.csv');
    expect(inspection.dateOrder).toEqual({ detected: null, ambiguous: true });
  });

  it('without a chosen order, reports each undecidable date and keeps the ISO ones', async () => {
    const { records, rejected } = await read(uci());
    expect(records.length + rejected.length).toBe(20);
    expect(records.map((r) => r.line)).toEqual([7, 11]);
    const orderErrors = rejected.flat().filter((e) => e.code === 'date.order_unknown');
    expect(orderErrors).toHaveLength(18);
    expect(orderErrors.every((e) => e.column === 'InvoiceDate' && e.value)).toBe(true);
  });

  it('day-first chosen: rejects exactly the zero quantity and the NA price, with line and column', async () => {
    const { records, rejected } = await read(uci({ dateOrder: 'dmy' }));
    expect(records.length + rejected.length).toBe(20);
    expect(rejected.flat().map((e) => [e.line, e.column, e.value, e.code])).toEqual([
      [18, 'Quantity', '0', 'quantity.zero'],
      [21, 'UnitPrice', 'NA', 'value.missing'],
    ]);
  });

  it('reads the space before a minus, blank customers and the odd date formats', async () => {
    const { records } = await read(uci({ dateOrder: 'dmy' }));
    const byLine = new Map(records.map((r) => [r.line, r]));
    expect(byLine.get(6)).toMatchObject({ quantity: -6, kind: 'return', lineAmountFen: -1530 });
    for (const line of [5, 13, 20]) expect(byLine.get(line)?.customer.memberId).toBeUndefined();
    expect(byLine.get(2)?.businessDay).toBe('2010-12-01');
    expect(byLine.get(11)?.businessDay).toBe('2010-12-01');
    expect(byLine.get(12)?.businessDay).toBe('2010-12-01');
    // Written 12/01/2010 among 01/12/2010 lines: day-first reads it as 12 January.
    expect(byLine.get(9)?.businessDay).toBe('2010-01-12');
  });
});
