import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { importUci, openConsole } from './support';

/*
 * Named to run after import-wizard.spec.ts, whose import of the UCI sample must be the
 * first of the run; here the sample is imported again (it holds whatever ran before).
 *
 * UCI Online Retail customers have no name, only a CustomerID, which the import keeps as
 * a member id. From the CSV with Python's csv module:
 *   ids = {r['CustomerID'] for r in csv.DictReader(open('online-retail-uci-sample.csv'))}
 *   '12347' in ids and '17850' not in ids; neither the demo chain's member ids (M + eight
 *   digits) nor any other UCI id is exactly 12347.
 */
/** Types into the "contains" filter of a grid column, as a person does from its header. */
async function filterColumn(page: Page, header: string, text: string): Promise<void> {
  const cell = page.getByRole('columnheader', { name: header });
  await cell.hover();
  await cell.locator('.ag-header-cell-filter-button').click();
  const input = page.locator('.ag-filter').getByRole('textbox').first();
  await input.fill(text);
  await page.keyboard.press('Escape');
}

test('a customer without a name is told apart by the key their file shows', async ({ page }) => {
  await openConsole(page);
  await importUci(page);
  await page.getByRole('menuitem', { name: '客户' }).click();

  await filterColumn(page, '客户标识', '12347');
  const row = page
    .getByRole('row')
    .filter({ has: page.getByRole('gridcell', { name: '会员号 12347', exact: true }) });
  await expect(row).toHaveCount(1);
  // The grid splits a row between its pinned and scrolling parts: the pinned part holds
  // the id, the name (a dash) and the key.
  await expect(row.getByRole('gridcell').nth(1)).toHaveText('—');
  await expect(page.getByText('会员号 17850')).toHaveCount(0);

  // A new language draws the grid anew, without its filters: filter again.
  await page.getByText('English', { exact: true }).click();
  await filterColumn(page, 'Customer key', '12347');
  await expect(page.getByRole('gridcell', { name: 'Member id 12347', exact: true })).toBeVisible();
  await page.getByText('中文', { exact: true }).click();
});
