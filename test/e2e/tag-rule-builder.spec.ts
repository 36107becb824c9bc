import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { openConsole } from './support';

/** The live count under the rule builder, once it has settled on a number. */
async function liveCount(page: Page): Promise<number> {
  const status = page.getByRole('status');
  await expect(status).toContainText(/\d/);
  await expect(status).not.toContainText('—');
  return Number((await status.innerText()).replace(/[^\d]/g, ''));
}

async function waitForCountOtherThan(page: Page, previous: number): Promise<number> {
  await expect.poll(() => liveCount(page), { timeout: 15_000 }).not.toBe(previous);
  return liveCount(page);
}

test('building a rule shows a live count that follows each edit', async ({ page }) => {
  await openConsole(page);
  await page.getByRole('menuitem', { name: '标签' }).click();
  await page.getByRole('button', { name: '新建标签' }).click();
  await page.getByRole('textbox', { name: '中文名称' }).fill('高消费客户');
  await page.getByRole('textbox', { name: '英文名称' }).fill('Big spenders');

  // One condition: lifetime spend of at least ¥1,000 (typed in yuan).
  await page.getByRole('button', { name: '添加条件', exact: true }).click();
  const condition = page.getByRole('group', { name: '条件 1' });
  const field = condition.getByRole('combobox', { name: '字段' });
  await field.click();
  await field.fill('累计消费');
  await page.keyboard.press('Enter');
  await expect(condition).toContainText('累计消费');
  // Money fields start with "at least", the comparison wanted here.
  await expect(condition).toContainText('至少');
  await condition.getByRole('spinbutton', { name: '值' }).fill('1000');
  const atLeast1000 = await waitForCountOtherThan(page, -1);
  expect(atLeast1000).toBeGreaterThan(0);

  // Raising the threshold can only shrink the group, and the count follows.
  await condition.getByRole('spinbutton', { name: '值' }).fill('3000');
  const atLeast3000 = await waitForCountOtherThan(page, atLeast1000);
  expect(atLeast3000).toBeLessThan(atLeast1000);

  // A second condition in an AND group narrows it further (or leaves it as it is).
  await page.getByRole('button', { name: '添加条件', exact: true }).click();
  const second = page.getByRole('group', { name: '条件 2' });
  await expect(second.getByRole('combobox', { name: '字段' })).toBeVisible();
  await expect.poll(() => liveCount(page)).toBeLessThanOrEqual(atLeast3000);
});
