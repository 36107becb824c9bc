import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { dataFile } from '../support/paths';
import { importUci, openConsole } from './support';

/*
 * The preview, before anything is written, says that the same file was imported already
 * (a tester learned it only from the summary), and writes money by the locale with the
 * currency's sign (it wrote "2.95 GBP"). Runs after import-wizard.spec.ts (names sort so);
 * it imports the UCI sample itself, so it holds whatever ran before.
 * The first data line of online-retail-uci-sample.csv (head -2): 2 × 2.95 GBP, so the unit
 * price is £2.95 and the line amount 2 × 2.95 = £5.90 in both languages.
 */
test('the preview names the earlier import of the same file and writes pounds as £', async ({
  page,
}) => {
  await openConsole(page);
  await importUci(page);
  // The summary says where the stores' zone came from: the UCI layout's (its preset file,
  // resources/presets/uci-online-retail.json, says "timeZone": "Europe/London"), naming the
  // store the import brought (the preset's default store, UCI-ONLINE); none when an earlier
  // spec imported the file first.
  const zones = page.getByRole('group', { name: '门店时区' });
  await expect(zones).toContainText(
    /首次出现的门店（UCI-ONLINE）：Europe\/London，由文件格式（UCI 在线零售数据集）设定|本次导入没有新门店。/,
  );
  await expect(zones).toContainText('已有的门店保持原时区。');
  await page.getByRole('button', { name: '导入其他文件' }).click();
  await previewUci(page);

  const earlier = page.getByRole('alert').filter({ hasText: '此文件已于' });
  await expect(earlier).toContainText(
    /此文件已于 \d{4}-\d{2}-\d{2} 作为第 \d+ 批导入（online-retail-uci-sample\.csv）。/,
  );
  await expect(earlier).toContainText('再次导入不会增加新内容');
  const first = page.getByRole('row').filter({ hasText: '546306' });
  await expect(first.getByRole('cell', { name: '£2.95', exact: true })).toBeVisible();
  await expect(first.getByRole('cell', { name: '£5.90', exact: true })).toBeVisible();
  await expect(page.getByText('GBP', { exact: false })).toHaveCount(0);

  await page.getByText('English', { exact: true }).click();
  await expect(
    page.getByText(/This file was already imported as batch \d+ on \d{4}-\d{2}-\d{2}/),
  ).toBeVisible();
  await expect(first.getByRole('cell', { name: '£2.95', exact: true })).toBeVisible();
  await page.getByText('中文', { exact: true }).click();
});

async function previewUci(page: Page): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByText('选择要导入的文件').click();
  await (await chooser).setFiles(dataFile('online-retail-uci-sample.csv'));
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('button', { name: '预览' }).click();
  await expect(page.getByText(/^前 \d+ 行/)).toBeVisible();
}
