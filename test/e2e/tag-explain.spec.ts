import { expect, test } from '@playwright/test';
import { openConsole } from './support';

/*
 * The built-in "gold customer" tag is defined by the issue as: women aged 25–35, at least
 * 3 orders in the last 30 days, average order at least ¥80. The demo chain created at
 * first start has customers who meet it; any of them must be able to say why.
 */
test('a customer page explains why a tag applies, condition by condition', async ({ page }) => {
  await openConsole(page);
  await page.getByRole('menuitem', { name: '客户' }).click();

  // Find a gold customer through the grid's tag filter, and open the first one.
  const tagFilter = page.getByRole('combobox', { name: '按标签筛选' });
  await tagFilter.click();
  await tagFilter.fill('金卡客户');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  const firstRow = page
    .getByRole('row')
    .filter({ has: page.getByRole('gridcell') })
    .first();
  await expect(firstRow).toBeVisible();
  await firstRow.getByRole('gridcell').nth(1).click();

  // The customer page: the figures the explanation must agree with.
  await expect(page.getByRole('button', { name: '返回客户列表' })).toBeVisible();
  const aov = (await page.getByRole('group', { name: '客单价' }).innerText())
    .replace('客单价', '')
    .trim();

  await page.getByRole('button', { name: '为什么该客户有“金卡客户”标签？' }).click();
  const dialog = page.getByRole('dialog', { name: '为什么是“金卡客户”？' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('该客户拥有此标签');

  // Every condition of the definition, each passed, each with the customer's own value.
  await expect(dialog.getByText('以下全部满足')).toBeVisible();
  for (const condition of [
    '性别 等于 女',
    '年龄 介于 25 – 35',
    '近30天订单数 至少 3',
    '客单价 至少 ¥80.00',
  ]) {
    const line = dialog.getByRole('listitem').filter({ hasText: condition });
    await expect(line).toContainText('满足');
    await expect(line).not.toContainText('不满足');
    await expect(line).toContainText('该客户的值：');
  }
  await expect(dialog.getByRole('listitem').filter({ hasText: '客单价 至少' })).toContainText(
    `该客户的值：${aov}`,
  );
});
