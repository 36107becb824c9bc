import { describe, expect, it } from 'vitest';
import { importInWorker } from '../../../core/crm/import/worker-host';
import { openDb } from '../../../core/db/open';
import { dataFile } from '../../support/paths';

describe('importing into an in-memory database', () => {
  it('runs on the calling thread, since a worker could not open the same database', async () => {
    const db = await openDb({ file: ':memory:' });
    const progress: number[] = [];
    const summary = await importInWorker(
      db,
      dataFile('online-retail-dirty.csv'),
      'online-retail-dirty.csv',
      { source: { kind: 'preset', id: 'uci-online-retail' }, dateOrder: 'dmy' },
      true,
      { at: new Date('2026-12-04T08:00:00Z'), onProgress: (n) => progress.push(n) },
    );
    // 20 data lines, 2 of them bad (see test/acceptance/import-dirty.test.ts).
    expect(summary).toMatchObject({ status: 'partial', rowsImported: 18, rowsRejected: 2 });
    expect(progress.at(-1)).toBe(20);
    await db.close();
  });
});
