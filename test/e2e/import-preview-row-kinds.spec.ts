import { expect, test } from '@playwright/test';
import { dataFile } from '../support/paths';
import { openConsole } from './support';

/*
 * The import preview says what each row is: Olist's customers file holds customers, not
 * sales. Only previewed, never imported, so the shared database is left as it was.
 */
test('the preview of an Olist customers file calls its rows customers', async ({ page }) => {
  await openConsole(page);
  await page.getByRole('menuitem', { name: '数据导入' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByText('选择要导入的文件').click();
  await (await chooser).setFiles(dataFile('olist', 'customers.csv'));
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('button', { name: '预览' }).click();
  await expect(page.getByText(/^前 \d+ 行/)).toBeVisible();

  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows.first()).toContainText('客户');
  await expect(rows.filter({ hasText: '销售' })).toHaveCount(0);

  await page.getByText('English', { exact: true }).click();
  await expect(rows.first()).toContainText('Customer');
  await expect(rows.filter({ hasText: 'Sale' })).toHaveCount(0);
});
