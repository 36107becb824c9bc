import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ImportOptions, RowError } from '../../../core/api/imports';
import { readRecords } from '../../../core/crm/import/index';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roc-values-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const posHeader =
  'store_code,store_name,region,receipt_no,line_no,sold_at,status,member_no,member_phone,' +
  'sku,product_name,category,qty,unit_price,discount,line_total';

interface PosCells {
  soldAt?: string;
  name?: string;
  qty?: string;
  price?: string;
  total?: string;
}

/** One POS row: a latte sold on 2024-05-31, with the cells a test changes. */
function posRow(receipt: string, cells: PosCells): string {
  const { soldAt = '2024-05-31 10:00:00', name = '拿铁', qty = '1' } = cells;
  const { price = '18.50', total = '18.50' } = cells;
  return `SH01,徐汇店,华东,${receipt},1,${soldAt},completed,M1,,6901,${name},咖啡,${qty},${price},0,${total}`;
}

/** The errors of each data row of a file (an empty list for a row that was read). */
async function errorsOf(lines: string[], options: ImportOptions): Promise<RowError[][]> {
  const file = path.join(dir, `f${Math.random().toString(36).slice(2)}.csv`);
  fs.writeFileSync(file, lines.join('\n') + '\n');
  const errors: RowError[][] = [];
  for await (const chunk of readRecords(file, options)) {
    for (const outcome of chunk) errors.push(outcome.ok ? [] : outcome.errors);
  }
  return errors;
}

const pos: ImportOptions = { source: { kind: 'preset', id: 'pos-standard' } };
const uci: ImportOptions = { source: { kind: 'preset', id: 'uci-online-retail' } };
const uciHeader =
  'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country';

/** The code, column and value of each row's first error, or 'ok'. */
const firsts = (errors: RowError[][]) =>
  errors.map((e) => (e[0] ? [e[0].code, e[0].column, e[0].value] : 'ok'));

describe('dates with a year no sale can have', () => {
  it('rejects years before 1900 and after 2100 with the bound in the reason', async () => {
    const errors = await errorsOf(
      [
        posHeader,
        posRow('Y1', { soldAt: '0024-05-31 10:00:00' }),
        posRow('Y2', { soldAt: '2999-01-01 10:00:00' }),
        posRow('Y3', { soldAt: '1899-12-31 23:59:59' }),
        posRow('Y4', { soldAt: '1900-01-01 00:00:00' }),
        posRow('Y5', { soldAt: '2100-12-31 23:59:59' }),
        posRow('Y6', { soldAt: '2999/1/1 10:00' }),
        posRow('Y7', { soldAt: '0000-00-00 00:00:00' }),
      ],
      pos,
    );
    expect(firsts(errors)).toEqual([
      ['date.year_out_of_range', 'sold_at', '0024-05-31 10:00:00'],
      ['date.year_out_of_range', 'sold_at', '2999-01-01 10:00:00'],
      ['date.year_out_of_range', 'sold_at', '1899-12-31 23:59:59'],
      'ok',
      'ok',
      ['date.year_out_of_range', 'sold_at', '2999/1/1 10:00'],
      // No month 0: not a date at all, whatever its year.
      ['date.invalid', 'sold_at', '0000-00-00 00:00:00'],
    ]);
    expect(errors[0]?.[0]?.line).toBe(2);
    expect(errors[0]?.[0]?.reason).toContain('outside 1900–2100');
  });

  it('rejects the year 0001 of a UCI invoice date', async () => {
    const errors = await errorsOf(
      [uciHeader, '536365,85123A,HEART,6,0001-01-01 00:00:00,2.55,17850,United Kingdom'],
      uci,
    );
    expect(firsts(errors)).toEqual([
      ['date.year_out_of_range', 'InvoiceDate', '0001-01-01 00:00:00'],
    ]);
  });

  it('says a year-first value is no date without the day-first remark', async () => {
    const options: ImportOptions = { ...pos, dateOrder: 'dmy' };
    const errors = await errorsOf(
      [
        posHeader,
        posRow('D1', { soldAt: '2026-02-30 10:00:00' }),
        posRow('D2', { soldAt: '30/02/2026 10:00' }),
      ],
      options,
    );
    expect(errors[0]?.[0]?.reason).toBe('"2026-02-30 10:00:00" is not a date in column "sold_at"');
    expect(errors[1]?.[0]?.reason).toContain('(this file is read day-first)');
  });
});

describe('quantities and amounts beyond plausible bounds', () => {
  it('rejects a UCI quantity of 10^20 and of ten million and one, keeps ten million', async () => {
    const row = (qty: string) => `536365,85123A,HEART,${qty},2010-12-01 08:26:00,2.55,17850,UK`;
    const errors = await errorsOf(
      [uciHeader, row('99999999999999999999'), row('10000001'), row('10000000'), row('-10000001')],
      uci,
    );
    expect(firsts(errors)).toEqual([
      ['number.out_of_range', 'Quantity', '99999999999999999999'],
      ['number.out_of_range', 'Quantity', '10000001'],
      'ok',
      ['number.out_of_range', 'Quantity', '-10000001'],
    ]);
    expect(errors[0]?.[0]?.reason).toContain('beyond ±10,000,000');
  });

  it('rejects money beyond ¥10 billion (10^12 fen) and keeps ¥10 billion itself', async () => {
    const errors = await errorsOf(
      [
        posHeader,
        posRow('M1', { total: '999999999999999999.99' }),
        posRow('M2', { total: '10000000000.01' }),
        posRow('M3', { total: '10000000000.00' }),
        posRow('M4', { price: '"-10,000,000,000.01"' }),
      ],
      pos,
    );
    expect(firsts(errors)).toEqual([
      ['money.out_of_range', 'line_total', '999999999999999999.99'],
      ['money.out_of_range', 'line_total', '10000000000.01'],
      'ok',
      ['money.out_of_range', 'unit_price', '-10,000,000,000.01'],
    ]);
    expect(errors[0]?.[0]?.reason).toContain('beyond ±10,000,000,000');
  });

  it('gives NaN and Infinity the reason of any other non-number', async () => {
    const errors = await errorsOf(
      [
        posHeader,
        posRow('N1', { qty: 'NaN' }),
        posRow('N2', { qty: 'Infinity' }),
        posRow('N3', { qty: 'abc' }),
        posRow('N4', { price: 'NaN', total: '-Infinity' }),
      ],
      pos,
    );
    expect(errors.map((e) => e.map((x) => [x.code, x.value]))).toEqual([
      [['number.invalid', 'NaN']],
      [['number.invalid', 'Infinity']],
      [['number.invalid', 'abc']],
      [
        ['money.invalid', 'NaN'],
        ['money.invalid', '-Infinity'],
      ],
    ]);
    expect(errors[0]?.[0]?.reason).toBe('"NaN" is not a number in column "qty"');
  });
});

describe('free text longer than 500 characters', () => {
  it('rejects the row, quoting only the start of the value, and keeps 500', async () => {
    const long = 'A'.repeat(501);
    const errors = await errorsOf(
      [posHeader, posRow('T1', { name: long }), posRow('T2', { name: 'B'.repeat(500) })],
      pos,
    );
    expect(firsts(errors)).toEqual([['text.too_long', 'product_name', `${'A'.repeat(60)}…`], 'ok']);
    expect(errors[0]?.[0]?.reason).toContain('has 501 characters, more than the 500');
  });
});
