import type { APIRequestContext, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { e2eToken } from '../../playwright.config';
import type { InputOf, MethodName, OutputOf } from '../../core/api/contract';
import type { JobStatus } from '../../core/api/system';

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
