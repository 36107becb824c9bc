import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataFile } from '../support/paths';
import { count, importThroughService, preset, tempApp } from './import-support';

// Right answers, computed with python3's csv module over the four files:
//   cust = {r['customer_id']: r['customer_unique_id'] for r in DictReader(customers.csv)}
//   orders = list(DictReader(orders.csv)); len(orders) → 10000
//   len({cust[o['customer_id']] for o in orders}) → 9957 (every customer_id is known)
//   items: 11513 rows, payments: 10415 rows, all of known orders
//   per order: sum(float(price)) over its items, summed over all orders, in cents:
//   round(sum(float(i['price']) for i in items) * 100) → itemsCents below
const itemsCents = 138960203;
let app: Awaited<ReturnType<typeof tempApp>>;
beforeAll(async () => {
  app = await tempApp();
});
afterAll(async () => {
  await app.cleanup();
});

describe('importing the Olist tables', () => {
  it('makes one customer per customer_unique_id and hangs orders, items and payments on them', async () => {
    const customers = await importThroughService(
      app,
      dataFile('olist', 'customers.csv'),
      preset('olist-customers'),
    );
    expect(customers).toMatchObject({
      status: 'committed',
      rowsImported: 10000,
      customersNew: 9957,
    });

    const orders = await importThroughService(
      app,
      dataFile('olist', 'orders.csv'),
      preset('olist-orders'),
    );
    expect(orders).toMatchObject({ status: 'committed', rowsImported: 10000, customersNew: 0 });
    expect(orders.customersMatched).toBe(9957);

    const items = await importThroughService(
      app,
      dataFile('olist', 'order_items.csv'),
      preset('olist-order-items'),
    );
    expect(items).toMatchObject({ status: 'committed', rowsImported: 11513 });
    const payments = await importThroughService(
      app,
      dataFile('olist', 'order_payments.csv'),
      preset('olist-payments'),
    );
    expect(payments).toMatchObject({ status: 'committed', rowsImported: 10415 });

    expect(count(app, 'SELECT count(*) AS n FROM customers WHERE merged_into IS NULL')).toBe(9957);
    expect(count(app, 'SELECT count(DISTINCT customer_id) AS n FROM orders')).toBe(9957);
    expect(count(app, 'SELECT count(*) AS n FROM orders WHERE customer_id IS NULL')).toBe(0);
    expect(count(app, 'SELECT count(*) AS n FROM order_lines')).toBe(11513);
    expect(count(app, 'SELECT count(*) AS n FROM order_payments')).toBe(10415);
    expect(count(app, 'SELECT sum(amount_fen) AS n FROM orders')).toBe(itemsCents);
  });
});
