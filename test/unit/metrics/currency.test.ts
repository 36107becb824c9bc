import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dashboardSummary } from '../../../core/crm/customers/dashboard';
import { explainTag } from '../../../core/crm/customers/explain-tag';
import { customersPage } from '../../../core/crm/customers/page';
import { exportSegment } from '../../../core/crm/segments/export';
import { recomputeAll, refreshCustomers } from '../../../core/crm/recompute';
import { rfmGrid } from '../../../core/crm/rfm/grid';
import { storedCuts } from '../../../core/crm/rfm/score';
import { countRule } from '../../../core/crm/tags/count';
import { customerQuerySchema } from '../../../core/api/customers';
import type { ConditionExplanation } from '../../../core/api/rules';
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

/** 2024-06-30 20:00 in Shanghai. */
const asOf = new Date('2024-06-30T12:00:00Z');

/**
 * The small chain: three women aged 25–35 with three orders each in June 2024.
 *   anna (yuan):  100.00 + 60.00 + 110.00 = ¥270.00 → 27000 fen, AOV 9000 fen (¥90)
 *   bea (yuan):   50.00 × 3 = ¥150.00 → 15000 fen, AOV 5000 fen (¥50)
 *   grace (GBP):  90.00 × 3 = £270.00 → 27000 pence, AOV 9000 pence (£90)
 */
async function chain() {
  const anna = await addCustomer(db, { name: 'anna', gender: 'F', birthDate: '1995-03-01' });
  const bea = await addCustomer(db, { name: 'bea', gender: 'F', birthDate: '1990-01-01' });
  const grace = await addCustomer(db, { name: 'grace', gender: 'F', birthDate: '1994-05-05' });
  for (const [day, fen] of [
    ['10', 10000],
    ['20', 6000],
    ['25', 11000],
  ] as const) {
    await addOrder(db, { customerId: anna, at: `2024-06-${day}T04:00:00Z`, amountFen: fen });
  }
  for (const day of ['15', '16', '17']) {
    await addOrder(db, { customerId: bea, at: `2024-06-${day}T04:00:00Z`, amountFen: 5000 });
  }
  for (const day of ['11', '12', '13']) {
    const at = `2024-06-${day}T04:00:00Z`;
    await addOrder(db, { customerId: grace, at, amountFen: 9000, currency: 'GBP' });
  }
  await recomputeAll(db, asOf);
  return { anna, bea, grace };
}

async function goldTagId(): Promise<number> {
  const tag = await db.k
    .selectFrom('tags')
    .select('id')
    .where('key', '=', 'gold')
    .executeTakeFirstOrThrow();
  return tag.id;
}

describe('money of customers in other currencies', () => {
  it('keeps a GBP customer’s spend, AOV and LTV in pence, marked GBP', async () => {
    const { anna, grace } = await chain();
    const g = await metricsOf(db, grace);
    expect([g?.currency, g?.spend_all, g?.aov_fen, g?.ltv_fen, g?.orders_all]).toEqual([
      'GBP',
      27000,
      9000,
      27000,
      3,
    ]);
    expect(g?.other_currency_orders).toBe(0);
    const a = await metricsOf(db, anna);
    expect([a?.currency, a?.spend_all, a?.aov_fen]).toEqual(['CNY', 27000, 9000]);
  });

  it('shows the currency on the customers grid row', async () => {
    const { grace } = await chain();
    const q = customerQuerySchema.parse({ sort: [{ column: 'id', dir: 'asc' }] });
    const page = await customersPage(db, q, asOf);
    const row = page.rows.find((r) => r.id === grace);
    expect([row?.currency, row?.spendAll, row?.otherCurrencyOrders]).toEqual(['GBP', 27000, 0]);
    expect(page.rows.filter((r) => r.currency === 'CNY')).toHaveLength(2);
  });

  it('ranks monetary scores only among customers of the same currency', async () => {
    const { anna, bea, grace } = await chain();
    // Yuan spend {15000, 27000}: the first fifth of 2 customers is 0.4, so 15000 closes
    // group 1 and 27000 group 2 → cuts [15000, 27000, 27000, 27000]; M = 1 + (cuts
    // below): bea 1, anna 2. Pounds {27000} alone: cuts [27000 ×4], grace M = 1. (Pooled
    // with yuan, 27000 would be two of three and grace would have scored 2 like anna.)
    const cuts = await storedCuts(db.k);
    expect(cuts?.monetaryFen).toEqual([15000, 27000, 27000, 27000]);
    expect(cuts?.monetaryByCurrency).toEqual({ GBP: [27000, 27000, 27000, 27000] });
    const m = await Promise.all([anna, bea, grace].map((id) => metricsOf(db, id)));
    expect(m.map((row) => row?.rfm_m)).toEqual([2, 1, 1]);
  });

  it('colours the heatmap by yuan spend only and counts the others apart', async () => {
    await chain();
    // All three: R = 5 or 4 and F = 1 or so; whatever the cell, its spend adds yuan only.
    const grid = await rfmGrid(db);
    const spend = grid.reduce((s, c) => s + c.spendFen, 0);
    const others = grid.reduce((s, c) => s + c.otherCurrencyCustomers, 0);
    const customers = grid.reduce((s, c) => s + c.customers, 0);
    expect([spend, others, customers]).toEqual([27000 + 15000, 1, 3]);
  });

  it('matches a rule on money typed in yuan only for yuan customers', async () => {
    const { anna, bea, grace } = await chain();
    const gold = await goldTagId();
    const members = await db.k
      .selectFrom('tag_members')
      .select('customer_id')
      .where('tag_id', '=', gold)
      .execute();
    // Gold: AOV ≥ 8000 fen. anna 9000 fen yes; bea 5000 no; grace 9000 pence: not compared.
    expect(members.map((m) => m.customer_id)).toEqual([anna]);
    const live = await countRule(
      db,
      { type: 'condition', field: 'spend_all', cmp: 'gte', value: 1 },
      asOf,
    );
    // spend_all ≥ 1 fen: anna and bea, not grace's pence.
    expect(live).toBe(2);
    expect(bea).not.toBe(anna);

    const why = await explainTag(db, grace, gold, asOf);
    const aov = why.rule?.children.find(
      (c): c is ConditionExplanation => c.type === 'condition' && c.field === 'aov',
    );
    expect([why.has, why.currency, aov?.customerValue, aov?.passed]).toEqual([
      false,
      'GBP',
      9000,
      false,
    ]);
  });

  it('refreshes a GBP customer after a new order as a full recompute would', async () => {
    const { grace } = await chain();
    await addOrder(db, {
      customerId: grace,
      at: '2024-06-29T04:00:00Z',
      amountFen: 9000,
      currency: 'GBP',
    });
    await refreshCustomers(db, [grace], asOf);
    const refreshed = await metricsOf(db, grace);
    // 27000 + 9000 = 36000 pence over 4 sales; above all four stored GBP cuts (27000 each)
    // → M = 1 + 4 = 5.
    expect([
      refreshed?.currency,
      refreshed?.spend_all,
      refreshed?.aov_fen,
      refreshed?.rfm_m,
    ]).toEqual(['GBP', 36000, 9000, 5]);
    await recomputeAll(db, asOf, { rfmCuts: 'stored' });
    expect(await metricsOf(db, grace)).toEqual(refreshed);
  });

  it('exports a GBP customer’s spend with its currency beside it', async () => {
    const { grace } = await chain();
    const member = await db.k
      .selectFrom('tag_members')
      .select('tag_id')
      .where('customer_id', '=', grace)
      .executeTakeFirstOrThrow();
    const file = await exportSegment(
      db,
      { tagId: member.tag_id, format: 'csv', unmaskPhones: false },
      asOf,
    );
    const text = Buffer.from(file.contentBase64, 'base64').toString('utf8');
    // 27000 pence → 270.00, in the column next to it: GBP.
    expect(text).toContain('270.00,GBP');
    expect(text.split('\r\n')[0]).toContain('币种 Currency');
  });

  it('counts dashboard sales in yuan and lists other currencies apart', async () => {
    await chain();
    const d = await dashboardSummary(db, 365, asOf);
    // Yuan: anna 27000 + bea 15000 = 42000 fen over 6 sales; grace's 3 GBP orders apart.
    // Neither has a member id or a phone: identified customers, not members.
    const identified = d.memberSalesFen + d.otherCustomerSalesFen;
    expect([d.salesFen, d.orders, identified]).toEqual([42000, 6, 42000]);
    expect(d.channelMix.reduce((s, c) => s + c.salesFen, 0)).toBe(42000);
    expect(d.otherCurrencies).toEqual([{ currency: 'GBP', orders: 3, amountMinor: 27000 }]);
    expect(d.customersInPeriod).toBe(3);
  });

  it('counts a mixed customer’s money in yuan and says how many orders were left out', async () => {
    const both = await addCustomer(db, { name: 'both' });
    const foreign = await addCustomer(db, { name: 'foreign' });
    await addOrder(db, { customerId: both, at: '2024-06-10T04:00:00Z', amountFen: 5000 });
    const gbp = { currency: 'GBP', amountFen: 9000 };
    await addOrder(db, { customerId: both, at: '2024-06-11T04:00:00Z', ...gbp });
    // No yuan: the first currency by code (EUR before GBP) holds the money.
    await addOrder(db, { customerId: foreign, at: '2024-06-12T04:00:00Z', ...gbp });
    const eur = { currency: 'EUR', amountFen: 1000 };
    await addOrder(db, { customerId: foreign, at: '2024-06-13T04:00:00Z', ...eur });
    await addOrder(db, { customerId: foreign, at: '2024-06-14T04:00:00Z', ...eur });
    await recomputeAll(db, asOf);

    // both: 2 orders (currency-free), spend ¥50.00 over its 1 yuan sale, 1 GBP order out.
    const b = await metricsOf(db, both);
    expect([
      b?.currency,
      b?.orders_all,
      b?.spend_all,
      b?.aov_fen,
      b?.other_currency_orders,
    ]).toEqual(['CNY', 2, 5000, 5000, 1]);
    // foreign: 3 orders, €10.00 + €10.00 = 2000 cents over 2 EUR sales, 1 GBP order out.
    const f = await metricsOf(db, foreign);
    expect([
      f?.currency,
      f?.orders_all,
      f?.spend_all,
      f?.aov_fen,
      f?.other_currency_orders,
    ]).toEqual(['EUR', 3, 2000, 1000, 1]);
  });
});
