import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { call, openConsole } from './support';

function cell(page: Page, seq: number, column: string) {
  return page.locator(`.ag-row[row-index="${seq - 1}"] [col-id="${column}"]`).first();
}

test('a planner takes a national make-up Sunday off for one project', async ({ page }) => {
  // Staff training with T = Fri 18 Sep 2026; Sun 20 Sep is a make-up working day in
  // the shipped 2026 arrangement, so the 2-day classroom (#5) works Fri 18 and Sun 20.
  const made = await call(page.request, 'projects.createFromTemplate', {
    templateKey: 'staff-training',
    anchorDay: '2026-09-18',
    name: '九月培训',
    scope: { storeIds: [], regions: [] },
    lang: 'zh',
  });
  await openConsole(page);
  await page.goto(`/#/planning/${made.project.id}`);
  await expect(page.getByRole('heading', { name: '九月培训' })).toBeVisible();
  await expect(cell(page, 5, 'finish')).toHaveText('2026-09-20');

  await page.getByRole('button', { name: '工作日历' }).click();
  const dialog = page.getByRole('dialog', { name: '项目工作日历' });
  const workdays = dialog.getByLabel('调休上班日（原本休息、本项目上班的日期，每行一个）');
  await expect(workdays).toContainText('2026-09-20');

  // A mistyped day is refused, naming it; nothing is saved.
  await workdays.fill('2026-01-04\n2026-02-14\n2026-02-28\n2026-05-09\n2026-10-10\n2026-13-01');
  await dialog.getByRole('button', { name: '保存并重排' }).click();
  await expect(dialog.getByRole('alert')).toContainText('“2026-13-01”不是日期');

  // Without Sun 20 Sep the classroom's second day is Mon 21, and the exam (#6) Tue 22.
  await workdays.fill('2026-01-04\n2026-02-14\n2026-02-28\n2026-05-09\n2026-10-10');
  await dialog.getByRole('button', { name: '保存并重排' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText('已更新工作日历')).toBeVisible();
  await expect(cell(page, 5, 'finish')).toHaveText('2026-09-21');
  await expect(cell(page, 6, 'start')).toContainText('2026-09-22');
});

test('a calendar with every day ticked as weekend is refused, in the console language', async ({
  page,
}) => {
  const made = await call(page.request, 'projects.createFromTemplate', {
    templateKey: 'staff-training',
    anchorDay: '2027-03-15',
    name: '全周休息',
    scope: { storeIds: [], regions: [] },
    lang: 'zh',
  });
  await openConsole(page);
  await page.goto(`/#/planning/${made.project.id}`);
  await page.getByRole('button', { name: '工作日历' }).click();
  const dialog = page.getByRole('dialog', { name: '项目工作日历' });
  for (const day of ['周一', '周二', '周三', '周四', '周五']) {
    await dialog.getByRole('checkbox', { name: day }).check();
  }
  // A make-up Sunday does not make the week workable: the reason is the weekend, not a year.
  await dialog.getByLabel('调休上班日（原本休息、本项目上班的日期，每行一个）').fill('2026-12-20');
  await dialog.getByRole('button', { name: '保存并重排' }).click();
  await expect(dialog.getByRole('alert')).toContainText('日历中没有工作日');
  await expect(dialog.getByRole('alert')).not.toContainText('2200');
  await expect(dialog).toBeVisible();
});
