import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { explainTag } from '../../../core/crm/customers/explain-tag';
import { recomputeAll } from '../../../core/crm/recompute';
import { bandOf, rfmCutsInUse, segmentCellsOf } from '../../../core/crm/rfm/explain';
import { rfmTagKey } from '../../../core/crm/tags/names';
import { listTags } from '../../../core/crm/tags/store';
import { tempDb } from '../../support/db';
import { addCustomer, addOrder } from '../../support/crm-builders';

type TestDb = Awaited<ReturnType<typeof tempDb>>;
let db: TestDb;
beforeEach(async () => {
  db = await tempDb();
});
afterEach(async () => {
  await db.cleanup();
});

const asOf = new Date('2024-06-30T12:00:00Z');
const dayMs = 86_400_000;

/** Ten customers: days since last order, number of orders, lifetime spend in fen. */
const ten: [r: number, f: number, m: number][] = [
  [1, 1, 1000],
  [1, 1, 2000],
  [5, 1, 3000],
  [5, 1, 3000],
  [10, 1, 5000],
  [20, 1, 6000],
  [40, 1, 7000],
  [80, 1, 8000],
  [100, 2, 9000],
  [200, 4, 10000],
];

async function addTen(): Promise<number[]> {
  const ids: number[] = [];
  for (const [r, f, m] of ten) {
    const id = await addCustomer(db);
    ids.push(id);
    for (let i = 0; i < f; i++) {
      const at = new Date(asOf.getTime() - (r + i) * dayMs).toISOString();
      await addOrder(db, { customerId: id, at, amountFen: i === 0 ? m - 100 * (f - 1) : 100 });
    }
  }
  return ids;
}

async function rfmTagOf(customerId: number) {
  const tags = await listTags(db, asOf);
  const segment = await db.k
    .selectFrom('customer_metrics')
    .select('rfm_segment')
    .where('customer_id', '=', customerId)
    .executeTakeFirstOrThrow();
  return tags.find((t) => t.key === rfmTagKey(segment.rfm_segment ?? ''))!;
}

describe('the cut points in use', () => {
  it('are none before the first recompute', async () => {
    expect(await rfmCutsInUse(db)).toBeNull();
  });

  it('are the quantile cut points of the last recompute, worked by hand', async () => {
    await addTen();
    await recomputeAll(db, asOf);
    // By hand (as in rfm.test.ts): F groups {1×8} | {2} | {4} → cuts 1, 2, 4, 4.
    // M groups {1000, 2000} | {3000, 3000} | {5000, 6000} | {7000, 8000} | rest: last values.
    // R from the longest: {200, 100} | {80, 40} | {20, 10} | {5, 5} | {1, 1}; last values
    // 100, 40, 10, 5, each minus one (days ≥ v is days > v − 1): 99, 39, 9, 4.
    expect(await rfmCutsInUse(db)).toEqual({
      asOf: asOf.toISOString(),
      recencyDays: [4, 9, 39, 99],
      frequency: [1, 2, 4, 4],
      monetaryFen: [2000, 3000, 6000, 8000],
    });
  });
});

describe('why a customer is in an RFM segment', () => {
  it('gives each score with the customer’s value and the cut points around it', async () => {
    const ids = await addTen();
    await recomputeAll(db, asOf);
    const tag = await rfmTagOf(ids[4]!);
    const why = await explainTag(db, ids[4]!, tag.id, asOf);

    // 10 days: above 4 and 9, at most 39 → two cuts exceeded → R 5 − 2 = 3.
    // 1 order: above none, at most 1 → F 1. 5000 fen: above 3000, at most 6000 → M 3.
    expect(why.rfm).toMatchObject({
      recency: { value: 10, above: 9, atMost: 39, score: 3 },
      frequency: { value: 1, above: null, atMost: 1, score: 1 },
      monetary: { value: 5000, above: 3000, atMost: 6000, score: 3 },
      segment: 'about_to_sleep',
      // The table's about_to_sleep cells: row R3, columns F1–F2.
      segmentCells: [{ rFrom: 3, rTo: 3, fFrom: 1, fTo: 2 }],
      cutsAsOf: asOf.toISOString(),
    });
  });

  it('says a value above every cut point has no upper one', async () => {
    const ids = await addTen();
    await recomputeAll(db, asOf);
    const tag = await rfmTagOf(ids[9]!);
    const why = await explainTag(db, ids[9]!, tag.id, asOf);

    // 200 days > 99 → R1; 4 orders: above 2, at most 4 → F3; 10000 fen > 8000 → M5.
    expect(why.rfm).toMatchObject({
      recency: { value: 200, above: 99, atMost: null, score: 1 },
      frequency: { value: 4, above: 2, atMost: 4, score: 3 },
      monetary: { value: 10000, above: 8000, atMost: null, score: 5 },
      segment: 'at_risk',
      segmentCells: [{ rFrom: 1, rTo: 2, fFrom: 3, fTo: 4 }],
    });
  });
});

describe('why a customer in another currency has their M', () => {
  it('traces it to the cut points of their own currency, not the yuan ones', async () => {
    await addTen();
    const pounds = await addCustomer(db);
    const at = new Date(asOf.getTime() - 3 * dayMs).toISOString();
    await addOrder(db, { customerId: pounds, at, amountFen: 590, currency: 'GBP' });
    await recomputeAll(db, asOf);
    const tag = await rfmTagOf(pounds);
    const why = await explainTag(db, pounds, tag.id, asOf);

    // The only GBP customer: every GBP cut point is its own 590 pence, so 590 exceeds none
    // (M 1) and sits at or below the lowest; the yuan cuts (2000…8000) play no part.
    expect(why.rfm?.currency).toBe('GBP');
    expect(why.rfm?.monetary).toMatchObject({
      value: 590,
      cuts: [590, 590, 590, 590],
      above: null,
      atMost: 590,
      score: 1,
    });
  });
});

describe('the cells of a segment', () => {
  it('join rows with the same columns and keep others apart', () => {
    // From the table in segments.ts: hibernating is R2 F1–2 and R1 F2; loyal R3–4 F4–5.
    expect(segmentCellsOf('hibernating')).toEqual([
      { rFrom: 2, rTo: 2, fFrom: 1, fTo: 2 },
      { rFrom: 1, rTo: 1, fFrom: 2, fTo: 2 },
    ]);
    expect(segmentCellsOf('loyal')).toEqual([{ rFrom: 3, rTo: 4, fFrom: 4, fTo: 5 }]);
    expect(segmentCellsOf('champions')).toEqual([{ rFrom: 5, rTo: 5, fFrom: 4, fTo: 5 }]);
  });

  it('place a value equal to a cut point at or below it', () => {
    expect(bandOf(30, [7, 30, 90, 180])).toMatchObject({ above: 7, atMost: 30 });
    expect(bandOf(null, [7, 30, 90, 180])).toMatchObject({ above: null, atMost: 7 });
  });
});
