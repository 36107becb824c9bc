import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DashboardSummary } from '../../../core/api/dashboard';
import { dispatch } from '../../../core/service/dispatch';
import { openApp } from '../../../core/service/index';
import type { App } from '../../../core/service/index';
import { addCustomer, addOrder } from '../../support/crm-builders';

let app: App;
let dir = '';

/*
 * Now is 2024-06-30 20:00 in Shanghai (12:00 UTC), business day 2024-06-30. The periods
 * start on (worked by hand, the day itself counted): 30 days → 2024-06-01,
 * 90 days → 2024-04-02, 365 days → 2023-07-02.
 *
 *   a  sale 2024-06-25                                  → 30, 90, 365
 *   g  sale 2024-05-31 16:30 UTC = 06-01 00:30 Shanghai → 30, 90, 365 (first day of 30)
 *   h  sale 2024-05-31 15:30 UTC = 05-31 23:30 Shanghai → 90, 365 (the day before)
 *   b  sale 2024-04-15                                  → 90, 365
 *   c  two sales 2023-09-01 and 2023-10-01              → 365, counted once
 *   d  a return 2024-06-20 and a sale in 2022           → none (a return is no purchase)
 *   e  sale 2024-06-30 13:00 UTC, after now             → none
 *   one anonymous sale 2024-06-28                        → none (no customer)
 *   f  merged into a, no orders of its own              → none
 *
 * So: 30 days → a, g = 2; 90 days → a, g, h, b = 4; 365 days → a, g, h, b, c = 5.
 * The chain's customers (not merged): a, b, c, d, e, g, h = 7 whatever the period.
 */
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roc-dash-'));
  app = await openApp({ file: path.join(dir, 'console.db'), host: 'cli', version: 'test' });
  const db = app.ctx.db;
  const sale = (customerId: number | null, at: string) =>
    addOrder(db, { customerId, at, amountFen: 1000 });

  const a = await addCustomer(db, { name: 'a' });
  await sale(a, '2024-06-25T03:00:00Z');
  await sale(await addCustomer(db, { name: 'g' }), '2024-05-31T16:30:00Z');
  await sale(await addCustomer(db, { name: 'h' }), '2024-05-31T15:30:00Z');
  await sale(await addCustomer(db, { name: 'b' }), '2024-04-15T03:00:00Z');
  const c = await addCustomer(db, { name: 'c' });
  await sale(c, '2023-09-01T03:00:00Z');
  await sale(c, '2023-10-01T03:00:00Z');
  const d = await addCustomer(db, { name: 'd' });
  await addOrder(db, {
    customerId: d,
    at: '2024-06-20T03:00:00Z',
    amountFen: -500,
    kind: 'return',
  });
  await sale(d, '2022-03-01T03:00:00Z');
  await sale(await addCustomer(db, { name: 'e' }), '2024-06-30T13:00:00Z');
  await sale(null, '2024-06-28T03:00:00Z');
  await addCustomer(db, { name: 'f', mergedInto: a });

  const clock = await dispatch(app.handlers, 'settings.setClock', {
    now: '2024-06-30T12:00:00Z',
  });
  if (!clock.ok) throw new Error(clock.error.message);
});

afterAll(async () => {
  await app.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function summary(days: number): Promise<DashboardSummary> {
  const result = await dispatch(app.handlers, 'dashboard.summary', { days });
  if (!result.ok) throw new Error(result.error.message);
  return result.value as DashboardSummary;
}

describe('the dashboard customer count', () => {
  it('counts the customers who bought in the chosen period', async () => {
    expect((await summary(30)).customersInPeriod).toBe(2);
    expect((await summary(90)).customersInPeriod).toBe(4);
    expect((await summary(365)).customersInPeriod).toBe(5);
  });

  it('keeps the whole chain’s customer count beside it, whatever the period', async () => {
    expect((await summary(30)).customers).toBe(7);
    expect((await summary(365)).customers).toBe(7);
  });
});

describe('the newest order beside an empty period', () => {
  it('is the newest order up to now, whatever the period', async () => {
    // Orders up to now (2024-06-30 12:00 UTC): the newest is the anonymous sale of
    // 2024-06-28 03:00 UTC (11:00 in Shanghai, business day 06-28); e's sale at 13:00 UTC
    // is after now and does not count.
    expect((await summary(30)).latestOrderDay).toBe('2024-06-28');
    expect((await summary(365)).latestOrderDay).toBe('2024-06-28');
  });

  it('points to the history when the clock is years after it', async () => {
    const later = await dispatch(app.handlers, 'settings.setClock', {
      now: '2027-03-01T04:00:00Z',
    });
    if (!later.ok) throw new Error(later.error.message);
    try {
      // The last 365 days up to 2027-03-01 start on 2026-03-02: no order in them. The
      // newest order up to now is e's, 2024-06-30 13:00 UTC = 21:00 in Shanghai.
      const s = await summary(365);
      expect(s.channelMix).toEqual([]);
      expect(s.otherCurrencies).toEqual([]);
      expect(s.latestOrderDay).toBe('2024-06-30');
    } finally {
      // Back to the clock the other tests of this file were worked for.
      await dispatch(app.handlers, 'settings.setClock', { now: '2024-06-30T12:00:00Z' });
    }
  });
});
