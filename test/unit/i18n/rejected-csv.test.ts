import { describe, expect, it } from 'vitest';
import type { RowError } from '../../../core/api/imports';
import { rejectedRowsCsv } from '../../../renderer/src/screens/import/options';
import { translator } from './translator';

// The dirty sample's two bad rows with the date order chosen (acceptance/import-dirty):
// line 18 has Quantity 0, line 21 has UnitPrice NA. Reasons as the core writes them.
const rows: RowError[] = [
  { line: 18, column: 'Quantity', value: '0', code: 'quantity.zero', reason: 'Quantity is 0.' },
  {
    line: 21,
    column: 'UnitPrice',
    value: 'NA',
    code: 'value.missing',
    reason: 'The column "UnitPrice" is empty.',
  },
];

describe('the rejected rows saved as a file', () => {
  it('has headers and reasons in the person’s language, as the screen shows them', async () => {
    const csv = rejectedRowsCsv(await translator('zh-CN'), rows);
    expect(csv.split('\r\n')).toEqual([
      '\uFEFF行号,列,值,code,原因',
      '18,Quantity,0,quantity.zero,数量为 0（列“Quantity”）',
      '21,UnitPrice,NA,value.missing,列“UnitPrice”为空，但这一项必须填写',
      '',
    ]);
  });

  it('is in English for an English console', async () => {
    const csv = rejectedRowsCsv(await translator('en'), rows);
    expect(csv.split('\r\n')[0]).toBe('\uFEFFLine,Column,Value,code,Reason');
  });
});
