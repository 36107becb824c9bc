import { expect, test } from '@playwright/test';
import { call, openConsole } from './support';

// The language is saved with the settings, which every spec shares: give Chinese back.
test.afterEach(async ({ request }) => {
  await call(request, 'settings.setLocale', { locale: 'zh-CN' });
});

test('the grid’s between filter names both its boxes in Chinese', async ({ page }) => {
  await openConsole(page);
  await page.getByRole('menuitem', { name: '客户' }).click();

  const age = page.locator('.ag-header-cell[col-id="age"]');
  await age.locator('.ag-header-cell-filter-button').click();
  await page.locator('.ag-filter .ag-picker-field-wrapper').first().click();
  await page.getByRole('option', { name: '介于' }).click();

  // ag-grid's own words would be "Filter from value" and "Filter to Value".
  await expect(page.getByLabel('筛选起始值', { exact: true })).toBeVisible();
  await expect(page.getByLabel('筛选截止值', { exact: true })).toBeVisible();
});

test('the English customers header says “1 customer” for one customer', async ({ page }) => {
  await openConsole(page);
  await page.getByRole('menuitem', { name: '客户' }).click();

  // Search for the member id of a listed customer: exactly one answers.
  const keyCell = page.locator('.ag-cell[col-id="key"]').filter({ hasText: /M\d+/ }).first();
  await expect(keyCell).toBeVisible({ timeout: 30_000 });
  const memberId = ((await keyCell.textContent()) ?? '').match(/M\d+/)?.[0];
  expect(memberId).toBeTruthy();
  await page.getByText('English', { exact: true }).click();
  await page.getByLabel('Search customers').fill(memberId ?? '');
  await page.keyboard.press('Enter');

  await expect(page.getByText('1 customer', { exact: true })).toBeVisible({ timeout: 30_000 });
});
