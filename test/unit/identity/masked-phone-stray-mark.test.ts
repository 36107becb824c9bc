import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerQuerySchema } from '../../../core/api/customers';
import { keysAndPhones } from '../../../core/crm/customers/key';
import { normalizePhone } from '../../../core/crm/identity/normalize';
import { maskMaskedPhone } from '../../../core/shared/mask';
import { importThroughService, preset, tempApp } from '../../acceptance/import-support';

/*
 * Reported by a tester: a phone cell holding a whole mobile number and a mark beside it
 * ("13812341234*", a shop assistant starring a VIP) was read as a phone the platform had
 * masked and kept as written, so the grid's key and phone columns, the customer's page
 * and the segment export showed all eleven digits. Such a cell stays a masked phone (never
 * a key), but what the console keeps of it is masked the console's way: the first three
 * and the last four digits.
 *
 * Worked by hand: the digits of "13812341234*" are 1 3 8 1 2 3 4 1 2 3 4 (eleven, a whole
 * mobile: 1, then 3, then nine more); first three 138, last four 1234 → "138****1234".
 */
const allDigits = '13812341234';

describe('a masked phone cell that hides no digit', () => {
  it('is kept masked the console’s way, still never as a key', () => {
    expect(normalizePhone('13812341234*')).toEqual({ kind: 'masked', masked: '138****1234' });
    // A full-width star and spaces from another till: the same cell once normalised.
    expect(normalizePhone('138 1234 1234 ＊')).toEqual({ kind: 'masked', masked: '138****1234' });
    // With the country code: +86 is dropped as for any masked phone.
    expect(normalizePhone('+86 13812341234*')).toEqual({ kind: 'masked', masked: '138****1234' });
  });

  it('keeps a platform’s own mask as it came', () => {
    // Seven digits shown (138 and 1234): as many as the console's mask shows.
    expect(normalizePhone('138****1234')).toEqual({ kind: 'masked', masked: '138****1234' });
    // Fewer shown than the console would: nothing to hide more.
    expect(normalizePhone('1381234****')).toEqual({ kind: 'masked', masked: '1381234****' });
  });

  it('hides the digits between the first three and last four marks when one digit is hidden', () => {
    // "1381234123*": ten digits shown, not a whole mobile (the star may be its last digit).
    // Kept: characters 1-3 "138" and the last four "123*"; "1234" between them → "****".
    expect(maskMaskedPhone('1381234123*')).toBe('138****123*');
    expect(normalizePhone('1381234123*')).toEqual({ kind: 'masked', masked: '138****123*' });
  });

  it('is shown masked by the grid even when it was kept whole before this fix', () => {
    // A database written by an older console holds the cell's text as it came.
    const { keys, phones } = keysAndPhones([[7, 'masked_phone', '13812341234*', 1]]);
    expect(keys.get(7)).toEqual({ kind: 'phone', value: '138****1234' });
    expect(phones.get(7)).toBe('138****1234');
  });
});

describe('importing a cell with a stray star', () => {
  let app: Awaited<ReturnType<typeof tempApp>>;
  let dir = '';
  beforeAll(async () => {
    app = await tempApp();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'masked-stray-'));
    // One mini-program order whose buyer has only this phone cell and an e-mail.
    const csv = [
      '订单编号,商品序号,下单时间,订单状态,会员ID,手机号,买家昵称,性别,生日,邮箱,规格编码,' +
        '商品名称,商品分类,购买数量,商品单价,商品实付,优惠金额,退款金额,自提门店编码,自提门店',
      `A1,1,2026-11-02 10:00:00,已完成,,${allDigits}*,,,,wang@example.com,SKU-1,拿铁,咖啡,1,` +
        '10.00,10.00,0,,,',
    ].join('\n');
    fs.writeFileSync(path.join(dir, 'orders.csv'), csv);
  });
  afterAll(async () => {
    await app.cleanup();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps and shows no more than 138****1234, in the grid, the page and the database', async () => {
    const file = path.join(dir, 'orders.csv');
    const summary = await importThroughService(app, file, preset('miniprogram-shop'));
    expect(summary.rowsImported).toBe(1);

    const page = await app.handlers['customers.page'](customerQuerySchema.parse({ limit: 50 }));
    expect(page.rows).toHaveLength(1);
    const row = page.rows[0]!;
    // No member or platform id: the key is the phone (before the e-mail).
    expect(row.key).toEqual({ kind: 'phone', value: '138****1234' });
    expect(row.phone).toBe('138****1234');

    const detail = await app.handlers['customers.get']({ id: row.id });
    expect(JSON.stringify(detail)).not.toContain(allDigits);

    // What is kept is what every other screen and export reads.
    const kept = app.ctx.db.raw
      .prepare("SELECT value FROM customer_identities WHERE kind IN ('phone', 'masked_phone')")
      .all();
    expect(kept).toEqual([{ value: '138****1234' }]);
  });
});
