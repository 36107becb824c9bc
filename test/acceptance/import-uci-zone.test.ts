import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markOlderStore } from '../support/older-db';
import { dataFile } from '../support/paths';
import { count, importThroughService, preset, tempApp } from './import-support';

// The UCI preset names one store, UCI-ONLINE, in Europe/London (resources/presets/
// uci-online-retail.json: defaultStore, timeZone). An older version made that store at the
// default zone, Asia/Shanghai (marked of unknown zone by migration 20261206T1300); importing the same file again adds nothing (its 9,362
// invoices are all stored) but corrects the store, which is kept.
const file = dataFile('online-retail-uci-sample.csv');
let app: Awaited<ReturnType<typeof tempApp>>;
beforeAll(async () => {
  app = await tempApp();
});
afterAll(async () => {
  await app.cleanup();
});

const zone = () =>
  app.ctx.db.raw
    .prepare("SELECT time_zone FROM stores WHERE code = 'UCI-ONLINE'")
    .pluck()
    .get() as string;

describe('the UCI sample imported again into a database of an older version', () => {
  it("puts its store back in London's zone although nothing else changes", async () => {
    await importThroughService(app, file, preset('uci-online-retail'));
    markOlderStore(app.ctx.db.raw, 'UCI-ONLINE');
    expect(zone()).toBe('Asia/Shanghai');

    const again = await importThroughService(app, file, preset('uci-online-retail'));

    expect(again).toMatchObject({ status: 'unchanged', batchId: 1, rowsImported: 0 });
    expect(again.storeZones).toEqual([
      { store: 'UCI-ONLINE', from: 'Asia/Shanghai', to: 'Europe/London' },
    ]);
    expect(zone()).toBe('Europe/London');
    expect(count(app, 'SELECT count(*) AS n FROM import_batches')).toBe(1);
    expect(count(app, 'SELECT count(*) AS n FROM orders')).toBe(9362);
  });
});
