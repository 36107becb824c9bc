import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recomputeAll, refreshCustomers } from '../../../core/crm/recompute';
import { addDays } from '../../../core/crm/metrics/days';
import { saveTag } from '../../../core/crm/tags/store';
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

describe('adding days to a business day', () => {
  it('crosses month, year and leap-day boundaries on the calendar', () => {
    // By hand: 2024 is a leap year, 2023 is not; 2024-03-01 − 1 day is 2024-02-29.
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2023-03-01', -1)).toBe('2023-02-28');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-01-01', -1)).toBe('2023-12-31');
    // 2024-06-30 − 364 days: July 2023 … June 2024 has 366 days, so 2023-07-02.
    expect(addDays('2024-06-30', -364)).toBe('2023-07-02');
    expect(addDays('2024-06-30', 0)).toBe('2024-06-30');
  });
});

describe('preferred channel, store and category', () => {
  it('gives a customer without orders zero metrics and no preferences', async () => {
    const idle = await addCustomer(db);
    await recomputeAll(db, asOf);
    expect(await metricsOf(db, idle)).toMatchObject({
      orders_all: 0,
      spend_all: 0,
      spend_30: 0,
      aov_fen: 0,
      first_order_at: null,
      recency_days: null,
      preferred_channel: null,
      preferred_category: null,
      preferred_store_id: null,
      lifecycle: 'none',
    });
  });

  it('breaks ties by code, by store id, by number of lines and then by name', async () => {
    const a = await addCustomer(db);
    const s1 = await addStore(db, 'S1');
    const s2 = await addStore(db, 'S2');
    const at = '2024-06-10T03:00:00Z';
    // Channels: pos and delivery one sale of 5000 each: equal count and spend, so the
    // first by code ('delivery' < 'pos'). Stores: one sale each of 5000: the lower id, S1.
    // Categories: tea 3000 in one line and cake 1500 + 1500 in two lines: equal spend,
    // cake has more lines. A return in delivery is not a sale and changes nothing.
    await addOrder(db, {
      customerId: a,
      at,
      amountFen: 5000,
      channel: 'pos',
      storeId: s2,
      lines: [{ category: 'tea', amountFen: 3000 }],
    });
    await addOrder(db, {
      customerId: a,
      at,
      amountFen: 5000,
      channel: 'delivery',
      storeId: s1,
      lines: [
        { category: 'cake', amountFen: 1500 },
        { category: 'cake', amountFen: 1500 },
      ],
    });
    await addOrder(db, {
      customerId: a,
      at,
      amountFen: -5000,
      kind: 'return',
      channel: 'pos',
      storeId: s2,
    });
    await recomputeAll(db, asOf);
    expect(await metricsOf(db, a)).toMatchObject({
      preferred_channel: 'delivery',
      preferred_store_id: s1,
      preferred_category: 'cake',
    });

    // A third line: bread 3000 in one line. Tea and bread tie on spend and lines: by name.
    const b = await addCustomer(db);
    await addOrder(db, {
      customerId: b,
      at,
      amountFen: 6000,
      lines: [
        { category: 'tea', amountFen: 3000 },
        { category: 'bread', amountFen: 3000 },
      ],
    });
    await refreshCustomers(db, [b], asOf);
    expect((await metricsOf(db, b))?.preferred_category).toBe('bread');
  });
  it('picks the preferences again from the sales as they are now at each refresh', async () => {
    const a = await addCustomer(db);
    const b = await addCustomer(db);
    const at = '2024-06-10T03:00:00Z';
    // By hand: a buys once in pos (tea), b once in delivery (cake); then a buys twice in
    // delivery (bread 2000 each): delivery has 2 sales to pos's 1, bread 4000 beats tea
    // 1000. b is not refreshed and keeps what the full recompute gave it.
    await addOrder(db, {
      customerId: a,
      at,
      amountFen: 1000,
      channel: 'pos',
      lines: [{ category: 'tea', amountFen: 1000 }],
    });
    await addOrder(db, {
      customerId: b,
      at,
      amountFen: 800,
      channel: 'delivery',
      lines: [{ category: 'cake', amountFen: 800 }],
    });
    await recomputeAll(db, asOf);
    expect(await metricsOf(db, a)).toMatchObject({
      preferred_channel: 'pos',
      preferred_category: 'tea',
    });
    for (let i = 0; i < 2; i++) {
      await addOrder(db, {
        customerId: a,
        at,
        amountFen: 2000,
        channel: 'delivery',
        lines: [{ category: 'bread', amountFen: 2000 }],
      });
    }
    await refreshCustomers(db, [a], asOf);
    expect(await metricsOf(db, a)).toMatchObject({
      preferred_channel: 'delivery',
      preferred_category: 'bread',
    });
    expect(await metricsOf(db, b)).toMatchObject({
      preferred_channel: 'delivery',
      preferred_category: 'cake',
    });
  });
});

describe('refreshing a customer after a rule is edited', () => {
  it('follows the rule as it is now, not as it was when first evaluated', async () => {
    const a = await addCustomer(db);
    await addOrder(db, { customerId: a, at: '2024-06-10T03:00:00Z', amountFen: 5000 });
    await recomputeAll(db, asOf);
    const cond = (value: number) => ({
      type: 'condition' as const,
      field: 'spend_all',
      cmp: 'gte' as const,
      value,
    });
    const tag = await saveTag(
      db,
      { nameZh: '高消费', nameEn: 'Big spender', kind: 'rule', rule: cond(4000) },
      asOf,
    );
    const members = () =>
      db.raw.prepare('SELECT customer_id FROM tag_members WHERE tag_id = ?').pluck().all(tag.id);
    await refreshCustomers(db, [a], asOf);
    expect(members()).toEqual([a]);

    // Raised to 6000 fen: the 5000 of the customer no longer reaches it.
    await saveTag(
      db,
      { id: tag.id, nameZh: '高消费', nameEn: 'Big spender', kind: 'rule', rule: cond(6000) },
      asOf,
    );
    await addOrder(db, { customerId: a, at: '2024-06-11T03:00:00Z', amountFen: 500 });
    await refreshCustomers(db, [a], asOf);
    expect(members()).toEqual([]);
  });
});
