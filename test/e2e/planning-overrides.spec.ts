import { expect, test } from '@playwright/test';
import { call, openConsole } from './support';

/** An instant as store-local 'YYYY-MM-DD HH:mm' in Asia/Shanghai (UTC+8, no summer time). */
function shanghai(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

test('a planner reads who overrode a freeze, when, why and what held the task', async ({
  page,
}) => {
  const made = await call(page.request, 'projects.createFromTemplate', {
    templateKey: 'member-day',
    anchorDay: '2026-12-18',
    name: '会员日 覆盖记录',
    scope: { storeIds: [], regions: [] },
    lang: 'zh',
  });
  await openConsole(page);
  await page.goto(`/#/planning/${made.project.id}`);
  await expect(page.getByRole('heading', { name: '会员日 覆盖记录' })).toBeVisible();

  // Nothing overridden yet.
  await page.getByRole('tab', { name: '覆盖记录' }).click();
  await expect(page.getByText('此项目还没有覆盖记录。')).toBeVisible();
  await page.getByRole('tab', { name: '任务表' }).click();

  // #5 delivery waits for #4 design (FS): starting it needs a reason, and a name.
  await page.getByRole('button', { name: '开始 #5 物料与赠品配送到店' }).click();
  const dialog = page.getByRole('dialog', { name: '启动冻结任务' });
  await dialog.getByLabel('覆盖原因（将被记录）').fill('供应商已确认，先行备货');
  await dialog.getByLabel('记录人').fill('王店长');
  await dialog.getByRole('button', { name: '确认覆盖并更新' }).click();
  await expect(dialog).toBeHidden();

  // #2 audience waits for #1 theme; this time the name field is cleared.
  await page.getByRole('button', { name: '开始 #2 圈选会员人群' }).click();
  await expect(dialog.getByLabel('记录人')).toHaveValue('王店长'); // offered again
  await dialog.getByLabel('覆盖原因（将被记录）').fill('沿用上月名单');
  await dialog.getByLabel('记录人').fill('');
  await dialog.getByRole('button', { name: '确认覆盖并更新' }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('tab', { name: '覆盖记录' }).click();
  const log = page.getByRole('region', { name: '覆盖记录' });
  const rows = log.locator('tbody tr.ant-table-row');
  await expect(rows).toHaveCount(2);

  // The time shown is the store's: the recorded instant turned to UTC+8 here.
  const recorded = await call(page.request, 'projects.overrides', { projectId: made.project.id });
  const first = rows.nth(0).locator('td');
  await expect(first.nth(0)).toHaveText(shanghai(recorded[0]!.at));
  await expect(first.nth(1)).toHaveText('#5 物料与赠品配送到店');
  await expect(first.nth(2)).toHaveText('未开始 → 进行中');
  await expect(first.nth(3)).toHaveText('王店长');
  await expect(first.nth(4)).toHaveText('供应商已确认，先行备货');
  await expect(first.nth(5)).toHaveText('海报与小程序页面设计');

  const second = rows.nth(1).locator('td');
  await expect(second.nth(1)).toHaveText('#2 圈选会员人群');
  await expect(second.nth(3)).toHaveText('—');
  await expect(second.nth(4)).toHaveText('沿用上月名单');
  await expect(second.nth(5)).toHaveText('确定主题与会员权益');
});

test('a long reason without spaces wraps inside its column and leaves the others their width', async ({
  page,
}) => {
  const made = await call(page.request, 'projects.createFromTemplate', {
    templateKey: 'member-day',
    anchorDay: '2026-12-18',
    name: '会员日 长原因',
    scope: { storeIds: [], regions: [] },
    lang: 'zh',
  });
  // #5 delivery waits for #4 design: starting it is an override, here with 500 letters.
  const delivery = made.tasks.find((t) => t.seq === 5)!;
  await call(page.request, 'tasks.setStatus', {
    taskId: delivery.id,
    status: 'in_progress',
    overrideReason: 'x'.repeat(500),
    overrideBy: '王店长',
  });

  await openConsole(page);
  await page.goto(`/#/planning/${made.project.id}`);
  await page.getByRole('tab', { name: '覆盖记录' }).click();
  const log = page.getByRole('region', { name: '覆盖记录' });
  const cells = log.locator('tbody tr.ant-table-row').first().locator('td');
  await expect(cells.nth(3)).toHaveText('王店长');

  // Widths as the columns declare them (150, 260, 150, 120 … 240 px); the reason wraps.
  const width = async (i: number) => (await cells.nth(i).boundingBox())!.width;
  expect(await width(0)).toBeGreaterThanOrEqual(140);
  expect(await width(1)).toBeGreaterThanOrEqual(250);
  expect(await width(3)).toBeGreaterThanOrEqual(110);
  expect(await width(5)).toBeGreaterThanOrEqual(230);
  const reason = (await cells.nth(4).boundingBox())!;
  expect(reason.height).toBeGreaterThan(80); // several lines: one small row is about 40 px
  const table = (await log.boundingBox())!;
  expect(reason.x + reason.width).toBeLessThanOrEqual(table.x + table.width + 1);
  await log.screenshot({ path: '/tmp/h-fix-planning/override-long-reason.png' });
});
