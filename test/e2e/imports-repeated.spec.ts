import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { dataFile } from '../support/paths';
import { openConsole } from './support';

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

async function importUci(page: Page): Promise<void> {
  await page.getByRole('menuitem', { name: '数据导入' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByText('选择要导入的文件').click();
  await (await chooser).setFiles(dataFile('online-retail-uci-sample.csv'));
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('button', { name: '预览' }).click();
  await page.getByRole('button', { name: '开始导入' }).click();
  await expect(page.getByRole('button', { name: '导入其他文件' })).toBeVisible({
    timeout: 90_000,
  });
}
