import type { APIRequestContext, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { e2eToken } from '../../playwright.config';
import type { InputOf, MethodName, OutputOf } from '../../core/api/contract';
import type { JobStatus } from '../../core/api/system';
import { dataFile } from '../support/paths';

/** Opens the console the way a person does: with the launch link the host printed. */
export async function openConsole(page: Page): Promise<void> {
  await page.goto(`/?token=${e2eToken}`);
  await expect(page.getByRole('navigation')).toBeVisible();
}

/**
 * Calls the contract directly, for setting up data a test needs but does not test
 * (the token header comes from the Playwright config).
 */
export async function call<M extends MethodName>(
  request: APIRequestContext,
  name: M,
  input: InputOf<M>,
): Promise<OutputOf<M>> {
  const response = await request.post(`/api/${name}`, { data: input });
  const body = (await response.json()) as
    { ok: true; value: OutputOf<M> } | { ok: false; error: { code: string; message: string } };
  if (!body.ok) throw new Error(`${name}: ${body.error.code}: ${body.error.message}`);
  return body.value;
}

/** Waits for a job to end and returns its last status. */
export async function finishJob(request: APIRequestContext, job: JobStatus): Promise<JobStatus> {
  let status = job;
  while (status.state === 'running') {
    await new Promise((resolve) => setTimeout(resolve, 300));
    status = await call(request, 'jobs.get', { id: job.id });
  }
  return status;
}

/**
 * Imports the UCI sample through the wizard's defaults (its preset is recognised), as a
 * person does; again if an earlier test imported it (then nothing new is written).
 */
export async function importUci(page: Page): Promise<void> {
  await page.getByRole('menuitem', { name: '数据导入' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByText('选择要导入的文件').click();
  await (await chooser).setFiles(dataFile('online-retail-uci-sample.csv'));
  await page.getByRole('button', { name: '下一步' }).click();
  await page.getByRole('button', { name: '预览' }).click();
  await page.getByRole('button', { name: '开始导入' }).click();
  await expect(page.getByRole('button', { name: '导入其他文件' })).toBeVisible({
    timeout: 90_000,
  });
}
