import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardSummary } from '../../../core/api/dashboard';
import { recomputeAll } from '../../../core/crm/recompute';
import type { Db } from '../../../core/db/open';
import { dispatch } from '../../../core/service/dispatch';
import { openApp } from '../../../core/service/index';
import type { App } from '../../../core/service/index';
import { addCustomer, addIdentity, addOrder, addStore } from '../../support/crm-builders';

let app: App;
let dir = '';
const store = { s01: 0, s02: 0, s03: 0 };

/*
 * A small chain, worked by hand. Now is 2024-06-30 12:00 UTC (20:00 in Shanghai); every
 * order is at 03:00 UTC (11:00 in Shanghai, the same business day). 30 days start on
 * 2024-06-01, 365 days on 2023-07-02. Stores: S01 城东店, S02 城西店, S03 (no orders).
 *
 *   ann  member id   S01 pos sale 10000 (06-10), S02 pos sale 4000 (06-12)
 *   bob  phone       S01 mini-program sale 6000 (06-15), its return -1000 (06-16)
 *   cat  platform id S01 delivery sale 3000 (06-20)
 *   dan  masked phone S02 delivery sale 2500 (06-21), S02 GBP sale 9000 pence (06-25)
 *   eve  e-mail only S01 pos sale 1500 (2024-03-01)
 *   fay  member id   no store: mini-program sale 2000 (06-24)
 *   gus  member id   S01 pos sale 5000 (2023-01-10)
 *   hal  member id   S01 pos sales 1000 (05-01) and 1000 (05-20)
 *   anonymous        S01 pos sale 800 (06-22); no store: mini-program sale 700 (06-23)
 *
 * Members are ann, bob, fay, gus and hal (a member id or a whole phone); cat, dan and eve
 * are identified customers only.
 */
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roc-dash-stores-'));
  app = await openApp({ file: path.join(dir, 'console.db'), host: 'cli', version: 'test' });
  const db = app.ctx.db;
  store.s02 = await addStore(db, 'S02', '城西店');
  store.s01 = await addStore(db, 'S01', '城东店');
  store.s03 = await addStore(db, 'S03', '新店');
  await buildChain(db);
  const clock = await dispatch(app.handlers, 'settings.setClock', {
    now: '2024-06-30T12:00:00Z',
  });
  if (!clock.ok) throw new Error(clock.error.message);
  await recomputeAll(db, new Date('2024-06-30T12:00:00Z'));
});

afterAll(async () => {
  await app.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function platformId(db: Db, customerId: number, value: string): Promise<void> {
  await db.k
    .insertInto('customer_identities')
    .values({ customer_id: customerId, kind: 'platform', value, source: 'test', created_at: 0 })
    .execute();
}

async function buildChain(db: Db): Promise<void> {
  const at = (day: string) => `${day}T03:00:00Z`;
  const ann = await addCustomer(db, { name: 'ann' });
  await addIdentity(db, ann, 'member', 'M001');
  await addOrder(db, {
    customerId: ann,
    at: at('2024-06-10'),
    amountFen: 10000,
    storeId: store.s01,
  });
  await addOrder(db, {
    customerId: ann,
    at: at('2024-06-12'),
    amountFen: 4000,
    storeId: store.s02,
  });

  const bob = await addCustomer(db, { name: 'bob' });
  await addIdentity(db, bob, 'phone', '+8613800001111');
  const mini = { channel: 'miniprogram', storeId: store.s01 };
  await addOrder(db, { customerId: bob, at: at('2024-06-15'), amountFen: 6000, ...mini });
  await addOrder(db, {
    customerId: bob,
    at: at('2024-06-16'),
    amountFen: -1000,
    kind: 'return',
    ...mini,
  });

  const cat = await addCustomer(db, { name: 'cat' });
  await platformId(db, cat, 'mt_555');
  const delivery = (storeId: number) => ({ channel: 'delivery', storeId });
  await addOrder(db, {
    customerId: cat,
    at: at('2024-06-20'),
    amountFen: 3000,
    ...delivery(store.s01),
  });

  const dan = await addCustomer(db, { name: 'dan' });
  await addIdentity(db, dan, 'masked_phone', '138****2222');
  await addOrder(db, {
    customerId: dan,
    at: at('2024-06-21'),
    amountFen: 2500,
    ...delivery(store.s02),
  });
  const gbp = { currency: 'GBP', storeId: store.s02 };
  await addOrder(db, { customerId: dan, at: at('2024-06-25'), amountFen: 9000, ...gbp });

  const eve = await addCustomer(db, { name: 'eve' });
  await addIdentity(db, eve, 'email', 'eve@example.cn');
  await addOrder(db, {
    customerId: eve,
    at: at('2024-03-01'),
    amountFen: 1500,
    storeId: store.s01,
  });

  const fay = await addCustomer(db, { name: 'fay' });
  await addIdentity(db, fay, 'member', 'M006');
  await addOrder(db, {
    customerId: fay,
    at: at('2024-06-24'),
    amountFen: 2000,
    channel: 'miniprogram',
  });

  const gus = await addCustomer(db, { name: 'gus' });
  await addIdentity(db, gus, 'member', 'M007');
  await addOrder(db, {
    customerId: gus,
    at: at('2023-01-10'),
    amountFen: 5000,
    storeId: store.s01,
  });

  const hal = await addCustomer(db, { name: 'hal' });
  await addIdentity(db, hal, 'member', 'M008');
  await addOrder(db, {
    customerId: hal,
    at: at('2024-05-01'),
    amountFen: 1000,
    storeId: store.s01,
  });
  await addOrder(db, {
    customerId: hal,
    at: at('2024-05-20'),
    amountFen: 1000,
    storeId: store.s01,
  });

  await addOrder(db, {
    customerId: null,
    at: at('2024-06-22'),
    amountFen: 800,
    storeId: store.s01,
  });
  await addOrder(db, {
    customerId: null,
    at: at('2024-06-23'),
    amountFen: 700,
    channel: 'miniprogram',
  });
}

async function summary(days: number, storeIds: number[] = []): Promise<DashboardSummary> {
  const result = await dispatch(app.handlers, 'dashboard.summary', { days, storeIds });
  if (!result.ok) throw new Error(result.error.message);
  return result.value as DashboardSummary;
}

describe('the dashboard for one store', () => {
  it('counts only the orders of that store', async () => {
    const s = await summary(30, [store.s01]);
    // S01 in June: ann 10000 + bob 6000 - 1000 + cat 3000 + anonymous 800 = 18800 fen,
    // over 4 sales (the return is no sale); fay's and the anonymous online orders have no
    // store and count for none.
    expect([s.salesFen, s.orders, s.ordersAllCurrencies]).toEqual([18800, 4, 4]);
    expect(s.channelMix).toEqual([
      { channel: 'pos', orders: 2, salesFen: 10800 },
      { channel: 'miniprogram', orders: 1, salesFen: 5000 },
      { channel: 'delivery', orders: 1, salesFen: 3000 },
    ]);
    expect(s.salesByMonth).toEqual([
      { month: '2024-06', channel: 'delivery', salesFen: 3000 },
      { month: '2024-06', channel: 'miniprogram', salesFen: 5000 },
      { month: '2024-06', channel: 'pos', salesFen: 10800 },
    ]);
    expect(s.storeIds).toEqual([store.s01]);
  });

  it('counts a customer for a store when they bought there in the period', async () => {
    // S01 in June: ann, bob, cat. S02: ann and dan (dan's GBP sale is a purchase too).
    expect((await summary(30, [store.s01])).customersInPeriod).toBe(3);
    expect((await summary(30, [store.s02])).customersInPeriod).toBe(2);
    // S01 over 365 days adds eve (March) and hal (May); gus (2023-01) is before it.
    expect((await summary(365, [store.s01])).customersInPeriod).toBe(5);
  });

  it('splits the store’s sales between members, other customers and anonymous buyers', async () => {
    const june = await summary(30, [store.s01]);
    // Members ann 10000 + bob 5000; cat (platform id only) 3000; anonymous 800.
    expect([june.memberSalesFen, june.otherCustomerSalesFen, june.anonymousSalesFen]).toEqual([
      15000, 3000, 800,
    ]);
    const year = await summary(365, [store.s01]);
    // Adds hal 1000 + 1000 (member) and eve 1500 (e-mail only): 17000, 4500, 800 = 22300.
    expect([year.memberSalesFen, year.otherCustomerSalesFen, year.anonymousSalesFen]).toEqual([
      17000, 4500, 800,
    ]);
    expect(year.salesFen).toBe(22300);
  });

  it('names only the store’s orders in other currencies and its newest order', async () => {
    const s01 = await summary(30, [store.s01]);
    const s02 = await summary(30, [store.s02]);
    expect(s01.otherCurrencies).toEqual([]);
    expect(s02.otherCurrencies).toEqual([{ currency: 'GBP', orders: 1, amountMinor: 9000 }]);
    // S02: ann 4000 + dan 2500 in yuan over 2 sales, 3 sales in any currency.
    expect([s02.salesFen, s02.orders, s02.ordersAllCurrencies]).toEqual([6500, 2, 3]);
    // S01's newest is the anonymous sale of 06-22; S02's the GBP sale of 06-25.
    expect([s01.latestOrderDay, s02.latestOrderDay]).toEqual(['2024-06-22', '2024-06-25']);
  });

  it('shows the store’s customers by lifecycle stage, whenever they bought there', async () => {
    // Defaults: new = first order after 05-31, active/repeat = last after 04-01, sleeping =
    // last after 2023-06-30, else lost. S01's buyers: ann, bob, cat (first order in June:
    // new), hal (05-01 and 05-20: repeat), eve (03-01: sleeping), gus (2023-01-10: lost).
    const s = await summary(30, [store.s01]);
    expect(s.customers).toBe(6);
    expect(s.lifecycle).toEqual([
      { stage: 'new', customers: 3 },
      { stage: 'repeat', customers: 1 },
      { stage: 'sleeping', customers: 1 },
      { stage: 'lost', customers: 1 },
    ]);
    // S03 never sold anything.
    const empty = await summary(30, [store.s03]);
    expect([empty.customers, empty.lifecycle, empty.channelMix]).toEqual([0, [], []]);
    expect(empty.latestOrderDay).toBeNull();
  });
});

describe('the dashboard for several stores or the whole chain', () => {
  it('adds the stores picked, counting a customer of both once', async () => {
    const s = await summary(30, [store.s01, store.s02]);
    // 18800 + 6500 = 25300 over 4 + 2 sales; ann bought at both: ann, bob, cat, dan = 4.
    expect([s.salesFen, s.orders, s.customersInPeriod]).toEqual([25300, 6, 4]);
    // Ever bought at S01 or S02: the 6 of S01 and dan.
    expect(s.customers).toBe(7);
  });

  it('counts every order of the chain when no store is picked', async () => {
    const s = await summary(30);
    // 18800 + 6500 + fay 2000 + anonymous online 700 = 28000; members ann 14000,
    // bob 5000, fay 2000 = 21000; cat 3000 + dan 2500 = 5500; anonymous 800 + 700 = 1500.
    expect(s.salesFen).toBe(28000);
    expect([s.memberSalesFen, s.otherCustomerSalesFen, s.anonymousSalesFen]).toEqual([
      21000, 5500, 1500,
    ]);
    // ann, bob, cat, dan, fay; every customer of the chain: those and eve, gus, hal.
    expect([s.customersInPeriod, s.customers]).toEqual([5, 8]);
    expect(s.storeIds).toEqual([]);
  });
});

describe('the store picker', () => {
  it('refuses a store id that is not a whole positive number', async () => {
    const result = await dispatch(app.handlers, 'dashboard.summary', {
      days: 30,
      storeIds: [-1],
    });
    expect(result.ok).toBe(false);
  });
});
