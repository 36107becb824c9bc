import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { openConsole } from './support';

/*
 * A tester filtered and sorted the customers list, opened a customer, went back, and found
 * the list fresh again. Going back (the page's button or the browser's) now shows the list
 * as it was left: the grid's filter and sort, the lifecycle choice, the rows on screen.
 * The demo chain is in the database (currency.spec.ts, before this, puts it back).
 */
test('going back from a customer shows the list filtered, sorted and scrolled as left', async ({
  page,
}) => {
  await openConsole(page);
  await page.getByRole('menuitem', { name: '客户' }).click();
  const total = page.getByText(/^共 [\d,]+ 位客户$/);
  await expect(total).toBeVisible({ timeout: 30_000 });

  // The grid's own filter: age greater than 30.
  const age = page.locator('.ag-header-cell[col-id="age"]');
  await age.locator('.ag-header-cell-filter-button').click();
  await page.locator('.ag-filter .ag-picker-field-wrapper').first().click();
  await page.getByRole('option', { name: '大于', exact: true }).click();
  await page.locator('.ag-filter input.ag-input-field-input').first().fill('30');
  await page.keyboard.press('Escape');
  await expect(age).toHaveClass(/ag-header-cell-filtered/);
  // Sorted by age, oldest first (two clicks on the header: ascending, then descending).
  await age.locator('.ag-header-cell-label').click();
  await age.locator('.ag-header-cell-label').click();
  await expect(age).toHaveAttribute('aria-sort', 'descending');
  const filtered = (await total.textContent()) ?? '';

  // Scrolled well down the list (a person's mouse wheel), then a customer opened from there.
  await page.locator('.ag-grid-viewport').hover();
  await page.mouse.wheel(0, 2400);
  await expect.poll(() => firstShownRow(page), { timeout: 30_000 }).toBeGreaterThan(20);
  const left = await firstShownRow(page);
  const shownRow = page.locator(`.ag-row[row-index="${left + 2}"]`);
  await expect(shownRow.locator('[col-id="name"]')).toHaveText(/\S/, { timeout: 30_000 });
  const shownName = (await shownRow.locator('[col-id="name"]').textContent()) ?? '';
  await shownRow.locator('[col-id="name"]').click();
  await expect(page.getByRole('button', { name: '返回客户列表' })).toBeVisible();

  await page.getByRole('button', { name: '返回客户列表' }).click();
  await expect(page.getByText(filtered, { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(age).toHaveClass(/ag-header-cell-filtered/);
  await expect(age).toHaveAttribute('aria-sort', 'descending');
  await expect(shownRow.locator('[col-id="name"]')).toHaveText(shownName, { timeout: 30_000 });
  await expect.poll(() => firstShownRow(page)).toBe(left);

  // The browser's back button finds it the same way.
  await shownRow.locator('[col-id="name"]').click();
  await expect(page.getByRole('button', { name: '返回客户列表' })).toBeVisible();
  await page.goBack();
  await expect(age).toHaveAttribute('aria-sort', 'descending');
  await expect(shownRow.locator('[col-id="name"]')).toHaveText(shownName, { timeout: 30_000 });
  await expect.poll(() => firstShownRow(page)).toBe(left);

  // From the menu the list starts afresh, as before.
  await page.getByRole('menuitem', { name: '经营概览' }).click();
  await page.getByRole('menuitem', { name: '客户' }).click();
  await expect(total).toBeVisible({ timeout: 30_000 });
  await expect(age).not.toHaveClass(/ag-header-cell-filtered/);
  await expect(age).not.toHaveAttribute('aria-sort', 'descending');
});

/** The index of the first row whose top is at or below the grid's header: the row on top. */
function firstShownRow(page: Page): Promise<number> {
  return page.evaluate(() => {
    const header = document.querySelector('.ag-header')?.getBoundingClientRect();
    if (!header) return -1;
    const rows = [...document.querySelectorAll('.ag-row')];
    const below = rows
      .filter((row) => row.getBoundingClientRect().top >= header.bottom - 1)
      .map((row) => Number(row.getAttribute('row-index')));
    return below.length > 0 ? Math.min(...below) : -1;
  });
}
