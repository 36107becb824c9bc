import type { ServiceContext } from './context';
import { notYet } from './not-yet';

export function dashboardHandlers(_ctx: ServiceContext) {
  return notYet(['dashboard.summary', 'demo.reset'] as const);
}
