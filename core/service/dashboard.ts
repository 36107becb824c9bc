import { dashboardSummary } from '../crm/customers/dashboard';
import { demoResetHandler } from '../demo/reset';
import type { ServiceContext } from './context';

export function dashboardHandlers(ctx: ServiceContext) {
  return {
    'dashboard.summary': ({ days, storeIds }: { days: number; storeIds: number[] }) =>
      dashboardSummary(ctx.db, days, ctx.now(), storeIds),
    'demo.reset': demoResetHandler(ctx),
  };
}
