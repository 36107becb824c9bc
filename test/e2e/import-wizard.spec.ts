import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { dataFile } from '../support/paths';
import { call, openConsole } from './support';

/*
 * Expected figures, computed from the CSV with Python's csv module (not with the product):
 *   rows = list(csv.DictReader(open('online-retail-uci-sample.csv')))
 *   len(rows) == 20000
 *   len({r['CustomerID'] for r in rows if r['CustomerID'] != 'NA'}) == 3049
 * Every row is a valid order line (cancellations and write-offs are classified, customers
 * written NA are anonymous sales), so nothing is rejected.
 */
test('importing the UCI sample through the wizard shows its summary', async ({ page }) => {
  await openConsole(page);
  await page.getByRole('menuitem', { name: '数据导入' }).click();

  const chooser = page.waitForEvent('filechooser');
  await page.getByText('选择要导入的文件').click();
  await (await chooser).setFiles(dataFile('online-retail-uci-sample.csv'));

  // Inspection: the file is read as UTF-8 and its layout is recognised.
  await expect(page.getByText('online-retail-uci-sample.csv')).toBeVisible();
  await expect(page.getByRole('columnheader', { name: 'InvoiceNo' }).first()).toBeVisible();
  await expect(page.getByText('UCI 在线零售数据集')).toBeVisible();
  await page.getByRole('button', { name: '下一步' }).click();

  // Mapping: the recognised preset is chosen; go to the preview of stored rows.
  await expect(page.getByRole('radio', { name: '已知格式' })).toBeChecked();
  await page.getByRole('button', { name: '预览' }).click();
  await expect(page.getByText(/^前 \d+ 行/)).toBeVisible();
  await expect(page.getByText('预览的行中没有发现问题。')).toBeVisible();
  await expectKindsNamed(page);
  await page.getByRole('button', { name: '开始导入' }).click();

  // Summary.
  await expect(page.getByText('导入完成')).toBeVisible({ timeout: 90_000 });
  expect(await figure(page, '文件行数')).toBe(20_000);
  expect(await figure(page, '已导入行数')).toBe(20_000);
  expect(await figure(page, '拒绝行数')).toBe(0);
  const newCustomers = await figure(page, '新客户');
  const matched = await figure(page, '匹配到的客户');
  expect(newCustomers + matched).toBe(3049);
});

test('a saved mapping naming a column the file lacks is refused in Chinese, naming it', async ({
  page,
}) => {
  // Saved for another source: its amount column 实付金额 is not in the UCI sample.
  await call(page.request, 'mappings.save', {
    name: 'e2e 小程序订单',
    mapping: {
      rowKind: 'orderLine',
      channel: 'miniprogram',
      fields: { orderId: 'InvoiceNo', lineAmount: '实付金额' },
      currency: 'CNY',
    },
  });
  await openConsole(page);
  await page.getByRole('menuitem', { name: '数据导入' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByText('选择要导入的文件').click();
  await (await chooser).setFiles(dataFile('online-retail-uci-sample.csv'));
  await expect(page.getByText('online-retail-uci-sample.csv')).toBeVisible();
  await page.getByRole('button', { name: '下一步' }).click();

  // The choice is a button-styled radio: its label is what a person clicks.
  await page.getByText('已保存的映射', { exact: true }).click();
  await expect(page.getByRole('radio', { name: '已保存的映射' })).toBeChecked();
  await page.getByRole('combobox', { name: '已保存的映射' }).click();
  await page.locator('.ant-select-item-option').filter({ hasText: 'e2e 小程序订单' }).click();
  await page.getByRole('button', { name: '预览' }).click();

  // The sentence a person reads: the missing column, the file's own columns, a next step;
  // the header row is the file's first line, read with python's csv module.
  const alert = page.getByRole('alert').filter({ hasText: '文件中没有列' });
  await expect(alert).toContainText('文件中没有列“实付金额”。请检查列映射或选择其他预设');
  await expect(alert).toContainText(
    '文件中的列为“InvoiceNo”、“StockCode”、“Description”、“Quantity”、“InvoiceDate”、' +
      '“UnitPrice”、“CustomerID”、“Country”。',
  );
  await expect(alert).not.toContainText('The file has no column');
  await alert.screenshot({ path: test.info().outputPath('column-missing-zh.png') });

  // The same refusal in English, then back to Chinese (the choice is saved for later tests).
  await page.getByText('English', { exact: true }).click();
  const english = page.getByRole('alert').filter({ hasText: 'The file has no column' });
  await expect(english).toContainText('The file has no column "实付金额". Check the mapping');
  await english.screenshot({ path: test.info().outputPath('column-missing-en.png') });
  await page.getByText('中文', { exact: true }).click();
  await expect(alert).toBeVisible();
});

/*
 * The kind of each previewed order by its name in both languages, never its code. From the
 * CSV with python's csv module: line 2 (invoice 546306) sells 2 at 2.95; line 4 (invoice
 * 572516, its only line) is "damaged", -71 at price 0: a write-off (SOURCES.md).
 */
async function expectKindsNamed(page: Page): Promise<void> {
  const row = (invoice: string) => page.getByRole('row').filter({ hasText: invoice });
  const codes = /^(sale|return|cancellation|writeoff|adjustment)$/;
  await expect(row('572516')).toContainText('报损');
  await expect(row('546306')).toContainText('销售');
  await expect(page.getByRole('cell', { name: codes })).toHaveCount(0);
  await page
    .locator('.ant-table')
    .first()
    .screenshot({ path: test.info().outputPath('kinds-zh.png') });

  await page.getByText('English', { exact: true }).click();
  await expect(row('572516')).toContainText('Write-off');
  await expect(row('546306')).toContainText('Sale');
  await expect(page.getByRole('cell', { name: codes })).toHaveCount(0);
  await page
    .locator('.ant-table')
    .first()
    .screenshot({ path: test.info().outputPath('kinds-en.png') });
  await page.getByText('中文', { exact: true }).click();
  await expect(row('572516')).toContainText('报损');
}

/** A headline count of the summary, read from the figure its label names. */
async function figure(page: Page, label: string): Promise<number> {
  const text = await page.getByRole('group', { name: label, exact: true }).innerText();
  return Number(text.replace(label, '').replace(/[^\d]/g, ''));
}
