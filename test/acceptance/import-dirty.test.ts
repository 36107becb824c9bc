import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportOptions } from '../../core/api/imports';
import { dataFile } from '../support/paths';
import { count, importThroughService, tempApp } from './import-support';

// The dirty sample, read by hand (20 data lines, header = line 1):
//   line 18 (536379) has Quantity 0 and line 21 (536382) has UnitPrice NA: both bad.
//   Dates are written day-first (01/12/2010 is 1 December), ISO and slashed ISO.
//   The 18 good lines hold 16 invoices (536365 has 3 lines; 536379 and 536382 are
//   the bad ones) of 3 customers (17850, 13047, 12583); 536366, 536374 and 536381
//   have no customer id, so 3 orders are anonymous.
const file = dataFile('online-retail-dirty.csv');
const uci: ImportOptions = { source: { kind: 'preset', id: 'uci-online-retail' } };
const dayFirst: ImportOptions = { ...uci, dateOrder: 'dmy' };
const facts = ['customers', 'customer_identities', 'stores', 'products', 'orders', 'order_lines'];

let app: Awaited<ReturnType<typeof tempApp>>;
beforeEach(async () => {
  app = await tempApp();
});
afterEach(async () => {
  await app.cleanup();
});

const factCounts = () => facts.map((t) => count(app, `SELECT count(*) AS n FROM ${t}`));

describe('importing the dirty sample', () => {
  it('reports every row it cannot read and writes nothing', async () => {
    const summary = await importThroughService(app, file, uci);

    expect(summary.status).toBe('failed');
    expect(summary.rowsTotal).toBe(20);
    expect(summary.rowsImported).toBe(0);
    expect(summary.rowsRejected).toBeGreaterThan(0);
    expect(factCounts()).toEqual([0, 0, 0, 0, 0, 0]);
    const listed = await app.handlers['imports.rejected']({ batchId: summary.batchId! });
    expect(new Set(listed.map((e) => e.line)).size).toBe(summary.rowsRejected);
    for (const e of listed) {
      expect(e).toMatchObject({ column: expect.any(String), value: expect.any(String) });
      expect(e.reason.length).toBeGreaterThan(0);
    }
  });

  it('with the date order chosen, rejects exactly the zero quantity and the missing price', async () => {
    const summary = await importThroughService(app, file, dayFirst);

    expect(summary).toMatchObject({ status: 'failed', rowsRejected: 2, rowsImported: 0 });
    expect(summary.rejected.map((e) => [e.line, e.column, e.value])).toEqual([
      [18, 'Quantity', '0'],
      [21, 'UnitPrice', 'NA'],
    ]);
    expect(factCounts()).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('imports the 18 good lines when the user accepts a partial import', async () => {
    const summary = await importThroughService(app, file, dayFirst, true);

    expect(summary).toMatchObject({
      status: 'partial',
      rowsImported: 18,
      rowsRejected: 2,
      customersNew: 3,
      anonymousOrders: 3,
    });
    expect(count(app, 'SELECT count(*) AS n FROM orders')).toBe(16);
    expect(count(app, 'SELECT count(*) AS n FROM order_lines')).toBe(18);
    const listed = await app.handlers['imports.rejected']({ batchId: summary.batchId! });
    expect(listed.map((e) => e.line)).toEqual([18, 21]);
  });

  it('refuses rows naming a UCI invoice stored for another customer, and lists them', async () => {
    // After the UCI sample, four dirty rows name invoices the sample stored. From the CSVs
    // with python's csv module (sample invoice → its CustomerIDs; dirty rows by line):
    //   line 6: 536367 customer 13047, stored for 13047 → more of that invoice (kept)
    //   line 8: 536369 customer 17850, stored for 13047 → another customer (refused)
    //   line 12: 536373 customer 13047, stored for 17850 → refused
    //   line 17: 536378 customer 12583, stored for 14688 → refused
    //   line 20: 536381 without a customer, stored for 15311 → kept (names nobody)
    // Lines 18 and 21 are bad as before: 5 rows refused in all, 15 written.
    await importThroughService(app, dataFile('online-retail-uci-sample.csv'), uci);
    const summary = await importThroughService(app, file, dayFirst, true);

    expect(summary).toMatchObject({ status: 'partial', rowsRejected: 5, rowsImported: 15 });
    const listed = await app.handlers['imports.rejected']({ batchId: summary.batchId! });
    const other = listed.filter((e) => e.code === 'order_other_customer');
    expect(other.map((e) => [e.line, e.value])).toEqual([
      [8, '536369'],
      [12, '536373'],
      [17, '536378'],
    ]);
    expect(other[0]!.reason).toContain('Two sources may use the same order ids in one channel');
    const owner = app.ctx.db.raw
      .prepare(
        `SELECT i.value FROM orders o JOIN customer_identities i ON i.customer_id = o.customer_id
         WHERE o.external_id = '536369' AND i.kind = 'member'`,
      )
      .pluck()
      .all();
    expect(owner).toEqual(['13047']);
  });
});
