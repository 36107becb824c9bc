import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recomputeAll } from '../../../core/crm/recompute';
import {
  higherIsBetterCuts,
  recencyCuts,
  scoreHigher,
  scoreRecency,
} from '../../../core/crm/rfm/cut-points';
import { rfmGrid } from '../../../core/crm/rfm/grid';
import { setRfmSettings, storedCuts } from '../../../core/crm/rfm/score';
import { segmentCells, segmentOf } from '../../../core/crm/rfm/segments';
import { tempDb } from '../../support/db';
import { addCustomer, addOrder, metricsOf } from '../../support/crm-builders';

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
    // The last order r days before the as-of day, earlier ones a day apart, 100 fen each.
    for (let i = 0; i < f; i++) {
      const at = new Date(asOf.getTime() - (r + i) * dayMs).toISOString();
      await addOrder(db, { customerId: id, at, amountFen: i === 0 ? m - 100 * (f - 1) : 100 });
    }
  }
  return ids;
}

describe('RFM cut points by quantile', () => {
  it('scores ten customers as worked by hand, equal values equally', async () => {
    const ids = await addTen();
    await recomputeAll(db, asOf);

    // F: eight customers with 1 order fill group 1 (a block larger than a fifth); the two
    // left are split over the four scores left: 2 → F 2, 4 → F 3. Cuts [1, 2, 4, 4].
    // M ascending: {1000, 2000} | {3000, 3000} | {5000, 6000} | {7000, 8000} | {9000, 10000}.
    // R from the longest: {200, 100} | {80, 40} | {20, 10} | {5, 5} | {1, 1}.
    const expected = [
      [5, 1, 1, 'new'],
      [5, 1, 1, 'new'],
      [4, 1, 2, 'promising'],
      [4, 1, 2, 'promising'],
      [3, 1, 3, 'about_to_sleep'],
      [3, 1, 3, 'about_to_sleep'],
      [2, 1, 4, 'hibernating'],
      [2, 1, 4, 'hibernating'],
      [1, 2, 5, 'hibernating'],
      [1, 3, 5, 'at_risk'],
    ];
    const got = [];
    for (const id of ids) {
      const m = await metricsOf(db, id);
      got.push([m?.rfm_r, m?.rfm_f, m?.rfm_m, m?.rfm_segment]);
    }
    expect(got).toEqual(expected);
    expect(await storedCuts(db.k)).toEqual({
      asOf: asOf.getTime(),
      recencyDays: [4, 9, 39, 99],
      frequency: [1, 2, 4, 4],
      monetaryFen: [2000, 3000, 6000, 8000],
      monetaryByCurrency: {},
    });
  });

  it('keeps the scale when 80 % of customers have one order', () => {
    // 80 customers with 1 order, then one each with 2 … 21 orders. Group 1 takes the 80;
    // the other 20 are split five by five: 2–6, 7–11, 12–16, 17–21.
    const counts = [{ value: 1, n: 80 }];
    for (let v = 2; v <= 21; v++) counts.push({ value: v, n: 1 });
    const cuts = higherIsBetterCuts(counts);
    expect(cuts).toEqual([1, 6, 11, 16]);
    expect([1, 2, 6, 7, 16, 17, 21].map((v) => scoreHigher(v, cuts))).toEqual([
      1, 2, 2, 3, 4, 5, 5,
    ]);
  });

  it('does not fail when every customer is alike or there is no one', () => {
    expect(higherIsBetterCuts([{ value: 3, n: 50 }])).toEqual([3, 3, 3, 3]);
    expect(scoreHigher(3, [3, 3, 3, 3])).toBe(1);
    expect(recencyCuts([{ value: 7, n: 50 }])).toEqual([6, 6, 6, 6]);
    expect(scoreRecency(7, [6, 6, 6, 6])).toBe(1);
    expect(higherIsBetterCuts([])).toEqual([0, 0, 0, 0]);
  });

  it('uses custom cut points where the user set them', async () => {
    const ids = await addTen();
    await setRfmSettings(db, {
      recencyDays: [7, 30, 90, 180],
      frequency: [1, 2, 3, 4],
      monetaryFen: null,
    });
    await recomputeAll(db, asOf);
    // Recency 5 ≤ 7 → R 5; 40 exceeds 7 and 30 → R 3; 200 exceeds all four → R 1.
    // Orders 4 exceeds 1, 2, 3 → F 4.
    const third = await metricsOf(db, ids[2]!);
    const seventh = await metricsOf(db, ids[6]!);
    const last = await metricsOf(db, ids[9]!);
    expect([third?.rfm_r, seventh?.rfm_r, last?.rfm_r, last?.rfm_f]).toEqual([5, 3, 1, 4]);
  });

  it('refuses cut points that do not go up', async () => {
    await expect(
      setRfmSettings(db, { recencyDays: [30, 7, 90, 180], frequency: null, monetaryFen: null }),
    ).rejects.toMatchObject({ code: 'rfm.bad_cut_points' });
  });

  it('counts customers and spend per R × F cell', async () => {
    await addTen();
    await recomputeAll(db, asOf);
    const grid = await rfmGrid(db);
    // R5 F1: 1000 + 2000; R1 F3: 10000.
    expect(grid).toContainEqual({
      r: 5,
      f: 1,
      customers: 2,
      spendFen: 3000,
      avgSpendFen: 1500,
      otherCurrencyCustomers: 0,
    });
    expect(grid).toContainEqual({
      r: 1,
      f: 3,
      customers: 1,
      spendFen: 10000,
      avgSpendFen: 10000,
      otherCurrencyCustomers: 0,
    });
    expect(grid.reduce((s, c) => s + c.customers, 0)).toBe(10);
  });
});

describe('RFM segments', () => {
  it('names every cell of the grid with one of the eleven segments', () => {
    const cells = segmentCells();
    expect(cells).toHaveLength(25);
    expect(new Set(cells.map((c) => c.segment)).size).toBe(11);
    expect(segmentOf(5, 5)).toBe('champions');
    expect(segmentOf(1, 1)).toBe('lost');
    expect(segmentOf(1, 5)).toBe('cant_lose');
    expect(segmentOf(3, 3)).toBe('need_attention');
  });
});
