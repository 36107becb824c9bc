import { sql } from 'kysely';
import type { Kysely, RawBuilder } from 'kysely';
import type { RfmSettings } from '../../api/tags';
import type { Db } from '../../db/open';
import type { Database } from '../../db/schema';
import { CoreError } from '../../shared/errors';
import type { Runner } from '../metrics/runner';
import { readSetting, writeSetting } from '../metrics/settings';
import { higherIsBetterCuts, recencyCuts } from './cut-points';
import type { ValueCount } from './cut-points';
import { segmentCells } from './segments';

/**
 * The cut points in use: four ascending values per dimension (see cut-points.ts).
 * Monetary scores rank a customer only among customers whose money is in the same
 * currency: `monetaryFen` is for yuan (where custom cut points apply), and each other
 * currency has cut points from its own customers' quantiles, in its minor unit. A
 * customer in a currency without cut points (one that appeared after the last full
 * recompute) has no M until the next one.
 */
export interface RfmCuts {
  recencyDays: number[];
  frequency: number[];
  monetaryFen: number[];
  /** Per currency other than yuan (ISO code), e.g. GBP in pence. Absent in older files. */
  monetaryByCurrency?: Record<string, number[]>;
}

/** The cut points of the last full recompute, kept for incremental refreshes. */
export interface StoredCuts extends RfmCuts {
  asOf: number;
}

export const settingsKey = 'rfm.settings';
export const storedKey = 'rfm.cutPoints';
export const noCustomCuts: RfmSettings = { recencyDays: null, frequency: null, monetaryFen: null };

export function rfmSettings(db: Db): Promise<RfmSettings> {
  return readSetting(db.k, settingsKey, noCustomCuts);
}

/** Stores custom cut points (null: quantiles of the data); they apply from the next recompute. */
export async function setRfmSettings(db: Db, next: RfmSettings): Promise<RfmSettings> {
  for (const [dimension, cuts] of Object.entries(next)) {
    if (!cuts) continue;
    const sorted = cuts.every((c: number, i: number) => i === 0 || cuts[i - 1]! <= c);
    if (!sorted) {
      throw new CoreError(
        'rfm.bad_cut_points',
        `The cut points of ${dimension} must go up: ${cuts.join(', ')}. Sort them ascending.`,
        { dimension, cuts },
      );
    }
  }
  await writeSetting(db.k, settingsKey, next);
  return next;
}

export function storedCuts(k: Kysely<Database>): Promise<StoredCuts | null> {
  return readSetting<StoredCuts | null>(k, storedKey, null);
}

export function storeCuts(k: Kysely<Database>, cuts: StoredCuts): Promise<void> {
  return writeSetting(k, storedKey, cuts);
}

type Dimension = 'recency_days' | 'orders_all' | 'spend_all';

/**
 * How many customers share each value, in SQLite's order of a GROUP BY on the column:
 * NULL first (read as 0, as before), then ascending. Counted here from the plain column,
 * which costs less than a grouping and a sort in SQL plus an object per distinct value;
 * the values are sorted as a typed array (a native numeric sort, fast even before the
 * engine has optimised this code, as in the first recompute of a session).
 */
function countValues(values: readonly (number | null)[]): ValueCount[] {
  let nulls = 0;
  let present = 0;
  const sorted = new Float64Array(values.length);
  for (const value of values) {
    if (value === null) nulls++;
    else sorted[present++] = value;
  }
  const ascending = sorted.subarray(0, present).sort();
  const counts: ValueCount[] = nulls > 0 ? [{ value: 0, n: nulls }] : [];
  for (let i = 0; i < present;) {
    let j = i + 1;
    while (j < present && ascending[j] === ascending[i]) j++;
    counts.push({ value: ascending[i]!, n: j - i });
    i = j;
  }
  return counts;
}

function distribution(r: Runner, column: Dimension): ValueCount[] {
  return countValues(
    r.column<number | null>(
      r.k
        .selectFrom('customer_metrics')
        .select(sql<number | null>`${sql.ref(column)}`.as('value'))
        .where('orders_all', '>', 0),
    ),
  );
}

/** The lifetime spend of buying customers, per currency of their money metrics. */
function spendByCurrency(r: Runner): Map<string, ValueCount[]> {
  // Yuan (nearly every customer) from the plain column; the few others grouped in SQL.
  const yuan = r.column<number>(
    r.k
      .selectFrom('customer_metrics')
      .select('spend_all')
      .where('orders_all', '>', 0)
      .where('currency', '=', 'CNY'),
  );
  const rows = r.all<{ currency: string; value: number; n: number }>(
    r.k
      .selectFrom('customer_metrics')
      .select(['currency', 'spend_all as value', (eb) => eb.fn.countAll<number>().as('n')])
      .where('orders_all', '>', 0)
      .where('currency', '!=', 'CNY')
      .groupBy(['currency', 'spend_all'])
      .orderBy('currency')
      .orderBy('spend_all'),
  );
  const byCurrency = new Map<string, ValueCount[]>();
  if (yuan.length > 0) byCurrency.set('CNY', countValues(yuan));
  for (const row of rows) {
    const list = byCurrency.get(row.currency) ?? [];
    list.push({ value: Number(row.value), n: Number(row.n) });
    byCurrency.set(row.currency, list);
  }
  return byCurrency;
}

/**
 * Cut points from the metrics just written: the user's custom ones where set,
 * otherwise quantiles of the customers who bought at least once.
 */
export function cutsFromData(r: Runner, custom: RfmSettings): RfmCuts {
  const spend = spendByCurrency(r);
  const monetaryByCurrency: Record<string, number[]> = {};
  for (const [currency, counts] of spend) {
    if (currency !== 'CNY') monetaryByCurrency[currency] = higherIsBetterCuts(counts);
  }
  return {
    recencyDays: custom.recencyDays ?? recencyCuts(distribution(r, 'recency_days')),
    frequency: custom.frequency ?? higherIsBetterCuts(distribution(r, 'orders_all')),
    monetaryFen: custom.monetaryFen ?? higherIsBetterCuts(spend.get('CNY') ?? []),
    monetaryByCurrency,
  };
}

/**
 * How many of the cut points a column's value exceeds (0 when the value is NULL). The
 * cuts must be ascending (see `ascending`): then exceeding the k-th means exceeding all
 * before it, so one CASE from the highest cut down finds the count at the first match.
 */
function exceeded(column: Dimension, cuts: readonly number[]): RawBuilder<number> {
  if (cuts.length === 0) return sql<number>`0`;
  const whens = cuts
    .map((c, i) => sql`WHEN ${sql.ref(column)} > ${c} THEN ${sql.lit(i + 1)}`)
    .reverse();
  return sql<number>`(CASE ${sql.join(whens, sql` `)} ELSE 0 END)`;
}

/** Cut points in ascending order: how many a value exceeds does not depend on their order. */
function ascending(cuts: readonly number[]): number[] {
  return [...cuts].sort((a, b) => a - b);
}

/**
 * M by the cut points of the customer's currency: yuan's, then one branch per other
 * currency (codes and cut points bound as values); no cut points for it, no M.
 */
function monetary(yuan: readonly number[], codes: readonly string[], cuts: readonly number[]) {
  const branches = codes.map(
    (code, i) =>
      sql`WHEN ${code} THEN (1 + ${exceeded('spend_all', cuts.slice(i * 4, i * 4 + 4))})`,
  );
  return sql`CASE currency WHEN 'CNY' THEN (1 + ${exceeded('spend_all', yuan)})
    ${sql.join(branches, sql` `)} END`;
}

/**
 * Scores customers (all when `ids` is null) with the given cut points and names their
 * segment; customers without a purchase have no RFM.
 */
export function applyRfm(r: Runner, cuts: RfmCuts, ids: readonly number[] | null): void {
  const others = Object.entries(cuts.monetaryByCurrency ?? {}).filter(([, c]) => c.length === 4);
  const values = {
    recency: ascending(cuts.recencyDays),
    frequency: ascending(cuts.frequency),
    monetary: ascending(cuts.monetaryFen),
    codes: others.map(([code]) => code),
    otherCuts: others.flatMap(([, c]) => ascending(c)),
    ids: ids ?? [],
  };
  const lengths = [cuts.recencyDays, cuts.frequency, cuts.monetaryFen].map((c) => c.length);
  const shape = `rfm:${lengths.join(',')}:${others.length}:${ids ? ids.length : 'all'}`;
  r.runShaped(shape, values, (v) => {
    const bought = sql`orders_all > 0`;
    const rs = sql`(5 - ${exceeded('recency_days', v.recency)})`;
    const f = sql`(1 + ${exceeded('orders_all', v.frequency)})`;
    const m = monetary(v.monetary, v.codes, v.otherCuts);
    const whens = segmentCells().map((c) => sql`WHEN ${c.r * 10 + c.f} THEN ${c.segment}`);
    // One pass over the rows: the segment is read off the same R and F expressions.
    return r.k
      .updateTable('customer_metrics')
      .set({
        rfm_r: sql`CASE WHEN ${bought} THEN ${rs} END`,
        rfm_f: sql`CASE WHEN ${bought} THEN ${f} END`,
        rfm_m: sql`CASE WHEN ${bought} THEN ${m} END`,
        rfm_segment: sql`CASE WHEN ${bought} THEN CASE ${rs} * 10 + ${f} ${sql.join(whens, sql` `)} END END`,
      })
      .$if(ids !== null, (q) => q.where('customer_id', 'in', v.ids));
  });
}
