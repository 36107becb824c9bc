import { expect, test } from '@playwright/test';
import { call, importUci, openConsole } from './support';

test.afterEach(async ({ request }) => {
  // The console's clock is shared by every test of the run: give the system clock back.
  await call(request, 'settings.setClock', { now: null });
});

/*
 * The UCI sample's newest invoice, by Python's csv module:
 *   max(r['InvoiceDate'] for r in csv.DictReader(open('online-retail-uci-sample.csv')))
 *   → '2011-12-09 12:50:00', London time, so business day 2011-12-09 in the shop's zone.
 * With the clock at 2012-03-01, the last 30 days (2012-01-31 … 2012-03-01) hold no order
 * of any file the tests import (UCI and the dirty sample end in 2011, the others and the
 * demo chain start years later).
 */
test('an empty period says when the newest order was and where to move the clock', async ({
  page,
}) => {
  await openConsole(page);
  await importUci(page);

  await page.getByRole('navigation').getByRole('menuitem', { name: '设置' }).click();
  const picker = page.getByLabel('模拟日期和时间（Asia/Shanghai）');
  await picker.click();
  await picker.fill('2012-03-01 10:00');
  await picker.press('Enter');
  await page.getByRole('button', { name: '使用此时间' }).click();
  await expect(page.getByRole('banner').getByText(/^模拟时钟：/)).toContainText('2012-03-01');

  await page.getByRole('navigation').getByRole('menuitem', { name: '经营概览' }).click();
  await page.getByRole('radiogroup', { name: '统计周期' }).getByText('近 30 天').click();
  // The clock's confirmation is an alert too: read the one about the period.
  const note = page.getByRole('alert').filter({ hasText: '近 30 天没有订单' });
  await expect(note).toContainText('近 30 天没有订单。最近一笔订单在 2011-12-09');

  // The button takes the planner to the clock.
  await note.getByRole('button', { name: '去设置' }).click();
  await expect(page.getByLabel('模拟日期和时间（Asia/Shanghai）')).toBeVisible();
});
