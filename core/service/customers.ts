import { customerDetail } from '../crm/customers/detail';
import { explainTag } from '../crm/customers/explain-tag';
import { customersPage } from '../crm/customers/page';
import { mergeCustomers, undoMerge } from '../crm/identity/merge';
import { recomputeAll, refreshCustomers } from '../crm/recompute';
import type { Db } from '../db/open';
import { CoreError, isCoreError } from '../shared/errors';
import type { ServiceContext } from './context';

/**
 * The customer page of a customer merged into another fails as "not found"; the database
 * knows into whom, so the failure names them (details.mergedInto: the customer they are
 * part of now, following merges of merges) and says to open that one instead.
 */
async function nameSurvivor(db: Db, id: number, error: unknown): Promise<never> {
  if (!isCoreError(error) || error.code !== 'customers.not_found') throw error;
  const chain: number[] = [];
  let next: number | null = id;
  while (next !== null && !chain.includes(next)) {
    chain.push(next);
    const found: { merged_into: number | null } | undefined = await db.k
      .selectFrom('customers')
      .select('merged_into')
      .where('id', '=', next)
      .executeTakeFirst();
    next = found?.merged_into ?? null;
  }
  const survivor = chain.at(-1);
  if (chain.length < 2 || survivor === undefined) throw error;
  const via = chain.length > 2 ? ` (through customer ${chain[1]})` : '';
  throw new CoreError(
    'customers.not_found',
    `Customer ${id} was merged into customer ${survivor}${via}: open customer ${survivor}.`,
    { customerId: id, mergedInto: survivor },
  );
}

export function customersHandlers(ctx: ServiceContext) {
  const { db } = ctx;
  return {
    'customers.page': (q: Parameters<typeof customersPage>[1]) => customersPage(db, q, ctx.now()),
    'customers.get': ({ id }: { id: number }) =>
      customerDetail(db, id, ctx.now()).catch((e: unknown) => nameSurvivor(db, id, e)),
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
