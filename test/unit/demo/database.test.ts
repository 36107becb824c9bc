import { afterEach, describe, expect, it } from 'vitest';
import { createDemoDatabase, demoMark } from '../../../core/demo/create';
import { demoResetHandler } from '../../../core/demo/reset';
import type { ServiceContext } from '../../../core/service/context';
import { FileRegistry } from '../../../core/service/files';
import { JobRunner } from '../../../core/service/jobs';
import { setLogLevel } from '../../../core/shared/log';
import { tempDb } from '../../support/db';

setLogLevel('warn');
const asOf = new Date('2026-11-30T12:00:00Z');
// Small, but long enough (15 months) for customers to have gone a year without an order.
const size = { customers: 1200, days: 456, orderLines: 8000 };

type TestDb = Awaited<ReturnType<typeof tempDb>>;
const open: TestDb[] = [];
afterEach(async () => {
  for (const db of open.splice(0)) await db.cleanup();
});

async function freshDb(): Promise<TestDb> {
  const db = await tempDb();
  open.push(db);
  return db;
}

function contextFor(db: TestDb): ServiceContext {
  return {
    db,
    now: () => asOf,
    jobs: new JobRunner(),
    files: new FileRegistry(),
    host: 'cli',
    version: 'test',
  };
}

function count(db: TestDb, table: 'orders' | 'customers' | 'order_lines'): number {
  const sql = {
    orders: 'SELECT count(*) AS n FROM orders',
    customers: 'SELECT count(*) AS n FROM customers',
    order_lines: 'SELECT count(*) AS n FROM order_lines',
  }[table];
  return (db.raw.prepare(sql).get() as { n: number }).n;
}

describe('the demo database', () => {
  it('passes through the importer and shows every lifecycle stage after the recompute', async () => {
    const db = await freshDb();
    const summary = await createDemoDatabase(db, { asOf, seed: 1, size });

    expect(count(db, 'order_lines')).toBe(summary.orderLines);
    const batches = db.raw.prepare('SELECT count(*) AS n FROM import_batches').get() as {
      n: number;
    };
    expect(batches.n).toBe(summary.batches);
    const stages = db.raw
      .prepare('SELECT DISTINCT lifecycle FROM customer_metrics')
      .all()
      .map((r) => (r as { lifecycle: string }).lifecycle);
    expect(stages).toEqual(expect.arrayContaining(['new', 'active', 'repeat', 'sleeping', 'lost']));
    expect(await demoMark(db)).toMatchObject({ seed: 1, asOf: asOf.toISOString() });

    // Delivery rows that show a full phone join platform-only customers to members.
    const merges = db.raw.prepare('SELECT count(*) AS n FROM customer_merges').get() as {
      n: number;
    };
    expect(merges.n).toBeGreaterThan(0);
    const stores = db.raw
      .prepare(
        'SELECT count(*) AS n FROM stores WHERE city IS NOT NULL AND district_kind IS NOT NULL',
      )
      .get() as { n: number };
    expect(stores.n).toBe(12);
  });

  it('refuses to reset a database that is not marked as the demo, and deletes nothing', async () => {
    const db = await freshDb();
    db.raw.prepare("INSERT INTO customers (name, created_at) VALUES ('张三', 0)").run();

    const reset = demoResetHandler(contextFor(db));
    await expect(reset()).rejects.toMatchObject({ code: 'demo.not_demo' });
    expect(count(db, 'customers')).toBe(1);
  });

  it('refuses to write the demo into a database that holds real orders', async () => {
    const db = await freshDb();
    db.raw
      .prepare(
        `INSERT INTO import_batches (file_name, content_hash, source, encoding, status, started_at)
         VALUES ('pos.csv', 'x', 'pos-standard', 'utf-8', 'committed', 0)`,
      )
      .run();
    db.raw
      .prepare(
        `INSERT INTO orders (channel, external_id, kind, ordered_at, business_day, amount_fen,
           batch_id) VALUES ('pos', 'A1', 'sale', 0, '1970-01-01', 100, 1)`,
      )
      .run();

    await expect(createDemoDatabase(db, { asOf, size })).rejects.toMatchObject({
      code: 'demo.not_empty',
    });
    expect(count(db, 'orders')).toBe(1);
  });

  it('resets the demo to the same chain when the clock has not moved', async () => {
    const db = await freshDb();
    await createDemoDatabase(db, { asOf, seed: 2, size });
    const before = { orders: count(db, 'orders'), lines: count(db, 'order_lines') };
    db.raw.prepare("INSERT INTO customers (name, created_at) VALUES ('手工录入', 0)").run();

    const ctx = contextFor(db);
    const started = await demoResetHandler(ctx)();
    const done = await ctx.jobs.wait(started.id, undefined, 50);

    expect(done.state).toBe('done');
    expect({ orders: count(db, 'orders'), lines: count(db, 'order_lines') }).toEqual(before);
    const manual = db.raw.prepare("SELECT count(*) AS n FROM customers WHERE name = '手工录入'");
    expect((manual.get() as { n: number }).n).toBe(0);
  });
});
