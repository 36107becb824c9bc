import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recomputeAll } from '../../../core/crm/recompute';
import { businessDayOf, windowsAsOf } from '../../../core/crm/metrics/days';
import { setLifecycleSettings } from '../../../core/crm/metrics/settings';
import { tempDb } from '../../support/db';
import { addCustomer, addOrder, addStore, metricsOf } from '../../support/crm-builders';

type TestDb = Awaited<ReturnType<typeof tempDb>>;
let db: TestDb;
beforeEach(async () => {
  db = await tempDb();
});
afterEach(async () => {
  await db.cleanup();
});

// 2024-06-30T12:00Z is 20:00 in Shanghai: business day 2024-06-30.
const asOf = new Date('2024-06-30T12:00:00Z');

describe('business days in Asia/Shanghai', () => {
  it('puts 16:30 UTC on the next business day (00:30 in Shanghai)', () => {
    expect(businessDayOf(Date.parse('2024-05-31T16:30:00Z'))).toBe('2024-06-01');
    expect(businessDayOf(Date.parse('2024-05-31T15:59:00Z'))).toBe('2024-05-31');
  });

  it('makes "last 30 days" the 30 business days ending with the as-of day', () => {
    // By hand: June 30 − 29 days = June 1; − 89 = April 2; − 364 = 2023-07-02 (2024 is leap).
    expect(windowsAsOf(asOf)).toEqual({
      asOfMs: asOf.getTime(),
      day: '2024-06-30',
      from30: '2024-06-01',
      from90: '2024-04-02',
      from365: '2023-07-02',
    });
  });
});

async function regular(): Promise<number> {
  const s1 = await addStore(db, 'S1'); // id 1 in a fresh database
  const s2 = await addStore(db, 'S2');
  const a = await addCustomer(db, { name: 'A' });
  const lines = [
    { category: 'tea', amountFen: 6000 },
    { category: 'cake', amountFen: 4000 },
  ];
  // Business day 06-01 (00:30 in Shanghai): inside the 30 days as of June 30.
  await addOrder(db, {
    customerId: a,
    at: '2024-05-31T16:30:00Z',
    amountFen: 10000,
    storeId: s1,
    lines,
  });
  // Business day 05-31 (23:59 in Shanghai): outside the 30 days, inside 90.
  await addOrder(db, {
    customerId: a,
    at: '2024-05-31T15:59:00Z',
    amountFen: 20000,
    storeId: s1,
    lines: [{ category: 'cake', amountFen: 20000 }],
  });
  // Two orders on one day are two orders.
  for (const [at, amountFen] of [
    ['2024-06-15T02:00:00Z', 3000],
    ['2024-06-15T09:00:00Z', 5000],
  ] as const) {
    await addOrder(db, { customerId: a, at, amountFen, channel: 'miniprogram', storeId: s2 });
  }
  await addOrder(db, {
    customerId: a,
    at: '2024-06-20T03:00:00Z',
    amountFen: -2000,
    kind: 'return',
  });
  await addOrder(db, {
    customerId: a,
    at: '2024-06-21T03:00:00Z',
    amountFen: -1000,
    kind: 'cancellation',
  });
  await addOrder(db, {
    customerId: a,
    at: '2024-06-10T03:00:00Z',
    amountFen: -500,
    kind: 'writeoff',
  });
  await addOrder(db, { customerId: a, at: '2023-07-01T03:00:00Z', amountFen: 7000 });
  // After the as-of instant: not yet happened.
  await addOrder(db, { customerId: a, at: '2024-07-01T00:00:00Z', amountFen: 99999 });
  return a;
}

describe('customer metrics as of an instant', () => {
  it('counts sales per window and lets returns and cancellations reduce spend', async () => {
    const a = await regular();
    await recomputeAll(db, asOf);

    // Sales in 30 days: 06-01, 06-15 ×2 = 3; in 90 also 05-31 = 4; 2023-07-01 only lifetime.
    // Spend 30: 10000 + 3000 + 5000 − 2000 − 1000 = 15000; 90 and 365: + 20000 = 35000;
    // lifetime: + 7000 = 42000 (the write-off is not the customer's spend). AOV 42000 / 5.
    expect(await metricsOf(db, a)).toMatchObject({
      orders_30: 3,
      orders_90: 4,
      orders_365: 4,
      orders_all: 5,
      spend_30: 15000,
      spend_90: 35000,
      spend_365: 35000,
      spend_all: 42000,
      aov_fen: 8400,
      ltv_fen: 42000,
      first_order_at: Date.parse('2023-07-01T03:00:00Z'),
      last_order_at: Date.parse('2024-06-15T09:00:00Z'),
      recency_days: 15,
      // pos 3 orders against miniprogram 2; cake 4000 + 20000 against tea 6000; S1 2 orders
      // against S2 2 orders, S1 spending more (30000 against 8000).
      preferred_channel: 'pos',
      preferred_category: 'cake',
      preferred_store_id: 1,
      lifecycle: 'repeat',
    });
  });

  it('moves the 30-day window with the Shanghai day of the as-of instant', async () => {
    const a = await regular();
    // 16:30 UTC on June 30 is 00:30 on July 1 in Shanghai: the window is 06-02 … 07-01,
    // so the order of business day 06-01 drops out: 2 orders, 3000 + 5000 − 2000 − 1000.
    await recomputeAll(db, new Date('2024-06-30T16:30:00Z'));
    expect(await metricsOf(db, a)).toMatchObject({
      orders_30: 2,
      spend_30: 5000,
      recency_days: 16,
    });
  });

  it('places customers in lifecycle stages by the default thresholds', async () => {
    const onlyReturn = await addCustomer(db);
    await addOrder(db, {
      customerId: onlyReturn,
      at: '2024-06-01T03:00:00Z',
      amountFen: -3000,
      kind: 'return',
    });
    const fresh = await addCustomer(db);
    await addOrder(db, { customerId: fresh, at: '2024-06-20T03:00:00Z', amountFen: 100 });
    const sixty = await addCustomer(db);
    await addOrder(db, { customerId: sixty, at: '2024-05-01T03:00:00Z', amountFen: 100 });
    const sleeping = await addCustomer(db);
    await addOrder(db, { customerId: sleeping, at: '2024-02-01T03:00:00Z', amountFen: 100 });
    const lost = await addCustomer(db);
    await addOrder(db, { customerId: lost, at: '2023-01-10T03:00:00Z', amountFen: 100 });
    await recomputeAll(db, asOf);

    // Only a return: no purchase, negative spend, no stage.
    expect(await metricsOf(db, onlyReturn)).toMatchObject({
      orders_all: 0,
      spend_all: -3000,
      aov_fen: 0,
      recency_days: null,
      lifecycle: 'none',
    });
    // First order 10 days ago (< 30): new. 05-01 → 06-30 is 60 days (< 90): active.
    // 02-01 → 06-30 is 29 + 31 + 30 + 31 + 29 = 150 days (90 … 364): sleeping. 2023-01-10: lost.
    expect((await metricsOf(db, fresh))?.lifecycle).toBe('new');
    expect(await metricsOf(db, sixty)).toMatchObject({ lifecycle: 'active', recency_days: 60 });
    expect(await metricsOf(db, sleeping)).toMatchObject({
      lifecycle: 'sleeping',
      recency_days: 150,
    });
    expect((await metricsOf(db, lost))?.lifecycle).toBe('lost');

    await setLifecycleSettings(db, {
      newWithinDays: 10,
      activeWithinDays: 90,
      sleepingWithinDays: 100,
    });
    await recomputeAll(db, asOf);
    expect((await metricsOf(db, fresh))?.lifecycle).toBe('active');
    expect((await metricsOf(db, sleeping))?.lifecycle).toBe('lost');
  });

  it('gives a merged customer no metrics of its own', async () => {
    const a = await regular();
    const merged = await addCustomer(db, { mergedInto: a });
    const summary = await recomputeAll(db, asOf);
    expect(await metricsOf(db, merged)).toBeUndefined();
    expect(summary.customers).toBe(1);
  });

  it('refuses lifecycle thresholds where active is not shorter than sleeping', async () => {
    await expect(
      setLifecycleSettings(db, { newWithinDays: 10, activeWithinDays: 90, sleepingWithinDays: 90 }),
    ).rejects.toMatchObject({ code: 'lifecycle.bad_thresholds' });
  });
});
