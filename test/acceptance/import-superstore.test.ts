import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataFile } from '../support/paths';
import { count, importThroughService, preset, tempApp } from './import-support';

// Right answers, computed with python3's csv module over the file (not by the product):
//   rd = csv.reader(open('superstore-orders.csv', encoding='utf-8-sig', newline=''))
//   10,194 data rows, 5,111 distinct Order IDs, 804 distinct Customer IDs.
//   Rows naming another Customer ID than the first row of their order (file lines, by
//   rd.line_num): 5012, 5013, 5014 (CA-2021-121465: HO-15233, HO-15232, HO-15231 after
//   HO-15234) and 7194, 7195, 7196 (CA-2022-130494, the same four ids). Each of the four
//   ids is on exactly two rows, those of these two orders: HO-15231 … HO-15233 are only
//   on refused rows, so the valid rows name 804 − 3 = 801 customers.
const file = dataFile('superstore-orders.csv');
let app: Awaited<ReturnType<typeof tempApp>>;
beforeAll(async () => {
  app = await tempApp();
});
afterAll(async () => {
  await app.cleanup();
});

describe('importing the Superstore orders', () => {
  it('lists the rows whose order belongs to another customer and commits nothing', async () => {
    const summary = await importThroughService(app, file, preset('superstore'));
    expect(summary).toMatchObject({ status: 'failed', rowsTotal: 10194, rowsRejected: 6 });
    expect(summary.rejected.map((e) => [e.line, e.value, e.code])).toEqual([
      [5012, 'CA-2021-121465', 'order_customers_differ'],
      [5013, 'CA-2021-121465', 'order_customers_differ'],
      [5014, 'CA-2021-121465', 'order_customers_differ'],
      [7194, 'CA-2022-130494', 'order_customers_differ'],
      [7195, 'CA-2022-130494', 'order_customers_differ'],
      [7196, 'CA-2022-130494', 'order_customers_differ'],
    ]);
    expect(count(app, 'SELECT count(*) AS n FROM orders')).toBe(0);
  });

  it('imports the valid rows when asked: every order, the lines but those six', async () => {
    const summary = await importThroughService(app, file, preset('superstore'), true);
    expect(summary).toMatchObject({
      status: 'partial',
      rowsImported: 10188,
      rowsRejected: 6,
      customersNew: 801,
    });
    expect(count(app, 'SELECT count(*) AS n FROM customers')).toBe(801);
    expect(count(app, 'SELECT count(*) AS n FROM orders')).toBe(5111);
    expect(count(app, 'SELECT count(*) AS n FROM order_lines')).toBe(10188);
    const owner = app.ctx.db.raw
      .prepare(
        `SELECT i.value FROM orders o JOIN customer_identities i ON i.customer_id = o.customer_id
         WHERE o.external_id = 'CA-2021-121465'`,
      )
      .pluck()
      .get();
    expect(owner).toBe('HO-15234');
  });
});
