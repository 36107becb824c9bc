import type { JobStatus } from '../api/system';
import type { Db } from '../db/open';
import type { ServiceContext } from '../service/context';
import { CoreError } from '../shared/errors';
import { createDemoDatabase, demoMark } from './create';

/**
 * The `demo.reset` method: rebuilds the demo chain from scratch as of the console's
 * clock, as a job. Refused unless the open database is marked as the demo, so that
 * a chain's real customers and orders can never be wiped by it.
 */
export function demoResetHandler(ctx: ServiceContext): () => Promise<JobStatus> {
  return async () => {
    const mark = await demoMark(ctx.db);
    if (!mark) {
      throw new CoreError(
        'demo.not_demo',
        `${ctx.db.file} is not the demo database, so it was not reset: resetting deletes ` +
          'every customer and order. Open the demo database to reset it.',
        { file: ctx.db.file },
      );
    }

    const asOf = ctx.now();
    return ctx.jobs.start('demo.reset', async (job) => {
      await clearChain(ctx.db);
      return createDemoDatabase(ctx.db, {
        asOf,
        seed: mark.seed,
        size: mark.size,
        signal: job.signal,
        onProgress: (p) => job.report(p),
      });
    });
  };
}

/**
 * Deletes the chain's facts and everything derived from them, children first. Tag
 * definitions, saved column mappings and settings stay: they are the user's setup,
 * not the chain's data.
 */
export async function clearChain(db: Db): Promise<void> {
  await db.k.transaction().execute(async (trx) => {
    await trx.deleteFrom('tag_history').execute();
    await trx.deleteFrom('tag_members').execute();
    await trx.deleteFrom('customer_metrics').execute();
    await trx.deleteFrom('customer_merges').execute();
    await trx.deleteFrom('order_payments').execute();
    await trx.deleteFrom('order_lines').execute();
    await trx.deleteFrom('orders').execute();
    await trx.deleteFrom('import_batches').execute();
    await trx.deleteFrom('customer_identities').execute();
    await trx.deleteFrom('customers').execute();
    await trx.deleteFrom('products').execute();
    await trx.deleteFrom('stores').execute();
  });
}
