import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDb } from '../../support/db';
import { markOlderStore } from '../../support/older-db';
import { badRow, commitRows, facts, factCounts, posLine } from '../commit/records';

let db: Awaited<ReturnType<typeof tempDb>>;
beforeEach(async () => {
  db = await tempDb();
});
afterEach(async () => {
  await db.cleanup();
});

const zoneOf = (code: string) =>
  db.raw.prepare('SELECT time_zone FROM stores WHERE code = ?').pluck().get(code);
const batches = () => db.raw.prepare('SELECT count(*) FROM import_batches').pluck().get();

/** A UK shop's file: its one store is UK1, read in London time. */
const ukFile = { facts: facts('uk.csv'), storeTimeZone: 'Europe/London' };
const ukRows = () => [
  posLine(2, 'U1', { store: { code: 'UK1' } }),
  posLine(3, 'U2', { store: { code: 'UK1' } }),
];

/** As an older version left it: the store made at the default zone, its zone unknown. */
function backToDefaultZone(code: string): void {
  markOlderStore(db.raw, code);
}

describe('a store zone corrected by a file imported again unchanged', () => {
  it('is kept although the file adds nothing new, and the summary says so', async () => {
    await commitRows(db, ukRows(), ukFile);
    backToDefaultZone('UK1');
    const before = factCounts(db);

    const again = await commitRows(db, ukRows(), ukFile);

    // Both rows are already stored (U1 and U2 from batch 1): nothing new, no batch of its
    // own; only the store moves from the default zone to the preset's.
    expect(again.status).toBe('unchanged');
    expect(again.rowsDuplicate).toBe(2);
    expect(again.batchId).toBe(1);
    expect(batches()).toBe(1);
    expect(factCounts(db)).toEqual(before);
    expect(zoneOf('UK1')).toBe('Europe/London');
    expect(again.storeZones).toEqual([
      { store: 'UK1', from: 'Asia/Shanghai', to: 'Europe/London' },
    ]);
  });

  it('is not said again once the store is in its zone', async () => {
    await commitRows(db, ukRows(), ukFile);
    backToDefaultZone('UK1');
    await commitRows(db, ukRows(), ukFile);

    const third = await commitRows(db, ukRows(), ukFile);

    expect(third.status).toBe('unchanged');
    expect(third.storeZones).toEqual([]);
    expect(zoneOf('UK1')).toBe('Europe/London');
  });

  it('is said by a file that adds new orders too', async () => {
    await commitRows(db, ukRows(), ukFile);
    backToDefaultZone('UK1');

    const more = await commitRows(db, [...ukRows(), posLine(4, 'U3', { store: { code: 'UK1' } })], {
      ...ukFile,
      facts: facts('uk-2.csv'),
    });

    // U3 is new: batch 2 commits it, and the store's correction with it.
    expect(more).toMatchObject({ status: 'committed', batchId: 2, rowsImported: 1 });
    expect(more.storeZones).toEqual([{ store: 'UK1', from: 'Asia/Shanghai', to: 'Europe/London' }]);
    expect(zoneOf('UK1')).toBe('Europe/London');
  });

  it('is not made by a refused file, which leaves the database as it was', async () => {
    await commitRows(db, ukRows(), ukFile);
    backToDefaultZone('UK1');

    const refused = await commitRows(db, [...ukRows(), badRow(4)], {
      ...ukFile,
      facts: facts('uk-bad.csv'),
    });

    expect(refused.status).toBe('failed');
    expect(refused.storeZones).toEqual([]);
    expect(zoneOf('UK1')).toBe('Asia/Shanghai');
  });
});
