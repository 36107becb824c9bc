import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFile } from '../../../core/crm/import/batch-run';
import { tempDb } from '../../support/db';

let db: Awaited<ReturnType<typeof tempDb>>;
let dir: string;
beforeEach(async () => {
  db = await tempDb();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roc-discount-'));
});
afterEach(async () => {
  await db.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

const at = new Date('2026-12-04T08:00:00Z');

/** Imports `lines` with a preset and gives the stored lines' amount and unit price, in order. */
async function storedLines(presetId: string, lines: string[]): Promise<number[][]> {
  const file = path.join(dir, `${presetId}.csv`);
  fs.writeFileSync(file, lines.join('\n') + '\n');
  const options = { source: { kind: 'preset' as const, id: presetId } };
  const summary = await importFile(db, file, `${presetId}.csv`, options, false, { at });
  expect(summary).toMatchObject({ status: 'committed', rowsRejected: 0 });
  const rows = db.raw
    .prepare(
      `SELECT amount_fen AS amount, unit_price_fen AS unit FROM order_lines
       ORDER BY order_id, line_no`,
    )
    .all() as { amount: number; unit: number }[];
  return rows.map((r) => [r.amount, r.unit]);
}

describe('a discount is taken off a line exactly once', () => {
  it('keeps what was paid for a POS line, whose line_total is after the discount', async () => {
    // The example of docs/import-presets.md: 2 × 18.50 = 37.00, 2.00 off, 35.00 paid.
    // Stored: 3500 fen, unit price 1850. The return receipt pays back what was paid:
    // −2 × 18.50 = −37.00, 2.00 off, −35.00 → −3500 fen.
    const header =
      'store_code,store_name,region,receipt_no,line_no,sold_at,status,member_no,' +
      'member_phone,sku,product_name,category,qty,unit_price,discount,line_total';
    const amounts = await storedLines('pos-standard', [
      header,
      'SH01,上海徐汇店,华东,P2024053100123,1,2024-05-31 19:42:10,completed,M000123,' +
        '13800001234,690123456789,燕麦拿铁,咖啡,2,18.50,2.00,35.00',
      'SH01,上海徐汇店,华东,P2024053100124,1,2024-05-31 19:50:00,refunded,M000123,' +
        '13800001234,690123456789,燕麦拿铁,咖啡,-2,18.50,2.00,-35.00',
    ]);
    expect(amounts).toEqual([
      [3500, 1850],
      [-3500, 1850],
    ]);
  });

  it('keeps what was paid for a mini-program item, whose 商品实付 is after the discount', async () => {
    // 2 × 18.50 = 37.00, 优惠金额 2.00, 商品实付 35.00 → 3500 fen, unit price 1850.
    const amounts = await storedLines('miniprogram-shop', [
      '订单编号,商品序号,下单时间,订单状态,会员ID,手机号,买家昵称,性别,生日,邮箱,规格编码,' +
        '商品名称,商品分类,购买数量,商品单价,商品实付,优惠金额,退款金额,自提门店编码,自提门店',
      'M202405310001,1,2024/05/31 21:05,已完成,V0001,138 0000 1234,小王,女,1995-07-08,' +
        'wang@example.com,SKU-1,燕麦拿铁,咖啡,2,￥18.50,￥35.00,￥2.00,,SH01,上海徐汇店',
    ]);
    expect(amounts).toEqual([[3500, 1850]]);
  });

  it('takes the store discount off a delivery item, whose 商品金额 is before it', async () => {
    // 1 × 25.00 = 商品金额 25.00, 商家优惠 3.00 → 25.00 − 3.00 = 22.00 → 2200 fen.
    const amounts = await storedLines('delivery-platform', [
      '订单号,下单时间,订单状态,门店ID,门店名称,顾客电话,顾客姓名,顾客ID,商品名称,商品编码,' +
        '数量,单价,商品金额,商家优惠,退款金额',
      'D1001,2024-05-31 23:40:00,已完成,S01,徐汇店,138****1234,张**,U9001,黄焖鸡米饭,F001,' +
        '1,￥25.00,￥25.00,￥3.00,',
    ]);
    expect(amounts).toEqual([[2200, 2500]]);
  });

  it('takes off a discount written negative, as the same discount written positive', async () => {
    // Delivery item 1 × 25.00, 商家优惠 written −3.00 (3.00 off): 25.00 − 3.00 = 22.00.
    // POS line 2 × 18.50 = 37.00, discount written −2.00, line_total 35.00 paid: 3500 fen.
    const delivery = await storedLines('delivery-platform', [
      '订单号,下单时间,订单状态,门店ID,门店名称,顾客电话,顾客姓名,顾客ID,商品名称,商品编码,' +
        '数量,单价,商品金额,商家优惠,退款金额',
      'D1002,2024-05-31 23:40:00,已完成,S01,徐汇店,138****1234,张**,U9001,黄焖鸡米饭,F001,' +
        '1,￥25.00,￥25.00,-3.00,',
    ]);
    expect(delivery).toEqual([[2200, 2500]]);
  });

  it('keeps what was paid for a POS line whose discount is written negative', async () => {
    // 2 × 18.50 = 37.00, discount −2.00 (2.00 off), line_total 35.00 paid → 3500 fen.
    const amounts = await storedLines('pos-standard', [
      'store_code,store_name,region,receipt_no,line_no,sold_at,status,member_no,' +
        'member_phone,sku,product_name,category,qty,unit_price,discount,line_total',
      'SH01,上海徐汇店,华东,P2024053100125,1,2024-05-31 19:42:10,completed,M000123,' +
        '13800001234,690123456789,燕麦拿铁,咖啡,2,18.50,-2.00,35.00',
    ]);
    expect(amounts).toEqual([[3500, 1850]]);
  });

  it('takes a refund off a sale, but not again off an amount already negative', async () => {
    // M1: 1 × 18.50 paid, 退款金额 18.50: refunded in whole → 0.
    // M2: −1 × 18.50 written as −18.50 paid, 退款金额 18.50 (the same money) → −1850.
    const amounts = await storedLines('miniprogram-shop', [
      '订单编号,商品序号,下单时间,订单状态,会员ID,手机号,买家昵称,性别,生日,邮箱,规格编码,' +
        '商品名称,商品分类,购买数量,商品单价,商品实付,优惠金额,退款金额,自提门店编码,自提门店',
      'M1,1,2024/05/31 21:05,已退款,V0001,13800001234,小王,女,1995-07-08,,SKU-1,燕麦拿铁,' +
        '咖啡,1,18.50,18.50,,18.50,SH01,上海徐汇店',
      'M2,1,2024/05/31 21:10,已退款,V0001,13800001234,小王,女,1995-07-08,,SKU-1,燕麦拿铁,' +
        '咖啡,-1,18.50,-18.50,,18.50,SH01,上海徐汇店',
    ]);
    expect(amounts.map(([amount]) => amount)).toEqual([0, -1850]);
  });
});
