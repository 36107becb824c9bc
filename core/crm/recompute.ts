import type { Kysely } from 'kysely';
import type { RecomputeSummary } from '../api/customers';
import type { Db } from '../db/open';
import type { Database } from '../db/schema';
import { CoreError } from '../shared/errors';
import { logger } from '../shared/log';
import { writeMetrics } from './metrics/compute';
import { rawRunner } from './metrics/runner';
import { windowsAsOf } from './metrics/days';
import {
  defaultLifecycle,
  lastRecomputeKey,
  lifecycleKey,
  lifecycleSettings,
  readSettings,
  writeSetting,
} from './metrics/settings';
import {
  applyRfm,
  cutsFromData,
  noCustomCuts,
  rfmSettings,
  settingsKey as rfmSettingsKey,
  storeCuts,
  storedCuts,
  storedKey as storedCutsKey,
} from './rfm/score';
import type { RfmCuts, StoredCuts } from './rfm/score';
import { ensureBuiltinTags } from './tags/builtin';
import { ruleFields, ruleFieldsWith } from './tags/fields';
import { derivedTags, evaluateTags } from './tags/membership';

const log = logger('recompute');

export interface RecomputeOptions {
  signal?: AbortSignal;
  onProgress?: (processed: number, total: number) => void;
  /**
   * 'fresh' (the default): RFM cut points from the data; 'stored': those of the last
   * full recompute, as an incremental refresh uses them (for checking the two agree).
   */
  rfmCuts?: 'fresh' | 'stored';
}

const steps = 4;

function checkCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) {
    throw new CoreError('jobs.cancelled', 'The recompute was cancelled; nothing was changed.');
  }
}

/**
 * Rebuilds every customer's metrics, RFM scores and tag membership as of `asOf`
 * from the facts, recording membership changes in the tag history. All of it is
 * one transaction: a cancelled or failed recompute leaves the previous state.
 */
export async function recomputeAll(
  db: Db,
  asOf: Date,
  options: RecomputeOptions = {},
): Promise<RecomputeSummary> {
  const started = performance.now();
  const { signal, onProgress } = options;
  const w = windowsAsOf(asOf);
  const life = await lifecycleSettings(db);
  const custom = await rfmSettings(db);
  const fields = await ruleFields(db);

  const result = await db.k.transaction().execute(async (trx) => {
    const r = rawRunner(trx, db.raw);
    await ensureBuiltinTags(trx, w.asOfMs);
    writeMetrics(r, w, life, null);
    onProgress?.(1, steps);
    checkCancelled(signal);

    const stored = options.rfmCuts === 'stored' ? await storedCuts(trx) : null;
    const cuts: RfmCuts = stored ?? cutsFromData(r, custom);
    applyRfm(r, cuts, null);
    await storeCuts(trx, { ...cuts, asOf: w.asOfMs });
    onProgress?.(2, steps);
    checkCancelled(signal);

    const tags = derivedTags(r);
    const e = { ids: null, asOfDay: w.day, at: w.asOfMs, reason: 'recompute', freshMetrics: true };
    const changes = evaluateTags(r, tags, fields, e);
    await writeSetting(trx, lastRecomputeKey, { asOf: w.asOfMs });
    onProgress?.(3, steps);
    checkCancelled(signal);

    const customers = await countMetrics(trx);
    return { customers, tags: tags.length, ...changes };
  });
  onProgress?.(steps, steps);

  const summary: RecomputeSummary = {
    customers: result.customers,
    tagsEvaluated: result.tags,
    membershipsAdded: result.added,
    membershipsRemoved: result.removed,
    asOf: asOf.toISOString(),
    durationMs: Math.round(performance.now() - started),
  };
  log.info(
    `recomputed ${summary.customers} customers and ${summary.tagsEvaluated} tags as of ` +
      `${summary.asOf} in ${summary.durationMs} ms (+${summary.membershipsAdded} ` +
      `−${summary.membershipsRemoved} memberships)`,
  );
  return summary;
}

async function countMetrics(k: Kysely<Database>): Promise<number> {
  const row = await k
    .selectFrom('customer_metrics')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const chunkSize = 500;

/**
 * Brings the metrics and tags of a few customers up to date after new facts (an
 * order, a merge), using the RFM cut points of the last full recompute. Must give
 * the same result as `recomputeAll` would for those customers.
 */
export async function refreshCustomers(db: Db, customerIds: number[], asOf: Date): Promise<void> {
  const ids = [...new Set(customerIds)];
  if (ids.length === 0) return;
  const w = windowsAsOf(asOf);

  // Everything inside runs synchronously on the connection the transaction holds, through
  // prepared statements kept per connection: this runs after every new order.
  await db.k.transaction().execute(async (trx) => {
    const r = rawRunner(trx, db.raw);
    const settings = readSettings(r, [lifecycleKey, rfmSettingsKey, storedCutsKey]);
    const life = settings.pick(lifecycleKey, defaultLifecycle);
    // Before any full recompute there are no stored cut points: score against the data.
    const cuts =
      settings.pick<StoredCuts | null>(storedCutsKey, null) ??
      cutsFromData(r, settings.pick(rfmSettingsKey, noCustomCuts));
    const fields = ruleFieldsWith(r);
    const tags = derivedTags(r);
    for (let i = 0; i < ids.length; i += chunkSize) {
      const chunk = ids.slice(i, i + chunkSize);
      writeMetrics(r, w, life, chunk);
      applyRfm(r, cuts, chunk);
      evaluateTags(r, tags, fields, {
        ids: chunk,
        asOfDay: w.day,
        at: w.asOfMs,
        reason: 'refresh',
      });
    }
  });
}
