import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDb } from '../../support/db';
import { commitRows, facts, factCounts, posLine } from '../commit/records';

/*
 * A store an import of this version makes takes that import's zone on purpose, Shanghai
 * included; only stores an older version made at the default zone (marked of unknown zone
 * by migration 20261206T1300) may be corrected by a later import in another zone. A tester
 * found a Shanghai store moved to London by the same receipts imported again under a
 * London preset, the move kept though the import added nothing.
 * By hand: file 1 (Asia/Shanghai) makes store S01 静安店 with receipts R1 and R2.
 */
let db: Awaited<ReturnType<typeof tempDb>>;
beforeEach(async () => {
  db = await tempDb();
});
afterEach(async () => {
  await db.cleanup();
});

const store = (code: string) =>
  db.raw.prepare('SELECT time_zone, time_zone_unknown FROM stores WHERE code = ?').get(code) as {
    time_zone: string;
    time_zone_unknown: number;
  };
const receipts = () => [posLine(2, 'R1'), posLine(3, 'R2')];
const shanghai = { facts: facts('pos.csv'), storeTimeZone: 'Asia/Shanghai' };

describe('a Shanghai store made by a Shanghai import', () => {
  it('is made with its zone known', async () => {
    await commitRows(db, receipts(), shanghai);
    expect(store('S01')).toEqual({ time_zone: 'Asia/Shanghai', time_zone_unknown: 0 });
  });

  it('stays in Shanghai when the same receipts come again under a London preset', async () => {
    await commitRows(db, receipts(), shanghai);
    const before = factCounts(db);

    const again = await commitRows(db, receipts(), {
      facts: facts('pos-again.csv'),
      storeTimeZone: 'Europe/London',
    });

    // R1 and R2 are stored already: nothing new, and nothing of the store changes.
    expect(again.status).toBe('unchanged');
    expect(again.storeZones).toEqual([]);
    expect(factCounts(db)).toEqual(before);
    expect(store('S01').time_zone).toBe('Asia/Shanghai');
  });

  it('stays in Shanghai when a London file adds new receipts of it', async () => {
    await commitRows(db, receipts(), shanghai);

    const more = await commitRows(db, [posLine(2, 'R3')], {
      facts: facts('uk.csv'),
      storeTimeZone: 'Europe/London',
    });

    // R3 is new: batch 2 commits it, and the store is left where its own import put it.
    expect(more).toMatchObject({ status: 'committed', batchId: 2, rowsImported: 1 });
    expect(more.storeZones).toEqual([]);
    expect(store('S01')).toEqual({ time_zone: 'Asia/Shanghai', time_zone_unknown: 0 });
  });
});
