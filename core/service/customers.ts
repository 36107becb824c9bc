import { customerDetail } from '../crm/customers/detail';
import { explainTag } from '../crm/customers/explain-tag';
import { customersPage } from '../crm/customers/page';
import { mergeCustomers, undoMerge } from '../crm/identity/merge';
import { recomputeAll, refreshCustomers } from '../crm/recompute';
import type { ServiceContext } from './context';

export function customersHandlers(ctx: ServiceContext) {
  const { db } = ctx;
  return {
    'customers.page': (q: Parameters<typeof customersPage>[1]) => customersPage(db, q, ctx.now()),
    'customers.get': ({ id }: { id: number }) => customerDetail(db, id, ctx.now()),
    'customers.explainTag': ({ customerId, tagId }: { customerId: number; tagId: number }) =>
      explainTag(db, customerId, tagId, ctx.now()),
    'customers.merge': async (input: { intoId: number; fromId: number; reason: string }) => {
      const at = ctx.now();
      const merge = mergeCustomers(db, input.intoId, input.fromId, input.reason, at);
      await refreshCustomers(db, [input.intoId, input.fromId], at);
      return merge;
    },
    'customers.undoMerge': async ({ mergeId }: { mergeId: number }) => {
      const at = ctx.now();
      const merge = undoMerge(db, mergeId, at);
      await refreshCustomers(db, [merge.intoCustomerId, merge.fromCustomerId], at);
      return merge;
    },
    'customers.recompute': () =>
      ctx.jobs.start('customers.recompute', (job) =>
        recomputeAll(db, ctx.now(), {
          signal: job.signal,
          onProgress: (processed, total) => job.report({ processed, total }),
        }),
      ),
  };
}
