import type { ServiceContext } from './context';
import { notYet } from './not-yet';

export function customersHandlers(_ctx: ServiceContext) {
  return notYet([
    'customers.page',
    'customers.get',
    'customers.explainTag',
    'customers.merge',
    'customers.undoMerge',
    'customers.recompute',
  ] as const);
}
