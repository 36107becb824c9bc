import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportOptions } from '../../../core/api/imports';
import { inspectFile, readRecords } from '../../../core/crm/import/index';
import type { ImportRecord } from '../../../core/crm/import/types';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roc-xlsx-'));
const file = path.join(dir, '小程序订单.xlsx');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// A mini-program export as a workbook: a notes sheet first, the orders on the second.
// The first order's time is a real date cell; the second's is the Excel serial 45000.75
// typed as a plain number (2023-03-15 18:00, worked out: 1899-12-30 + 45000 days).
beforeAll(async () => {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('说明').addRow(['导出时间', '2024-06-01']);
  const sheet = workbook.addWorksheet('订单');
  sheet.addRow([
    '订单编号',
    '商品序号',
    '下单时间',
    '订单状态',
    '会员ID',
    '手机号',
    '买家昵称',
    '性别',
    '生日',
    '邮箱',
    '规格编码',
    '商品名称',
    '商品分类',
    '购买数量',
    '商品单价',
    '商品实付',
    '优惠金额',
    '退款金额',
    '自提门店编码',
    '自提门店',
  ]);
  sheet.addRow([
    'M202405310001',
    1,
    new Date(Date.UTC(2024, 4, 31, 21, 5, 0)),
    '已完成',
    'V0001',
    '138 0000 1234',
    '小王',
    '女',
    new Date(Date.UTC(1995, 6, 8)),
    ' Wang@Example.com ',
    'SKU-1',
    '燕麦拿铁',
    '咖啡',
    2,
    18.5,
    37,
    0,
    null,
    'SH01',
    '上海徐汇店',
  ]);
  sheet.addRow([
    'M202303150002',
    1,
    45000.75,
    '已取消',
    'V0002',
    '+86 139-0000-5678',
    '小李',
    '男',
    '1990/1/2',
    '',
    'SKU-2',
    '美式',
    '咖啡',
    1,
    '￥15.00',
    '￥15.00',
    '',
    '',
    '',
    '',
  ]);
  await workbook.xlsx.writeFile(file);
});

const options: ImportOptions = {
  source: { kind: 'preset', id: 'miniprogram-shop' },
  sheet: '订单',
};

async function readAll(): Promise<ImportRecord[]> {
  const records: ImportRecord[] = [];
  for await (const chunk of readRecords(file, options)) {
    for (const o of chunk) {
      if (!o.ok) throw new Error(JSON.stringify(o.errors));
      records.push(o.record);
    }
  }
  return records;
}

describe('reading an XLSX workbook', () => {
  it('lists the sheets and reads the chosen one', async () => {
    const first = await inspectFile(file, '小程序订单.xlsx');
    expect(first.format).toBe('xlsx');
    expect(first.sheets).toEqual(['说明', '订单']);
    expect(first.headers).toEqual(['导出时间', '2024-06-01']);

    const orders = await inspectFile(file, '小程序订单.xlsx', { sheet: '订单' });
    expect(orders.suggestedPreset).toBe('miniprogram-shop');
    expect(orders.sampleRows).toHaveLength(2);
  });

  it('reads real date cells and Excel serials as Shanghai wall clock', async () => {
    const [first, second] = await readAll();
    // 21:05 in Shanghai is 13:05 UTC.
    expect(first?.orderedAt).toBe(Date.UTC(2024, 4, 31, 13, 5));
    expect(first?.businessDay).toBe('2024-05-31');
    expect(second?.businessDay).toBe('2023-03-15');
    expect(second?.orderedAt).toBe(Date.UTC(2023, 2, 15, 10, 0));
  });

  it('normalises the customer and reads money, status and store', async () => {
    const [first, second] = await readAll();
    expect(first?.customer).toMatchObject({
      memberId: 'V0001',
      phone: '+8613800001234',
      email: 'wang@example.com',
      gender: 'F',
      birthDate: '1995-07-08',
    });
    expect(first).toMatchObject({ quantity: 2, unitPriceFen: 1850, lineAmountFen: 3700 });
    expect(first?.store).toMatchObject({ code: 'SH01', name: '上海徐汇店' });
    expect(second?.kind).toBe('cancellation');
    expect(second?.customer.phone).toBe('+8613900005678');
    expect(second?.customer.birthDate).toBe('1990-01-02');
    // No pick-up store named: the preset's default store for the online shop.
    expect(second?.store?.code).toBe('MINI-ONLINE');
  });
});
