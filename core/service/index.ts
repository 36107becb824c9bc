import { openDb } from '../db/open';
import type { OpenOptions } from '../db/open';
import type { ServiceContext } from './context';
import type { Handlers } from './dispatch';
import { JobRunner } from './jobs';
import { getSetting } from './settings';
import { customersHandlers } from './customers';
import { dashboardHandlers } from './dashboard';
import { FileRegistry } from './files';
import { importsHandlers } from './imports';
import { planningHandlers } from './planning';
import { systemHandlers } from './system';
import { tagsHandlers } from './tags';

export interface App {
  ctx: ServiceContext;
  handlers: Handlers;
  close(): Promise<void>;
}

export interface OpenAppOptions extends OpenOptions {
  host: ServiceContext['host'];
  version: string;
}

/**
 * Opens the console's core over one database file: the same service for every host.
 * The clock is the system clock unless a trainer set a simulated one in settings.
 */
export async function openApp(options: OpenAppOptions): Promise<App> {
  const db = await openDb(options);
  let simulated = await getSetting<string | null>(db, 'clock.simulated', null);
  const ctx: ServiceContext = {
    db,
    now: () => (simulated ? new Date(simulated) : new Date()),
    jobs: new JobRunner(),
    files: new FileRegistry(),
    host: options.host,
    version: options.version,
  };

  const system = systemHandlers(ctx);
  const handlers: Handlers = {
    ...system,
    ...importsHandlers(ctx),
    ...customersHandlers(ctx),
    ...tagsHandlers(ctx),
    ...dashboardHandlers(ctx),
    ...planningHandlers(ctx),
    'settings.setClock': async (input) => {
      const info = await system['settings.setClock'](input);
      simulated = input.now;
      return { ...info, now: ctx.now().toISOString(), simulatedClock: simulated !== null };
    },
  };
  return { ctx, handlers, close: () => db.close() };
}
