import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ImportOptions, ImportSummary } from '../../core/api/imports';
import { openApp } from '../../core/service';
import type { App } from '../../core/service';

/** The whole core over a fresh database file, as a host opens it. */
export async function tempApp(): Promise<App & { cleanup(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roc-import-'));
  const app = await openApp({ file: path.join(dir, 'console.db'), host: 'cli', version: 'test' });
  return {
    ...app,
    cleanup: async () => {
      await app.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Imports a file through the service, as the wizard does, and waits for its job. */
export async function importThroughService(
  app: App,
  file: string,
  options: ImportOptions,
  acceptPartial = false,
): Promise<ImportSummary> {
  const registered = app.ctx.files.register(file);
  const job = await app.handlers['imports.start']({
    fileId: registered.id,
    options,
    acceptPartial,
  });
  const done = await app.ctx.jobs.wait(job.id, undefined, 20);
  if (done.state !== 'done') throw new Error(`import ${done.state}: ${done.error?.message}`);
  return done.result as ImportSummary;
}

export const preset = (id: string): ImportOptions => ({ source: { kind: 'preset', id } });

/** One number from a constant query. */
export function count(app: App, query: string): number {
  return (app.ctx.db.raw.prepare(query).get() as { n: number }).n;
}
