import { expect, test } from '@playwright/test';
import { openConsole } from './support';

test('switching the language changes the navigation and is remembered', async ({ page }) => {
  await openConsole(page);
  const nav = page.getByRole('navigation');
  await expect(nav.getByRole('menuitem', { name: '客户' })).toBeVisible();

  await page.getByText('English', { exact: true }).click();
  await expect(nav.getByRole('menuitem', { name: 'Customers' })).toBeVisible();
  await expect(nav.getByRole('menuitem', { name: 'Import' })).toBeVisible();
  await expect(nav.getByRole('menuitem', { name: '客户' })).toHaveCount(0);

  // The choice is saved (settings.setLocale) and survives a reload.
  await page.reload();
  await expect(nav.getByRole('menuitem', { name: 'Customers' })).toBeVisible();

  await page.getByText('中文', { exact: true }).click();
  await expect(nav.getByRole('menuitem', { name: '客户' })).toBeVisible();
});
