import { demoResetHandler } from '../demo/reset';
import type { ServiceContext } from './context';
import { notYet } from './not-yet';

export function dashboardHandlers(ctx: ServiceContext) {
  return {
    ...notYet(['dashboard.summary'] as const),
    'demo.reset': demoResetHandler(ctx),
  };
}
