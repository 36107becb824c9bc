import { expect, test } from '@playwright/test';
import { call, openConsole } from './support';

// Specs share one database: the clock goes back to the system's whatever happens here.
test.afterEach(async ({ request }) => {
  await call(request, 'settings.setClock', { now: null });
});

test('a project keeps the stores picked by code, and a task done on Saturday shows Saturday', async ({
  page,
  request,
}) => {
  // Sat 5 Dec 2026, 10:00 in Shanghai: the newcomer's day.
  await call(request, 'settings.setClock', { now: '2026-12-05T02:00:00.000Z' });
  await openConsole(page);
  await page.getByRole('menuitem', { name: '计划' }).click();
  await page.getByRole('button', { name: '从模板新建项目' }).click();
  const dialog = page.getByRole('dialog', { name: '从模板新建项目' });

  // Before a unit is known the labels carry no empty brackets; days read as 2026-12-05.
  await expect(dialog.getByText('基线', { exact: true })).toBeVisible();
  await expect(dialog.getByText('目标值', { exact: true })).toBeVisible();
  await expect(dialog.getByLabel('锚定日期')).toHaveValue('2026-12-05');
  await dialog.getByLabel('模板').fill('沉睡客户唤醒');
  await dialog.getByLabel('模板').press('Enter');
  await expect(dialog.getByText('基线（人）')).toBeVisible();
  await expect(dialog.getByLabel('考核开始')).toHaveValue('2026-12-05');

  // The store code every screen shows is found and kept; one that is no store is said so.
  const stores = dialog.getByLabel('范围：门店');
  await stores.fill('SH02');
  await stores.press('Enter');
  await stores.fill('SH99');
  await expect(page.getByText('没有编号或名称包含“SH99”的门店')).toBeVisible();
  await dialog.getByLabel('项目名称').click();
  await expect(dialog.getByText('“SH99”不是已有的门店，未加入范围。')).toBeVisible();
  await dialog.getByLabel('项目名称').fill('范围与周六完成');
  await dialog.getByRole('button', { name: '创建并打开' }).click();

  await expect(page.getByRole('heading', { name: '范围与周六完成' })).toBeVisible();
  await expect(page.locator('.ant-descriptions').getByText(/^SH02 /)).toBeVisible();

  // #1 (1 day, D-10: Wed 25 Nov) is started and finished today, Saturday 5 Dec.
  await page.getByRole('button', { name: '开始 #1 圈选沉睡客户' }).click();
  await expect(page.getByText('已开始 #1 圈选沉睡客户')).toBeVisible();
  await page.getByRole('button', { name: '完成 #1 圈选沉睡客户' }).click();
  await expect(page.getByText(/^已完成 #1 圈选沉睡客户/)).toBeVisible();
  // The row reads: #, task, critical, days, start, finish, …
  await expect(
    page.getByRole('row', { name: /^1 圈选沉睡客户 关键 1 2026-12-05 2026-12-05 / }),
  ).toBeVisible();
  // The project starts with its earliest task; #2 (2 days, FS after #1) on Mon 7 – Tue 8.
  const dates = page.locator('.ant-descriptions-item').filter({ hasText: '起止日期' });
  await expect(dates.getByText(/^2026-12-05 至 /)).toBeVisible();
  await expect(
    page.getByRole('row', { name: /^2 唤醒权益设计 关键 2 1 2026-12-07 2026-12-08 / }),
  ).toBeVisible();
});
