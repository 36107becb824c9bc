import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listBatches } from '../../../core/crm/import/batch-store';
import { tempDb } from '../../support/db';
import { badRow, commitRows, facts, posLine } from '../commit/records';

let db: Awaited<ReturnType<typeof tempDb>>;
beforeEach(async () => {
  db = await tempDb();
});
afterEach(async () => {
  await db.cleanup();
});

const file = (name: string) => ({ facts: facts(name) });

describe('the numbers of import batches', () => {
  it('give a refused file a number of its own, shown as refused in the history', async () => {
    await commitRows(db, [posLine(2, 'R1')], file('a.csv'));
    const refused = await commitRows(db, [posLine(2, 'R2'), badRow(3)], file('b.csv'));
    const next = await commitRows(db, [posLine(2, 'R3')], file('c.csv'));

    // a.csv is batch 1; b.csv is refused and kept as batch 2 with its rejected row (so
    // that it can be listed and saved); c.csv is therefore batch 3, one after the other.
    expect(refused).toMatchObject({ status: 'failed', batchId: 2 });
    expect(next).toMatchObject({ status: 'committed', batchId: 3 });
    const history = await listBatches(db);
    expect(history.map((b) => [b.id, b.fileName, b.status])).toEqual([
      [3, 'c.csv', 'committed'],
      [2, 'b.csv', 'failed'],
      [1, 'a.csv', 'committed'],
    ]);
    // b.csv's valid row R2 was rolled back: its history says it imported none.
    expect(history[1]).toMatchObject({ rowsTotal: 2, rowsImported: 0, rowsRejected: 1 });
    expect(
      db.raw.prepare("SELECT count(*) FROM orders WHERE external_id = 'R2'").pluck().get(),
    ).toBe(0);
  });

  it('take no number for a file imported again unchanged, or for a cancelled one', async () => {
    await commitRows(db, [posLine(2, 'R1')], file('a.csv'));
    const again = await commitRows(db, [posLine(2, 'R1')], file('a.csv'));
    const cancel = new AbortController();
    cancel.abort();
    const cancelled = await commitRows(db, [posLine(2, 'R9')], {
      ...file('d.csv'),
      signal: cancel.signal,
    });
    const next = await commitRows(db, [posLine(2, 'R3')], file('c.csv'));

    // Both opened a batch row inside their transaction and rolled it back: the ids are
    // rowids without AUTOINCREMENT, so the next committed file is batch 2, right after 1.
    expect(again).toMatchObject({ status: 'unchanged', batchId: 1 });
    expect(cancelled).toMatchObject({ status: 'cancelled', batchId: null });
    expect(next.batchId).toBe(2);
    expect((await listBatches(db)).map((b) => b.id)).toEqual([2, 1]);
  });
});
