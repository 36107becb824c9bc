import { expect, test } from '@playwright/test';
import { openConsole } from './support';

/*
 * The simulated clock's picker marked "today" by the PC's zone; the console's day is
 * Shanghai's. A PC in London at 2026-12-05 20:00 UTC: London's clock reads 12-05 20:00,
 * Shanghai's (UTC+8, no summer time) 2026-12-06 04:00, so the picker's today is the 6th and
 * its "now" 04:00.
 */
test.use({ timezoneId: 'Europe/London' });

test('the clock picker marks and fills in Shanghai’s today on a PC in London', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2026-12-05T20:00:00Z'));
  await openConsole(page);
  await page.getByRole('navigation').getByRole('menuitem', { name: '设置' }).click();

  const picker = page.getByLabel('模拟日期和时间（Asia/Shanghai）');
  await picker.click();
  const popup = page.locator('.console-clock-popup');
  await expect(popup.locator('.console-today')).toHaveCount(1);
  await expect(popup.locator('td[title="2026-12-06"] .console-today')).toHaveCount(1);
  // The browser's today (the 5th in London) carries no mark a person sees.
  const londonToday = popup.locator('td[title="2026-12-05"] .ant-picker-cell-inner');
  await expect(londonToday).not.toHaveClass(/console-today/);
  const border = await londonToday.evaluate(
    (el) => getComputedStyle(el, '::before').borderTopWidth,
  );
  expect(border).toBe('0px');

  await popup.getByRole('button', { name: '此刻（上海时间）' }).click();
  await expect(picker).toHaveValue('2026-12-06 04:00');
});
