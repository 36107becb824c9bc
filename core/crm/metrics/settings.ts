import type { Kysely } from 'kysely';
import type { LifecycleSettings } from '../../api/tags';
import type { Db } from '../../db/open';
import type { Database } from '../../db/schema';
import { CoreError } from '../../shared/errors';
import type { Runner } from './runner';

/** Reads one JSON setting of the CRM; `fallback` when it was never set. */
export async function readSetting<T>(k: Kysely<Database>, key: string, fallback: T): Promise<T> {
  const row = await k
    .selectFrom('settings')
    .select('value_json')
    .where('key', '=', key)
    .executeTakeFirst();
  return row ? (JSON.parse(row.value_json) as T) : fallback;
}

/**
 * Reads several JSON settings in one statement through a runner (inside a transaction);
 * `pick` then gives each one, or its fallback when it was never set.
 */
export function readSettings(r: Runner, keys: readonly string[]) {
  const rows = r.all<{ key: string; value_json: string }>(
    r.k.selectFrom('settings').select(['key', 'value_json']).where('key', 'in', keys),
  );
  const values = new Map(rows.map((row) => [row.key, row.value_json]));
  return {
    pick<T>(key: string, fallback: T): T {
      const json = values.get(key);
      return json === undefined ? fallback : (JSON.parse(json) as T);
    },
  };
}

export async function writeSetting(k: Kysely<Database>, key: string, value: unknown) {
  const value_json = JSON.stringify(value);
  await k
    .insertInto('settings')
    .values({ key, value_json })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value_json }))
    .execute();
}

/**
 * Lifecycle stages by default: a first order in the last 30 business days makes a
 * customer new; a last order in the last 90 days active (repeat with two or more
 * orders); up to a year sleeping; beyond that lost.
 */
export const defaultLifecycle: LifecycleSettings = {
  newWithinDays: 30,
  activeWithinDays: 90,
  sleepingWithinDays: 365,
};

export const lifecycleKey = 'lifecycle.settings';

export function lifecycleSettings(db: Db): Promise<LifecycleSettings> {
  return readSetting(db.k, lifecycleKey, defaultLifecycle);
}

/** Stores new lifecycle thresholds; they apply from the next recompute. */
export async function setLifecycleSettings(
  db: Db,
  next: LifecycleSettings,
): Promise<LifecycleSettings> {
  if (next.activeWithinDays >= next.sleepingWithinDays) {
    throw new CoreError(
      'lifecycle.bad_thresholds',
      `Active within ${next.activeWithinDays} days must be shorter than sleeping within ` +
        `${next.sleepingWithinDays} days; lower the first or raise the second.`,
      { ...next },
    );
  }
  await writeSetting(db.k, lifecycleKey, next);
  return next;
}

/** The instant of the last full recompute; the metrics table is as of it. */
export const lastRecomputeKey = 'crm.lastRecompute';

/** The instant the stored metrics describe: the last full recompute, else `fallback`. */
export async function metricsAsOf(db: Db, fallback: Date): Promise<number> {
  const last = await readSetting<{ asOf: number } | null>(db.k, lastRecomputeKey, null);
  return last?.asOf ?? fallback.getTime();
}
