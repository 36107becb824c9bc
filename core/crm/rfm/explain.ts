import type { RfmBandTrace, RfmSegmentCells, RfmTrace } from '../../api/customers';
import type { RfmCutsInUse } from '../../api/tags';
import type { Db } from '../../db/open';
import { storedCuts } from './score';
import type { RfmCuts } from './score';
import { segmentOf } from './segments';
import type { RfmSegment } from './segments';

/**
 * The cut points the scores on screen were made with: those of the last full recompute
 * (quantiles of the data, or the custom ones set then), yuan for money; null before the
 * first recompute.
 */
export async function rfmCutsInUse(db: Db): Promise<RfmCutsInUse | null> {
  const stored = await storedCuts(db.k);
  if (!stored) return null;
  return {
    asOf: new Date(stored.asOf).toISOString(),
    recencyDays: ascending(stored.recencyDays),
    frequency: ascending(stored.frequency),
    monetaryFen: ascending(stored.monetaryFen),
  };
}

function ascending(cuts: readonly number[]): number[] {
  return [...cuts].sort((a, b) => a - b);
}

/**
 * Where a customer's value falls among four ascending cut points: how many it exceeds
 * (as the scoring SQL counts them), the cut it is above and the one it is at or below.
 */
export function bandOf(value: number | null, cuts: readonly number[]): RfmBandTrace {
  const sorted = ascending(cuts);
  const exceeded = value === null ? 0 : sorted.filter((c) => value > c).length;
  return {
    value,
    cuts: sorted,
    above: exceeded > 0 ? sorted[exceeded - 1]! : null,
    atMost: exceeded < sorted.length ? sorted[exceeded]! : null,
  };
}

/**
 * The cells of the segment table (R rows × F columns) that name a segment, as rectangles:
 * each R row's run of F columns, with consecutive rows of the same run joined.
 */
export function segmentCellsOf(segment: RfmSegment): RfmSegmentCells[] {
  const rows: RfmSegmentCells[] = [];
  for (let r = 5; r >= 1; r--) {
    for (let f = 1; f <= 5; f++) {
      if (segmentOf(r, f) !== segment || (f > 1 && segmentOf(r, f - 1) === segment)) continue;
      let fTo = f;
      while (fTo < 5 && segmentOf(r, fTo + 1) === segment) fTo++;
      rows.push({ rFrom: r, rTo: r, fFrom: f, fTo });
    }
  }
  // Join a run to the one of the row above when their columns are the same.
  const joined: RfmSegmentCells[] = [];
  for (const cell of rows) {
    const same = joined.find(
      (j) => j.rFrom === cell.rTo + 1 && j.fFrom === cell.fFrom && j.fTo === cell.fTo,
    );
    if (same) same.rFrom = cell.rFrom;
    else joined.push({ ...cell });
  }
  return joined;
}

/** A customer's RFM inputs and scores, as customer_metrics holds them. */
export interface RfmOfCustomer {
  recencyDays: number | null;
  orders: number | null;
  spend: number | null;
  currency: string;
  r: number | null;
  f: number | null;
  m: number | null;
  segment: string | null;
}

/**
 * Why a customer has their RFM scores and segment: for R, F and M the customer's own
 * value (days since the last order, orders, spend in the minor unit of their currency)
 * and the cut points it fell between, and the cells of the segment table its R and F
 * matched. `cuts` are those of the last full recompute (null: none yet).
 */
export function rfmTrace(c: RfmOfCustomer, cuts: (RfmCuts & { asOf: number }) | null): RfmTrace {
  const money = c.currency === 'CNY' ? cuts?.monetaryFen : cuts?.monetaryByCurrency?.[c.currency];
  const segment = c.r !== null && c.f !== null ? segmentOf(c.r, c.f) : null;
  return {
    cutsAsOf: cuts ? new Date(cuts.asOf).toISOString() : null,
    currency: c.currency,
    recency: { ...bandOf(c.recencyDays, cuts?.recencyDays ?? []), score: c.r },
    frequency: { ...bandOf(c.orders, cuts?.frequency ?? []), score: c.f },
    monetary: { ...bandOf(c.spend, money ?? []), score: c.m },
    segment: c.segment,
    segmentCells: segment ? segmentCellsOf(segment) : [],
  };
}

/** The RFM trace of one customer, read from the database. */
export async function rfmTraceOf(db: Db, c: RfmOfCustomer): Promise<RfmTrace> {
  return rfmTrace(c, await storedCuts(db.k));
}
