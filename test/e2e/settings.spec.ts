import { expect, test } from '@playwright/test';
import { call, openConsole } from './support';

test.afterEach(async ({ request }) => {
  // The console's clock is shared by every test of the run: give the system clock back.
  await call(request, 'settings.setClock', { now: null });
});

test('lifecycle thresholds saved in settings are still there after a reload', async ({ page }) => {
  await openConsole(page);
  await page.getByRole('navigation').getByRole('menuitem', { name: '设置' }).click();

  const active = page.getByRole('spinbutton', { name: '活跃：最近下单在以下天数内' });
  const sleeping = page.getByRole('spinbutton', { name: '沉睡：最近下单在以下天数内' });

  // A sleeping threshold below the active one is refused with a sentence saying why.
  await active.fill('45');
  await sleeping.fill('40');
  await page.getByRole('button', { name: '保存阈值' }).click();
  await expect(page.getByText('必须大于“活跃”天数。')).toBeVisible();

  await sleeping.fill('200');
  await page.getByRole('button', { name: '保存阈值' }).click();
  await expect(page.getByText('设置已保存。')).toBeVisible();

  await page.reload();
  await expect(page.getByRole('spinbutton', { name: '活跃：最近下单在以下天数内' })).toHaveValue(
    '45',
  );
  await expect(page.getByRole('spinbutton', { name: '沉睡：最近下单在以下天数内' })).toHaveValue(
    '200',
  );
});

test('a simulated clock shows in the header until the system clock is back', async ({ page }) => {
  await openConsole(page);
  await page.getByRole('navigation').getByRole('menuitem', { name: '设置' }).click();
  await expect(page.getByText(/^模拟时钟：/)).toHaveCount(0);

  // 2026-06-01 09:30 in Shanghai, typed as a trainer would.
  // The picker reads the console's format, YYYY-MM-DD HH:mm; Enter confirms the typed time.
  const picker = page.getByLabel('模拟日期和时间（Asia/Shanghai）');
  await expect(picker).toHaveAttribute('placeholder', 'YYYY-MM-DD HH:mm');
  await picker.click();
  await picker.fill('2026-06-01 09:30');
  await picker.press('Enter');
  await page.getByRole('button', { name: '使用此时间' }).click();

  const badge = page.getByRole('banner').getByText(/^模拟时钟：/);
  await expect(badge).toContainText('2026-06-01 09:30');

  // It stays on after a reload: the host keeps the setting.
  await page.reload();
  await expect(page.getByRole('banner').getByText(/^模拟时钟：/)).toContainText('2026-06-01 09:30');

  await page.getByRole('button', { name: '恢复系统时钟' }).click();
  await expect(page.getByText(/^模拟时钟：/)).toHaveCount(0);
});

test('a manual tag made on the tags page is added to a customer and listed', async ({ page }) => {
  await openConsole(page);
  const tagName = `回访客户${Date.now() % 100_000}`;

  // Make the manual tag as a person does, on the tags page.
  await page.getByRole('navigation').getByRole('menuitem', { name: '标签' }).click();
  await page.getByRole('button', { name: '新建标签' }).click();
  await page.getByLabel('中文名称').fill(tagName);
  await page.getByLabel('英文名称').fill(`Call back ${tagName.slice(4)}`);
  await page.getByRole('radio', { name: '手动' }).check();
  await page.getByRole('button', { name: '保存' }).click();
  // Saved: the editor now edits the tag (the list may show it on a later page).
  await expect(page.getByText('编辑标签')).toBeVisible();

  // Open the first customer of the grid.
  await page.getByRole('navigation').getByRole('menuitem', { name: '客户' }).click();
  const firstRow = page
    .getByRole('row')
    .filter({ has: page.getByRole('gridcell') })
    .first();
  await expect(firstRow).toBeVisible();
  await firstRow.getByRole('gridcell').nth(1).click();
  await expect(page.getByRole('button', { name: '返回客户列表' })).toBeVisible();

  const picker = page.getByRole('combobox', { name: '手动标签' });
  await picker.click();
  await picker.fill(tagName);
  await page.getByTitle(tagName, { exact: true }).click();
  await page.getByRole('button', { name: '添加标签' }).click();

  await expect(page.getByText('已添加标签')).toBeVisible();
  await expect(
    page.getByRole('button', { name: `为什么该客户有“${tagName}”标签？` }),
  ).toBeVisible();

  // Still listed after a reload, and removable again.
  await page.reload();
  await expect(page.getByRole('button', { name: `移除标签${tagName}` })).toBeVisible();
});
