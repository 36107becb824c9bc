import { dashboardSummary } from '../crm/customers/dashboard';
import { demoResetHandler } from '../demo/reset';
import type { ServiceContext } from './context';

export function dashboardHandlers(ctx: ServiceContext) {
  return {
    'dashboard.summary': ({ days }: { days: number }) => dashboardSummary(ctx.db, days, ctx.now()),
    'demo.reset': demoResetHandler(ctx),
  };
}
