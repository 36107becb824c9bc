import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { dataFile } from '../support/paths';
import { importUci, openConsole } from './support';

/*
 * A second import of the UCI sample adds nothing: every one of its 20,000 rows is a
 * line already stored. The UCI layout has no line-number column, so the first rows are
 * the first line of their invoice. From the CSV with Python's csv module:
 *   rows = list(csv.DictReader(open('online-retail-uci-sample.csv')))
 *   len(rows) == 20000; [r['InvoiceNo'] for r in rows[:2]] == ['546306', '557055']
 *   neither invoice appears earlier in the file, so both rows are line 1 of their order.
 * Runs after import-wizard.spec.ts (file names sort so), whose import of the sample stays
 * the first; this spec imports it twice so that it holds whatever ran before.
 */
test('the summary lists the rows an import found already stored', async ({ page }) => {
  await openConsole(page);
  await importUci(page);
  await page.getByRole('button', { name: '导入其他文件' }).click();
  await importUci(page);

  await expect(page.getByText('已导入过：没有变化')).toBeVisible({ timeout: 90_000 });
  const listed = page.getByRole('region', { name: '重复行数' });
  await expect(listed.getByText('有 20,000 行已在数据库中或在本文件前面出现过')).toBeVisible();
  await expect(listed.getByText('以下是前 100 行')).toBeVisible();
  const first = listed.getByRole('row').nth(1);
  await expect(first).toContainText('546306');
  await expect(first).toContainText('订单 546306 的第 1 行已由之前的导入存入数据库。');
  await expect(listed.getByRole('row')).toHaveCount(11);

  await page.getByText('English', { exact: true }).click();
  const listedEn = page.getByRole('region', { name: 'Duplicate rows' });
  await expect(listedEn.getByText('20,000 rows were already in the database')).toBeVisible();
  await expect(
    listedEn.getByText('Line 1 of order 557055 is already in the database from an earlier import.'),
  ).toBeVisible();
});

/*
 * The dirty sample read day-first, after the UCI sample (the test above): lines 18
 * (quantity 0) and 21 (price NA) are bad, and lines 8, 12 and 17 name invoices the
 * sample stored for another customer, so 5 rows are refused and 15 stored when the
 * valid rows are imported (worked by hand in test/acceptance/import-dirty.test.ts).
 * Imported again, the 15 are all there already and the same 5 are refused.
 */
test('a file whose valid rows are all stored already says so, its rejected rows apart', async ({
  page,
}) => {
  await openConsole(page);
  await importDirty(page);
  await page.getByRole('button', { name: '只导入有效行' }).click();
  await expect(page.getByText('有效行已导入')).toBeVisible({ timeout: 90_000 });

  await page.getByRole('button', { name: '导入其他文件' }).click();
  await importDirty(page);
  await expect(page.getByText('已导入过：本文件的有效行都已在数据库中')).toBeVisible();
  await expect(
    page.getByText('有 15 行已由之前的导入存入数据库，本次没有新的内容需要保存。'),
  ).toBeVisible();
  await expect(
    page.getByText('另有 5 行被拒绝，没有保存。修正后再次导入本文件即可补上。'),
  ).toBeVisible();
  // Not the failure it is not: no red "nothing was saved", no offer to import again.
  await expect(page.getByText('没有保存任何数据', { exact: false })).toHaveCount(0);
  await expect(page.locator('.ant-alert-error')).toHaveCount(0);
  await expect(page.getByRole('button', { name: '只导入有效行' })).toHaveCount(0);
  // The rejected rows are listed as before (the first table; the duplicates follow).
  const rejected = page.getByRole('table').first();
  await expect(rejected.getByRole('row')).toHaveCount(6);
  const missingPrice = page.getByRole('cell', { name: 'NA', exact: true });
  await expect(rejected.getByRole('row').filter({ has: missingPrice })).toHaveCount(1);

  await page.getByText('English', { exact: true }).click();
  await expect(
    page.getByText("Already imported: this file's valid rows are all in the database"),
  ).toBeVisible();
  await expect(
    page.getByText('5 rows were rejected and not saved.', { exact: false }),
  ).toBeVisible();
  await page.getByText('中文', { exact: true }).click();
});

async function importDirty(page: Page): Promise<void> {
  await page.getByRole('menuitem', { name: '数据导入' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByText('选择要导入的文件').click();
  await (await chooser).setFiles(dataFile('online-retail-dirty.csv'));
  await page.getByRole('button', { name: '下一步' }).click();
  // 01/12/2010 is 1 December: the file's dates are day-first.
  await page.getByRole('combobox', { name: '日期顺序' }).click();
  await page.locator('.ant-select-item-option').filter({ hasText: '日/月/年' }).click();
  await page.getByRole('button', { name: '预览' }).click();
  await page.getByRole('button', { name: '开始导入' }).click();
  await expect(page.getByRole('button', { name: '导入其他文件' })).toBeVisible({
    timeout: 90_000,
  });
}
