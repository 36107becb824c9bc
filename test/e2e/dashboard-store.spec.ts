import { expect, test } from '@playwright/test';
import { call, finishJob, openConsole } from './support';

/*
 * A franchise owner's store, E2E9A, new to the console: three receipts of a till export
 * (the store POS layout), two days before the console's "now", worked by hand:
 *   R1 member card M9A01:   18.50 × 1 + 25.50 × 1 = ¥44.00
 *   R2 no member:           ¥8.00 (an anonymous sale)
 *   R3 member phone only:   12.00 × 1 = ¥12.00 (a whole phone: a member too)
 * Sales ¥64.00 over 3 orders; 2 customers; members bought 44 + 12 = 56 of 64 = 87.5 %.
 */
function tillExport(day: string): string {
  const header =
    'store_code,store_name,region,receipt_no,line_no,sold_at,status,member_no,member_phone,' +
    'sku,product_name,category,qty,unit_price,discount,line_total';
  const row = (receipt: string, line: number, member: string, phone: string, price: string) =>
    `E2E9A,测试加盟店,华东,${receipt},${line},${day} 10:0${line}:00,completed,${member},${phone},` +
    `9A${receipt}${line},商品${line},咖啡,1,${price},0.00,${price}`;
  return [
    header,
    row('R1', 1, 'M9A01', '', '18.50'),
    row('R1', 2, 'M9A01', '', '25.50'),
    row('R2', 1, '', '', '8.00'),
    row('R3', 1, '', '13900009901', '12.00'),
  ].join('\n');
}

/** The business day (Asia/Shanghai) two days before the instant. */
function twoDaysBefore(now: string): string {
  const shanghai = new Date(Date.parse(now) + 8 * 3600_000 - 2 * 86_400_000);
  return shanghai.toISOString().slice(0, 10);
}

// The specs share one database: put the demo back so that later specs find no new store.
test.afterAll(async ({ request }) => {
  await finishJob(request, await call(request, 'demo.reset', {}));
});

test('a franchise owner picks their store and reads its own sales', async ({ page, request }) => {
  test.setTimeout(240_000);
  const { now } = await call(request, 'app.info', {});
  await openConsole(page);

  await page.getByRole('menuitem', { name: '数据导入' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByText('选择要导入的文件').click();
  const csv = Buffer.from(tillExport(twoDaysBefore(now)), 'utf8');
  await (await chooser).setFiles({ name: 'e2e9a-pos.csv', mimeType: 'text/csv', buffer: csv });
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('button', { name: '预览' }).click();
  await page.getByRole('button', { name: '开始导入' }).click();
  await expect(page.getByRole('button', { name: '导入其他文件' })).toBeVisible({
    timeout: 90_000,
  });

  await page.getByRole('menuitem', { name: '经营概览' }).click();
  await page.getByText('近 30 天', { exact: true }).click();
  await page.getByLabel('门店', { exact: true }).click();
  await page.keyboard.type('E2E9A');
  await page.locator('.ant-select-item-option').filter({ hasText: 'E2E9A 测试加盟店' }).click();
  await page.keyboard.press('Escape');
  // The picked store's tag names it by its code, so that several fit in the picker.
  await expect(page.locator('.ant-select-selection-item', { hasText: 'E2E9A' })).toBeVisible();

  const figure = (name: string) =>
    page.getByRole('group', { name, exact: true }).locator('.ant-statistic-content-value');
  await expect(figure('销售额（净额）')).toHaveText('¥64.00');
  await expect(figure('订单数')).toHaveText('3');
  await expect(figure('近 30 天在所选门店下单客户数')).toHaveText('2');
  await expect(figure('会员销售占比')).toHaveText('87.5%');

  // Kept while moving between screens: back on the dashboard, still the one store.
  await page.getByRole('menuitem', { name: '客户' }).click();
  await page.getByRole('menuitem', { name: '经营概览' }).click();
  await expect(figure('销售额（净额）')).toHaveText('¥64.00');
});
