import { expect, test } from '@playwright/test';
import { openConsole } from './support';

// What a newcomer met on the planning screens: a goal typed in the wrong unit, a past
// start without a word, the critical path's gaps, frozen rows' buttons, silent releases.
test('a planner sets a money goal, finishes a task and reads what it released', async ({
  page,
}) => {
  await openConsole(page);
  await page.getByRole('navigation').getByRole('menuitem', { name: '计划' }).click();
  await page.getByRole('button', { name: '从模板新建项目' }).click();
  const dialog = page.getByRole('dialog', { name: '从模板新建项目' });
  await dialog.getByLabel('模板').fill('季度销售冲刺');
  await dialog.getByLabel('模板').press('Enter');

  // An anchor far in the past: the first task (T-30) would start before today. T-30 is
  // Sat 2025-12-06, a day off before the anchor: it is dated on Fri 2025-12-05, as created.
  await dialog.getByLabel('锚定日期').fill('2026-01-05');
  await expect(dialog.getByText('第一项任务将于 2025-12-05 开始，早于今天')).toBeVisible();
  await dialog.getByLabel('锚定日期').fill('2027-03-01');
  await expect(dialog.getByText('早于今天')).toBeHidden();
  await dialog.getByLabel('项目名称').fill('季度冲刺 金额目标');

  // The template's goal is a growth rate: an amount typed there is refused, not shown as %.
  await dialog.getByLabel('目标值（%）').fill('2800000');
  await expect(dialog.getByText('2800000% 不是增长率')).toBeVisible();
  await dialog.getByLabel('单位', { exact: true }).click();
  await page.locator('.ant-select-item-option[title="金额（元）"]').click();
  await dialog.getByLabel('基线（元）').fill('2500000');
  await expect(dialog.getByText('不是增长率')).toBeHidden();
  await dialog.getByRole('button', { name: '创建并打开' }).click();

  // (2,800,000 - 2,500,000) / 2,500,000 = +12 %.
  await expect(page.getByRole('heading', { name: '季度冲刺 金额目标' })).toBeVisible();
  await expect(page.getByText('¥2,800,000.00（基线 ¥2,500,000.00，+12%）')).toBeVisible();

  // A frozen row's buttons are overrides, and Finish says "finish" in its dialog's title.
  await page
    .getByRole('button', { name: '完成 #5 爆品备货 3 万件（冻结：需填写覆盖原因）' })
    .click();
  const override = page.getByRole('dialog', { name: '完成冻结任务' });
  await expect(override).toBeVisible();
  await override.getByRole('button', { name: '取消' }).click();

  // #2 and #3 wait for #1 alone (resources/templates/quarterly-sales-push.json); #4 also
  // waits for #3, so it stays frozen.
  await page.getByRole('button', { name: '完成 #1 销售目标拆解到区域和门店' }).click();
  await expect(
    page.getByText(
      '已完成 #1 销售目标拆解到区域和门店。已解除冻结：#2 圈选目标客群标签、#3 确定主推爆品与价格',
    ),
  ).toBeVisible();

  // Where the critical path is drawn, it says why critical tasks can have gaps between them.
  await page.getByRole('tab', { name: '甘特图' }).click();
  await expect(page.getByText('节假日和任务前预留的提前量属于缓冲，不算浮动')).toBeVisible();
});
