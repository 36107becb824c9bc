import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { call, openConsole } from './support';

/** Today in Shanghai as 'YYYY-MM-DD' (Sweden's date format is ISO), worked out apart. */
function shanghaiToday(): string {
  return new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}

/** The tag's page, as its link from the tags list opens it (the list has pages). */
async function openTag(page: Page, id: number): Promise<void> {
  await page.evaluate((tagId) => (window.location.hash = `#/tags/${tagId}`), id);
}

async function exportedName(page: Page, button: string): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  return (await download).suggestedFilename();
}

test('a tag no customer has had says so instead of drawing empty axes', async ({
  page,
  request,
}) => {
  const tag = await call(request, 'tags.save', {
    nameZh: '从未有人',
    nameEn: 'Never had anyone',
    kind: 'manual',
    rule: null,
  });
  await openConsole(page);
  await openTag(page, tag.id);

  const empty = '还没有客户加入过此标签。第一位客户加入的那天起，这里会画出成员数的变化。';
  await expect(page.getByText(empty)).toBeVisible();
  await expect(page.getByRole('img', { name: '成员数变化' })).toHaveCount(0);

  await page.getByText('English', { exact: true }).click();
  await expect(
    page.getByText(
      'No customer has had this tag yet. The chart starts on the day the first one joins.',
    ),
  ).toBeVisible();

  // Once a customer has joined, the chart is back and the sentence gone.
  const [first] = (await call(request, 'customers.page', { limit: 1 })).rows;
  await call(request, 'tags.assign', { tagId: tag.id, customerIds: [first!.id], action: 'add' });
  await page.reload();
  await expect(page.getByRole('img', { name: 'Membership over time' })).toBeVisible();
  await expect(page.getByText('No customer has had this tag yet.', { exact: false })).toHaveCount(
    0,
  );
  await page.getByText('中文', { exact: true }).click();
});

test('a segment file is named by the tag’s name in the language on screen, and the day', async ({
  page,
  request,
}) => {
  // "/" and ":" cannot be in a file name on Windows: each becomes one dash.
  const tag = await call(request, 'tags.save', {
    nameZh: '回访: 六月/七月',
    nameEn: 'Call back / June',
    kind: 'manual',
    rule: null,
  });
  await openConsole(page);
  await openTag(page, tag.id);
  const day = shanghaiToday();

  expect(await exportedName(page, '导出 CSV')).toBe(`回访-六月-七月-${day}.csv`);

  await page.getByText('English', { exact: true }).click();
  expect(await exportedName(page, 'Export XLSX')).toBe(`Call back-June-${day}.xlsx`);
  await page.getByText('中文', { exact: true }).click();
});

test('a segment file with full phone numbers says so in its name; the masked one does not', async ({
  page,
  request,
}) => {
  const tag = await call(request, 'tags.save', {
    nameZh: '完整号码导出',
    nameEn: 'Full number export',
    kind: 'manual',
    rule: null,
  });
  await openConsole(page);
  await openTag(page, tag.id);
  const day = shanghaiToday();

  expect(await exportedName(page, '导出 CSV')).toBe(`完整号码导出-${day}.csv`);
  await page.getByRole('checkbox', { name: '包含完整手机号' }).check();
  expect(await exportedName(page, '导出 CSV')).toBe(`完整号码导出-${day}-完整手机号.csv`);

  await page.getByText('English', { exact: true }).click();
  await page.getByRole('checkbox', { name: 'Include full phone numbers' }).check();
  expect(await exportedName(page, 'Export XLSX')).toBe(
    `Full number export-${day}-full phones.xlsx`,
  );
  await page.getByRole('checkbox', { name: 'Include full phone numbers' }).uncheck();
  expect(await exportedName(page, 'Export XLSX')).toBe(`Full number export-${day}.xlsx`);
  await page.getByText('中文', { exact: true }).click();
});
