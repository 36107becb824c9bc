import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dashboardSummary } from '../../../core/crm/customers/dashboard';
import { tempDb } from '../../support/db';
import { addCustomer, addOrder } from '../../support/crm-builders';

type TestDb = Awaited<ReturnType<typeof tempDb>>;
let db: TestDb;
const now = new Date('2024-06-30T12:00:00Z');

/*
 * The last 30 days up to 2024-06-30 (Shanghai) start on 2024-06-01. Orders, worked by hand:
 *   CNY sale ¥100 (customer), CNY sale ¥50 (anonymous)  → 2 yuan sales, ¥150
 *   CNY return −¥20                                     → no sale; sales ¥130 net
 *   GBP sale £10, GBP sale £20 (customer)               → 2 sales in pounds
 *   GBP return −£5                                      → no sale
 *   USD cancellation                                     → no sale
 *   GBP sale of 2024-03-01                               → before the period
 * So: yuan orders 2; orders in every currency 2 + 2 = 4; money tiles ¥130, yuan only.
 */
beforeEach(async () => {
  db = await tempDb();
  const a = await addCustomer(db, { name: 'a' });
  const b = await addCustomer(db, { name: 'b' });
  const at = '2024-06-20T03:00:00Z';
  await addOrder(db, { customerId: a, at, amountFen: 10_000 });
  await addOrder(db, { customerId: null, at, amountFen: 5_000 });
  await addOrder(db, { customerId: a, at, amountFen: -2_000, kind: 'return' });
  await addOrder(db, { customerId: b, at, amountFen: 1_000, currency: 'GBP' });
  await addOrder(db, { customerId: b, at, amountFen: 2_000, currency: 'GBP' });
  await addOrder(db, { customerId: b, at, amountFen: -500, currency: 'GBP', kind: 'return' });
  await addOrder(db, { customerId: b, at, amountFen: 0, currency: 'USD', kind: 'cancellation' });
  await addOrder(db, {
    customerId: b,
    at: '2024-03-01T03:00:00Z',
    amountFen: 4_000,
    currency: 'GBP',
  });
});
afterEach(async () => {
  await db.cleanup();
});

describe('the dashboard order count', () => {
  it('counts the period’s sales in every currency, the money staying yuan', async () => {
    const s = await dashboardSummary(db, 30, now);
    expect(s.ordersAllCurrencies).toBe(4);
    expect(s.orders).toBe(2);
    expect(s.salesFen).toBe(13_000);
  });

  it('counts sales in other currencies even when the period has no yuan order', async () => {
    // Before the first yuan order: only the GBP sale of 2024-03-01 is in the 120 days up to
    // 2024-03-31 (period from 2023-12-03).
    const s = await dashboardSummary(db, 120, new Date('2024-03-31T12:00:00Z'));
    expect(s.ordersAllCurrencies).toBe(1);
    expect(s.orders).toBe(0);
  });
});
