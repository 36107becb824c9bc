import fs from 'node:fs';
import { openApp } from '../../core/service';
import type { App, OpenAppOptions } from '../../core/service';
import { createDemoDatabase } from '../../core/demo/create';
import { logger } from '../../core/shared/log';

const log = logger('host');

export interface OpenConsoleOptions extends OpenAppOptions {
  /** Fill a database created by this call with the demo chain (default true). */
  demoOnFirstStart?: boolean;
}

/**
 * Opens the console for a host (Electron, web, CLI). A database file that did not
 * exist before is filled with the deterministic demo chain, so that a first start
 * shows something real-looking.
 */
export async function openConsole(options: OpenConsoleOptions): Promise<App> {
  const isNew = options.file === ':memory:' || !fs.existsSync(options.file);
  const app = await openApp(options);
  if (isNew && (options.demoOnFirstStart ?? true)) await createDemoChain(app);
  return app;
}

/** Fills a new database with the demo chain (helper F's generator), as of now. */
async function createDemoChain(app: App): Promise<void> {
  log.info('creating the demo chain in the new database (once; it takes a little while)…');
  let lastNote = 0;
  const summary = await createDemoDatabase(app.ctx.db, {
    asOf: app.ctx.now(),
    onProgress: (p) => {
      if (Date.now() - lastNote < 5000) return;
      lastNote = Date.now();
      log.info(`demo chain: ${p.processed} / ${p.total} order lines (${p.message})`);
    },
  });
  log.info(`demo chain ready: ${summary.customers} shoppers, ${summary.orderLines} order lines`);
}
