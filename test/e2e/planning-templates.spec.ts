import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { call, openConsole } from './support';

/** The task grid's cell of task `seq` in a column (ag-grid rows are found by index). */
function cell(page: Page, seq: number, column: string) {
  return page.locator(`.ag-row[row-index="${seq - 1}"] [col-id="${column}"]`).first();
}

/** A cell's input of the template's task table: "工作日 #1" is row 1's duration. */
function field(page: Page, column: string, row: number) {
  return page.getByLabel(`${column} #${row}`, { exact: true });
}

test('a planner saves a project as a template, edits it and plans from the new version', async ({
  page,
}) => {
  // A member-day project, made through the contract as the setup of this story.
  const made = await call(page.request, 'projects.createFromTemplate', {
    templateKey: 'member-day',
    anchorDay: '2026-12-18',
    name: '模板来源会员日',
    scope: { storeIds: [], regions: [] },
    lang: 'zh',
  });
  await openConsole(page);
  await page.goto(`/#/planning/${made.project.id}`);
  await expect(page.getByRole('heading', { name: '模板来源会员日' })).toBeVisible();
  // In member-day, #8 "store execution" waits for delivery, staff script and warm-up.
  await expect(cell(page, 8, 'predecessors')).toHaveText('5, 6, 7');

  // Save as template: names in both languages and a key.
  await page.getByRole('button', { name: '另存为模板' }).click();
  const dialog = page.getByRole('dialog', { name: '将此项目另存为模板' });
  await dialog.getByLabel('中文名称').fill('我的会员日');
  await dialog.getByLabel('英文名称').fill('My member day');
  await dialog.getByLabel('模板标识').fill('my-member-day');
  await dialog.getByRole('button', { name: '保存模板' }).click();
  await expect(page.getByText('已保存模板“我的会员日”第 1 版')).toBeVisible();
  await expect(dialog).toBeHidden();

  // The templates page lists it with its version and size.
  await page.getByRole('button', { name: '全部项目' }).click();
  await page.getByRole('button', { name: '模板', exact: true }).click();
  const row = page.getByRole('row', { name: /我的会员日/ });
  await expect(row).toContainText('第 1 版');
  await expect(row).toContainText('4 个阶段 · 11 项任务');
  await row.getByRole('link', { name: '我的会员日' }).click();

  await expect(page.getByRole('heading', { name: '我的会员日' })).toBeVisible();
  await expect(field(page, '前置任务', 8)).toHaveValue('5, 6, 7');
  await expect(field(page, '偏移', 1)).toHaveValue('D-15');
  await field(page, '工作日', 1).fill('3');

  // A cycle is refused with its path, and what was typed stays.
  await field(page, '前置任务', 1).fill('11');
  await page.getByRole('button', { name: '保存为新版本' }).click();
  const alert = page.getByRole('alert').filter({ hasText: '这些依赖形成了循环' });
  await expect(alert).toContainText('确定主题与会员权益 →');
  await expect(field(page, '前置任务', 1)).toHaveValue('11');
  await expect(field(page, '工作日', 1)).toHaveValue('3');

  // A bad token is refused by the predecessor reader, naming the token.
  await field(page, '前置任务', 1).fill('2XX');
  await page.getByRole('button', { name: '保存为新版本' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '无法识别“2XX”' })).toBeVisible();

  // An offset beyond a year is refused by the core's template check.
  await field(page, '前置任务', 1).fill('');
  await field(page, '偏移', 11).fill('D+400');
  await page.getByRole('button', { name: '保存为新版本' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'offset' })).toContainText('365');
  await expect(field(page, '偏移', 11)).toHaveValue('D+400');

  await field(page, '偏移', 11).fill('D+7');
  await page.getByRole('button', { name: '保存为新版本' }).click();
  await expect(page.getByText('已保存模板“我的会员日”第 2 版')).toBeVisible();
  await expect(page.getByText('第 2 版', { exact: true })).toBeVisible();
  await expect(field(page, '工作日', 1)).toHaveValue('3');

  // Two new tasks after the wrap-up, the second linked to the first.
  await page.getByRole('button', { name: '添加任务' }).click();
  await page.getByRole('button', { name: '添加任务' }).click();
  await expect(field(page, '偏移', 12)).toHaveValue('D0');
  await field(page, '任务（中文）', 12).fill('门店反馈收集');
  await field(page, '任务（英文）', 12).fill('Collect store feedback');
  await field(page, '前置任务', 12).fill('11');
  await field(page, '任务（中文）', 13).fill('下期方案评审');
  await field(page, '任务（英文）', 13).fill('Review next plan');
  await field(page, '前置任务', 13).fill('12FS+1');

  // Deleting row 12 takes its link out of row 13, which becomes row 12, and says so.
  await page.getByRole('button', { name: '删除任务 #12' }).click();
  await expect(
    page.getByText('已删除第 12 行“门店反馈收集”，并从第 12 行的前置任务中移除了它'),
  ).toBeVisible();
  await expect(field(page, '任务（中文）', 12)).toHaveValue('下期方案评审');
  await expect(field(page, '前置任务', 12)).toHaveValue('');
  await expect(field(page, '任务（中文）', 13)).toHaveCount(0);

  // Linking the new task back to itself through #11 is a cycle, refused with its path.
  await field(page, '前置任务', 12).fill('11');
  await field(page, '偏移', 12).fill('D+8');
  await field(page, '前置任务', 11).fill('10, 12');
  await page.getByRole('button', { name: '保存为新版本' }).click();
  await expect(page.getByRole('alert').filter({ hasText: '这些依赖形成了循环' })).toContainText(
    '下期方案评审',
  );
  await field(page, '前置任务', 11).fill('10');
  await page.getByRole('button', { name: '保存为新版本' }).click();
  await expect(page.getByText('已保存模板“我的会员日”第 3 版')).toBeVisible();
  await expect(field(page, '前置任务', 12)).toHaveValue('11');

  // A project from the saved template keeps the edited duration and the dependencies.
  await page.getByRole('button', { name: '全部模板' }).click();
  await expect(page.getByRole('row', { name: /我的会员日/ })).toContainText('第 3 版');
  await page.getByRole('button', { name: '全部项目' }).click();
  await page.getByRole('button', { name: '从模板新建项目' }).click();
  const create = page.getByRole('dialog', { name: '从模板新建项目' });
  await create.getByLabel('模板').fill('我的会员日');
  await create.getByLabel('模板').press('Enter');
  await expect(create.getByText('4 个阶段 · 12 项任务')).toBeVisible();
  await create.getByLabel('锚定日期').fill('2027-01-20');
  await create.getByLabel('项目名称').fill('一月会员日');
  await create.getByRole('button', { name: '创建并打开' }).click();

  await expect(page.getByRole('heading', { name: '一月会员日' })).toBeVisible();
  await expect(cell(page, 1, 'duration')).toHaveText('3');
  await expect(cell(page, 8, 'predecessors')).toHaveText('5, 6, 7');
  await expect(cell(page, 2, 'predecessors')).toHaveText('1');
  await expect(cell(page, 12, 'predecessors')).toHaveText('11');
  // Nothing is done yet, so #2 waits for #1 and says so.
  await expect(cell(page, 2, 'hold')).toContainText('确定主题与会员权益');
});
