import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { previewFile } from '../../../core/crm/import/index';
import { rejectedRowCount } from '../../../renderer/src/screens/import/options';
import { dataFile } from '../../support/paths';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roc-preview-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the import preview shows rows as they will be stored', () => {
  it('shows a POS line amount after its discount, as the commit stores it', async () => {
    // The example of docs/import-presets.md: 2 × 18.50 = 37.00, discount 2.00,
    // line_total 35.00. The commit stores 35.00, so the preview shows 35.00.
    const file = path.join(dir, 'pos.csv');
    const header =
      'store_code,store_name,region,receipt_no,line_no,sold_at,status,member_no,' +
      'member_phone,sku,product_name,category,qty,unit_price,discount,line_total';
    const row =
      'SH01,上海徐汇店,华东,P2024053100123,1,2024-05-31 19:42:10,completed,M000123,' +
      '13800001234,690123456789,燕麦拿铁,咖啡,2,18.50,2.00,35.00';
    fs.writeFileSync(file, `${header}\n${row}\n`);
    const preview = await previewFile(file, { source: { kind: 'preset', id: 'pos-standard' } });
    expect(preview.errors).toEqual([]);
    expect(preview.rows[0]?.values).toMatchObject({
      quantity: '2',
      unitPrice: '18.50 CNY',
      discountAmount: '2.00 CNY',
      lineAmount: '35.00 CNY',
    });
    // The same money as fen with its currency, for the screen to write by the locale:
    // 18.50 → 1850, 2.00 → 200, 35.00 → 3500.
    expect(preview.rows[0]?.currency).toBe('CNY');
    expect(preview.rows[0]?.money).toEqual({
      unitPrice: 1850,
      discountAmount: 200,
      lineAmount: 3500,
    });
  });

  it('keeps pence as pence for a file in pounds', async () => {
    // online-retail-uci-sample.csv line 2 (head -2 of the file): 2 × RED HANGING HEART
    // T-LIGHT HOLDER at 2.95 GBP; 2 × 295 pence = 590 pence.
    const uci = { source: { kind: 'preset' as const, id: 'uci-online-retail' } };
    const preview = await previewFile(dataFile('online-retail-uci-sample.csv'), uci);
    expect(preview.rows[0]?.currency).toBe('GBP');
    expect(preview.rows[0]?.money).toMatchObject({ unitPrice: 295, lineAmount: 590 });
  });
});

describe('the preview counts rejected rows, not their errors', () => {
  it('counts 18 rejected rows of the dirty file read year-first', async () => {
    // Worked by hand over the 20 data lines (file lines 2–21) of online-retail-dirty.csv:
    // read year-first, only line 7 (2010-12-01 09:00:00) and line 11 (2010/12/01 10:05)
    // hold a date; the other 18 lines are rejected for their date. Two of them also have
    // a second error: line 20 (quantity 0) and line 21 (price NA), so 20 errors, 18 rows.
    const options = {
      source: { kind: 'preset' as const, id: 'uci-online-retail' },
      dateOrder: 'ymd' as const,
    };
    const preview = await previewFile(dataFile('online-retail-dirty.csv'), options);
    expect(preview.rows.map((r) => r.line)).toEqual([7, 11]);
    expect(rejectedRowCount(preview.errors)).toBe(18);
  });

  it('counts a row once however many of its cells are wrong', () => {
    const error = (line: number, column: string) => ({
      line,
      column,
      value: null,
      code: 'x',
      reason: 'x',
    });
    const errors = [error(3, 'date'), error(3, 'price'), error(5, 'date')];
    expect(rejectedRowCount(errors)).toBe(2);
  });
});
