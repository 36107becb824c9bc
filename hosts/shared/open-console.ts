import fs from 'node:fs';
import { openApp } from '../../core/service';
import type { App, OpenAppOptions } from '../../core/service';
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

/**
 * DEMO CALL SITE: helper F's demo generator (core/demo) is called here once it
 * exists. Until then a new database starts empty.
 */
async function createDemoChain(_app: App): Promise<void> {
  log.info('demo generator not available yet: the new database starts empty');
}
