import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recomputeAll } from '../../core/crm/recompute';
import { dataFile } from '../support/paths';
import { count, importThroughService, preset, tempApp } from './import-support';

// Right answers, computed with python3's csv module over the file (not by the product):
//   rows = list(csv.DictReader(open('online-retail-uci-sample.csv')))
//   len(rows) → 20000; len({r['InvoiceNo'] for r in rows}) → 9362
//   len({r['CustomerID'] for r in rows if r['CustomerID'] != 'NA'}) → 3049
//   len({r['InvoiceNo'] for r in rows if r['InvoiceNo'].startswith('C')}) → 313
//   sum(r['CustomerID'] == 'NA' for r in rows) → 5078; no invoice mixes customers.
// Order kinds, each line classified by the preset's rules (adjustment codes, then the 'C'
// prefix, then a negative quantity at price 0 a write-off, other negatives a return, else a
// sale) and each invoice by them ('C' invoices cancel as a whole; goods decide over
// postage and other adjustment lines; adjustments alone stay adjustments):
//   → 8969 sales, 313 cancellations, 48 write-offs, 32 adjustments, 0 returns;
//   55 invoices hold goods and an adjustment line (558041: 24 × 0.75 and POST 3 × 40).
//   Customers without any sale invoice → 39 (e.g. 12403); 12422's one invoice is 558041.
const file = dataFile('online-retail-uci-sample.csv');
let app: Awaited<ReturnType<typeof tempApp>>;
beforeAll(async () => {
  app = await tempApp();
});
afterAll(async () => {
  await app.cleanup();
});

describe('importing the UCI Online Retail sample', () => {
  it('commits every line as orders of 3,049 customers, with cancellations apart', async () => {
    const summary = await importThroughService(app, file, preset('uci-online-retail'));

    expect(summary).toMatchObject({
      status: 'committed',
      rowsTotal: 20000,
      rowsImported: 20000,
      rowsRejected: 0,
      customersNew: 3049,
    });
    expect(summary.orders.cancellations).toBe(313);
    expect(count(app, 'SELECT count(*) AS n FROM customers WHERE merged_into IS NULL')).toBe(3049);
    expect(count(app, 'SELECT count(*) AS n FROM orders')).toBe(9362);
    expect(count(app, "SELECT count(*) AS n FROM orders WHERE kind = 'cancellation'")).toBe(313);
    expect(
      count(
        app,
        `SELECT count(*) AS n FROM order_lines l JOIN orders o ON o.id = l.order_id
         WHERE o.customer_id IS NULL`,
      ),
    ).toBe(5078);
    expect(
      count(app, "SELECT count(*) AS n FROM orders WHERE kind = 'cancellation' AND amount_fen > 0"),
    ).toBe(0);
    expect(summary.orders).toMatchObject({
      sales: 8969,
      returns: 0,
      cancellations: 313,
      writeoffs: 48,
      adjustments: 32,
    });
    expect(
      app.ctx.db.raw
        .prepare("SELECT kind, amount_fen FROM orders WHERE external_id = '558041'")
        .get(),
    ).toEqual({ kind: 'sale', amount_fen: 13800 });
    // The preset's store keeps the shop's zone (Europe/London), in which its days were read,
    // and a customer's orders carry it, so the console shows their London times.
    expect(
      app.ctx.db.raw.prepare("SELECT time_zone FROM stores WHERE code = 'UCI-ONLINE'").get(),
    ).toEqual({ time_zone: 'Europe/London' });
    const owner = app.ctx.db.raw
      .prepare("SELECT customer_id FROM orders WHERE external_id = '558041'")
      .pluck()
      .get() as number;
    const detail = await app.handlers['customers.get']({ id: owner });
    expect(detail.orders.map((o) => o.storeTimeZone)).toContain('Europe/London');
    expect(detail.row.timeZone).toBe('Europe/London');
    const page = await app.handlers['customers.page']({
      offset: 0,
      limit: 5,
      sort: [],
      tagIds: [],
      filters: [],
    });
    expect(page.rows.map((r) => r.timeZone)).toEqual(Array(5).fill('Europe/London'));
  });

  it('changes nothing when the same file is imported again', async () => {
    const tables = ['customers', 'customer_identities', 'orders', 'order_lines', 'import_batches'];
    const snapshot = () =>
      tables.map((t) => app.ctx.db.raw.prepare(`SELECT count(*) AS n FROM ${t}`).get());
    const before = snapshot();

    const again = await importThroughService(app, file, preset('uci-online-retail'));
    expect(again).toMatchObject({ status: 'unchanged', rowsImported: 0, rowsDuplicate: 20000 });
    expect(snapshot()).toEqual(before);
    const batches = await app.handlers['imports.batches']({});
    expect(batches).toHaveLength(1);
  });

  // Customer 14911's lifetime spend in pence, with python3's csv and decimal modules over
  // the file (its lines are all goods, some in cancellation invoices with negative
  // quantities): sum(round_half_up(Decimal(r['UnitPrice']) * 100) * int(r['Quantity'])
  // for r in rows if r['CustomerID'] == '14911') → 384361; its invoices not starting with
  // 'C' → 97 sales (106 invoices, 9 cancellations).
  it('keeps a UK customer’s spend in pence, marked GBP, never pooled with yuan', async () => {
    await recomputeAll(app.ctx.db, new Date('2012-01-01T00:00:00Z'));
    const row = app.ctx.db.raw
      .prepare(
        `SELECT m.currency, m.spend_all, m.orders_all, m.other_currency_orders
         FROM customer_identities i JOIN customer_metrics m ON m.customer_id = i.customer_id
         WHERE i.kind = 'member' AND i.value = ?`,
      )
      .get('14911');
    expect(row).toEqual({
      currency: 'GBP',
      spend_all: 384361,
      orders_all: 97,
      other_currency_orders: 0,
    });
    expect(count(app, "SELECT count(*) AS n FROM customer_metrics WHERE currency <> 'GBP'")).toBe(
      0,
    );
    expect(count(app, 'SELECT count(*) AS n FROM customer_metrics WHERE orders_all = 0')).toBe(39);
  });
});
