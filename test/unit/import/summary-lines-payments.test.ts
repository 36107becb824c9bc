import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, importThroughService, preset, tempApp } from '../../acceptance/import-support';

// Olist's four tables, cut down by hand: two buyers, two orders (o1, o2), three items
// (two of o1, one of o2) and three payments (o1 paid in two parts, o2 in one).
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roc-summary-added-'));
const files = {
  customers: [
    'customer_id,customer_unique_id,customer_zip_code_prefix,customer_city,customer_state',
    'c1,u1,1000,sao paulo,SP',
    'c2,u2,2000,rio de janeiro,RJ',
  ],
  orders: [
    'order_id,customer_id,order_status,order_purchase_timestamp,order_approved_at,' +
      'order_delivered_carrier_date,order_delivered_customer_date,order_estimated_delivery_date',
    'o1,c1,delivered,2018-03-27 18:00:43,,,,',
    'o2,c2,delivered,2018-05-12 01:47:21,,,,',
  ],
  items: [
    'order_id,order_item_id,product_id,seller_id,shipping_limit_date,price,freight_value',
    'o1,1,p1,s1,2018-03-30 10:00:00,10.00,1.00',
    'o1,2,p2,s1,2018-03-30 10:00:00,20.00,1.00',
    'o2,1,p1,s1,2018-05-15 10:00:00,10.00,1.00',
  ],
  payments: [
    'order_id,payment_sequential,payment_type,payment_installments,payment_value',
    'o1,1,credit_card,1,15.00',
    'o1,2,voucher,1,17.00',
    'o2,1,boleto,1,11.00',
  ],
};
const file = (name: keyof typeof files) => {
  const at = path.join(dir, `${name}.csv`);
  fs.writeFileSync(at, files[name].join('\n') + '\n');
  return at;
};

let app: Awaited<ReturnType<typeof tempApp>>;
beforeAll(async () => {
  app = await tempApp();
});
afterAll(async () => {
  await app.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the summary of an Olist items or payments file says what it added', () => {
  it('counts the lines added to orders already there and the payments recorded', async () => {
    await importThroughService(app, file('customers'), preset('olist-customers'));
    await importThroughService(app, file('orders'), preset('olist-orders'));

    const items = await importThroughService(app, file('items'), preset('olist-order-items'));
    // Three item rows, each a line of an order the orders file brought.
    expect(items).toMatchObject({
      status: 'committed',
      rowsImported: 3,
      linesAdded: 3,
      linesToEarlierOrders: 3,
      paymentsRecorded: 0,
    });
    expect(items.orders.sales).toBe(0);
    expect(count(app, 'SELECT count(*) AS n FROM order_lines')).toBe(3);

    const payments = await importThroughService(app, file('payments'), preset('olist-payments'));
    expect(payments).toMatchObject({
      status: 'committed',
      rowsImported: 3,
      linesAdded: 0,
      paymentsRecorded: 3,
    });
    expect(count(app, 'SELECT count(*) AS n FROM order_payments')).toBe(3);
  });

  it('counts nothing added when the same files come again', async () => {
    const items = await importThroughService(app, file('items'), preset('olist-order-items'));
    const payments = await importThroughService(app, file('payments'), preset('olist-payments'));
    expect(items).toMatchObject({ linesAdded: 0, linesToEarlierOrders: 0, paymentsRecorded: 0 });
    expect(payments).toMatchObject({ linesAdded: 0, paymentsRecorded: 0 });
  });

  it('counts no lines or payments for a customers file', async () => {
    const customers = await importThroughService(app, file('customers'), preset('olist-customers'));
    expect(customers).toMatchObject({ linesAdded: 0, paymentsRecorded: 0 });
  });
});
