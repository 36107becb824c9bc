import type { AppInfo } from '../api/system';
import type { ServiceContext } from './context';
import { getSetting, putSetting } from './settings';

export async function appInfo(ctx: ServiceContext): Promise<AppInfo> {
  const simulated = await getSetting<string | null>(ctx.db, 'clock.simulated', null);
  return {
    version: ctx.version,
    dbFile: ctx.db.file,
    now: ctx.now().toISOString(),
    simulatedClock: simulated !== null,
    locale: await getSetting<'zh-CN' | 'en'>(ctx.db, 'ui.locale', 'zh-CN'),
    host: ctx.host,
  };
}

export function systemHandlers(ctx: ServiceContext) {
  return {
    'app.info': () => appInfo(ctx),
    'settings.setLocale': async ({ locale }: { locale: 'zh-CN' | 'en' }) => {
      await putSetting(ctx.db, 'ui.locale', locale);
      return appInfo(ctx);
    },
    'settings.setClock': async ({ now }: { now: string | null }) => {
      await putSetting(ctx.db, 'clock.simulated', now);
      return appInfo(ctx);
    },
    'jobs.get': ({ id }: { id: string }) => ctx.jobs.get(id),
    'jobs.cancel': ({ id }: { id: string }) => ctx.jobs.cancel(id),
  };
}
