import { expect, test } from '@playwright/test';
import { dataFile } from '../support/paths';
import { call, finishJob, openConsole } from './support';

/*
 * The UCI sample is a UK shop: its orders are in GBP, amounts in pence. Customer 14911's
 * lifetime spend, with python3's csv and decimal modules over the file:
 *   sum(round_half_up(Decimal(r['UnitPrice']) * 100) * int(r['Quantity'])
 *       for r in rows if r['CustomerID'] == '14911') == 384361 pence == £3,843.61
 * The demo chain beside it is in yuan: the two are never added or shown alike.
 */

// The specs share one database: put the demo back so that later specs (the import wizard's
// first import of this same file) find the state they expect.
test.afterAll(async ({ request }) => {
  await finishJob(request, await call(request, 'demo.reset', {}));
});

test('a UK customer’s money shows in pounds, and the heatmap says it is not in its spend', async ({
  page,
  request,
}) => {
  test.setTimeout(240_000);
  await openConsole(page);
  await page.getByRole('menuitem', { name: '数据导入' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByText('选择要导入的文件').click();
  await (await chooser).setFiles(dataFile('online-retail-uci-sample.csv'));
  await expect(page.getByText('UCI 在线零售数据集')).toBeVisible();
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('button', { name: '预览' }).click();
  await page.getByRole('button', { name: '开始导入' }).click();
  await expect(page.getByText('导入完成')).toBeVisible({ timeout: 120_000 });

  await page.getByRole('menuitem', { name: '客户' }).click();
  await page.getByLabel('搜索客户').fill('14911');
  await page.keyboard.press('Enter');
  // Wait for the search's answer: a row of the list before it may still be on screen.
  await expect(page.getByText('共 1 位客户')).toBeVisible({ timeout: 30_000 });
  const row = page
    .getByRole('row')
    .filter({ has: page.getByRole('gridcell') })
    .first();
  // The grid draws only the columns in view: the money is read on the customer page.
  await expect(row).toBeVisible({ timeout: 30_000 });
  await row.getByRole('gridcell').nth(1).click();

  const spend = page.getByRole('group', { name: '累计消费' });
  await expect(spend).toContainText('£3,843.61');
  await expect(spend).not.toContainText('¥');
  await expect(page.getByRole('group', { name: '客单价' })).toContainText('£');

  await page.getByRole('menuitem', { name: 'RFM 分析' }).click();
  await expect(page.getByText(/位客户的金额为其他币种/)).toBeVisible();

  // The UCI orders are of 2010–2011: with the clock at the end of 2011 they fall in the
  // dashboard's year, which adds yuan only and names the pounds it leaves out.
  await call(request, 'settings.setClock', { now: '2011-12-31T12:00:00.000Z' });
  try {
    await page.getByRole('menuitem', { name: '经营概览' }).click();
    const note = page.getByText(/销售额仅统计人民币。未计入：/);
    await expect(note).toContainText('£');
    await expect(note).toContainText('笔 GBP 订单');
    await page.getByText('English', { exact: true }).click();
    await expect(page.getByText(/The sales figures are in yuan only\. Left out:/)).toContainText(
      '£',
    );
    await page.getByText('中文', { exact: true }).click();
  } finally {
    await call(request, 'settings.setClock', { now: null });
    await call(request, 'settings.setLocale', { locale: 'zh-CN' });
  }
});
