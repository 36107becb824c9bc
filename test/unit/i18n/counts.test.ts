import { beforeAll, describe, expect, it } from 'vitest';
import type { TFunction } from 'i18next';
import type { JobStatus } from '../../../core/api/system';
import { progressLine } from '../../../renderer/src/components/JobProgress';
import { translator } from './translator';

let en: TFunction;
let zh: TFunction;
beforeAll(async () => {
  en = await translator('en');
  zh = await translator('zh-CN');
});

const plain = (v: number) => String(v);
const job = (over: Partial<JobStatus>): JobStatus => ({
  id: 'j1',
  kind: 'k',
  state: 'running',
  progress: null,
  processed: 0,
  total: null,
  ratePerSecond: 0,
  message: null,
  ...over,
});

describe('counts in English', () => {
  it('say "1 customer" and "2 customers" in the customers header', () => {
    expect(en('customers.total', { count: 1, n: '1' })).toBe('1 customer');
    expect(en('customers.total', { count: 2949, n: '2,949' })).toBe('2,949 customers');
  });

  it('use the singular for one customer or one row on the other screens too', () => {
    expect(en('rfm.tipCustomers', { count: 1, n: '1' })).toBe('1 customer');
    expect(en('tags.exported', { count: 1 })).toBe('Exported 1 customer');
    expect(en('import.summary.partial', { count: 1 })).toBe('1 row was rejected and left out.');
    expect(en('import.summary.partial', { count: 3 })).toBe('3 rows were rejected and left out.');
    expect(en('import.preview.title', { count: 1 })).toBe(
      'First 1 row exactly as it will be stored',
    );
    expect(en('import.preview.title', { count: 20 })).toBe(
      'First 20 rows exactly as they will be stored',
    );
  });

  it('keep the Chinese count without plural forms', () => {
    expect(zh('customers.total', { count: 1, n: '1' })).toBe(zh('customers.total', { n: '1' }));
  });
});

describe('job progress line', () => {
  it('shows no rate for a job counted in steps', () => {
    // A recompute at step 2 of 4, 8 steps a second: the rate means nothing.
    const status = job({ progress: 0.5, processed: 2, total: 4, ratePerSecond: 8 });
    expect(progressLine(status, 'steps', en, plain)).toBe('2 of 4 steps done');
    expect(progressLine(status, 'steps', zh, plain)).not.toContain('每秒');
    expect(progressLine(job({ processed: 1, ratePerSecond: 8 }), 'steps', en, plain)).toBe(
      '1 step done so far',
    );
  });

  it('keeps rows per second for an import', () => {
    const status = job({ progress: 0.25, processed: 500, total: 2000, ratePerSecond: 1234.4 });
    expect(progressLine(status, 'rows', en, plain)).toBe('500 of 2000 rows · 1234 rows/s');
    expect(progressLine(status, 'rows', zh, plain)).toContain('每秒 1234 行');
  });
});

describe('grid filter words', () => {
  it('are Chinese in zh-CN for the boxes of a between filter, English as before', () => {
    // ag-grid names the second box of a between filter "Filter to Value" unless translated.
    expect(zh('grid.ariaFilterFromValue')).toBe('筛选起始值');
    expect(zh('grid.ariaFilterToValue')).toBe('筛选截止值');
    expect(en('grid.ariaFilterToValue')).toBe('Filter to value');
  });
});
