import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { previewFile } from '../../../core/crm/import/index';
import { dataFile } from '../../support/paths';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roc-preview-kinds-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const preset = (id: string) => ({ source: { kind: 'preset' as const, id } });

describe('the import preview says what each row is', () => {
  it('calls an Olist customer row a customer, not a sale', async () => {
    const preview = await previewFile(dataFile('olist/customers.csv'), preset('olist-customers'));
    expect(preview.rows.length).toBeGreaterThan(0);
    for (const row of preview.rows) {
      expect(row.rowKind).toBe('customer');
      expect(row.values.kind).toBeUndefined();
    }
  });

  it('calls an Olist payment row a payment, not a sale', async () => {
    const file = dataFile('olist/order_payments.csv');
    const preview = await previewFile(file, preset('olist-payments'));
    expect(preview.rows.length).toBeGreaterThan(0);
    for (const row of preview.rows) {
      expect(row.rowKind).toBe('payment');
      expect(row.values.kind).toBeUndefined();
    }
  });

  it('keeps the kind of order on an order line', async () => {
    const file = dataFile('olist/order_items.csv');
    const preview = await previewFile(file, preset('olist-order-items'));
    expect(preview.rows[0]).toMatchObject({ rowKind: 'orderLine', values: { kind: 'sale' } });
  });
});

describe('the import preview masks a member id that is a mobile number', () => {
  it('shows 138****1234 for the member id 13800001234, as the grid does', async () => {
    const file = path.join(dir, 'pos.csv');
    const header =
      'store_code,store_name,region,receipt_no,line_no,sold_at,status,member_no,' +
      'member_phone,sku,product_name,category,qty,unit_price,discount,line_total';
    const row =
      'SH01,上海徐汇店,华东,P2024053100123,1,2024-05-31 19:42:10,completed,13800001234,' +
      ',690123456789,燕麦拿铁,咖啡,2,18.50,0,37.00';
    fs.writeFileSync(file, `${header}\n${row}\n`);
    const preview = await previewFile(file, preset('pos-standard'));
    expect(preview.errors).toEqual([]);
    expect(preview.rows[0]?.values.customerMemberId).toBe('138****1234');
    expect(JSON.stringify(preview.rows)).not.toContain('13800001234');
  });

  it('shows a member id with letters whole', async () => {
    const file = path.join(dir, 'pos-m.csv');
    const header =
      'store_code,store_name,region,receipt_no,line_no,sold_at,status,member_no,' +
      'member_phone,sku,product_name,category,qty,unit_price,discount,line_total';
    const row =
      'SH01,上海徐汇店,华东,P2024053100124,1,2024-05-31 19:42:10,completed,M000123,' +
      ',690123456789,燕麦拿铁,咖啡,1,18.50,0,18.50';
    fs.writeFileSync(file, `${header}\n${row}\n`);
    const preview = await previewFile(file, preset('pos-standard'));
    expect(preview.rows[0]?.values.customerMemberId).toBe('M000123');
  });
});
