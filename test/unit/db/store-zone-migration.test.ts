import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from '../../../core/db/open';
import type { Db } from '../../../core/db/open';
import { olderDatabase } from '../../support/older-db';
import { commitRows, facts, posLine } from '../commit/records';

const dirs: string[] = [];
const dbs: Db[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.close();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/*
 * Before migration 20261206T1300 a store at Asia/Shanghai may have been made there by an
 * older version whatever its shop's zone: the migration marks those of unknown zone. A
 * store in another zone was put there on purpose and stays known. By hand: S01 at the
 * default zone and UK1 in London, as the earlier version left them.
 */
async function older(): Promise<Db> {
  const { file, dir } = await olderDatabase(
    '20261206T1300',
    `INSERT INTO stores (code, name, time_zone) VALUES ('S01', '静安店', 'Asia/Shanghai');
     INSERT INTO stores (code, name, time_zone) VALUES ('UK1', 'UK shop', 'Europe/London');`,
  );
  dirs.push(dir);
  const db = await openDb({ file });
  dbs.push(db);
  return db;
}

const zones = (db: Db) =>
  db.raw.prepare('SELECT code, time_zone, time_zone_unknown FROM stores ORDER BY code').all();

describe('stores of unknown zone (migration 20261206T1300)', () => {
  it('marks the stores at the default zone unknown and the others known', async () => {
    const db = await older();
    expect(zones(db)).toEqual([
      { code: 'S01', time_zone: 'Asia/Shanghai', time_zone_unknown: 1 },
      { code: 'UK1', time_zone: 'Europe/London', time_zone_unknown: 0 },
    ]);
  });

  it('lets the first import in another zone correct such a store, once', async () => {
    const db = await older();
    const london = { facts: facts('uk.csv'), storeTimeZone: 'Europe/London' };

    const first = await commitRows(db, [posLine(2, 'R1')], london);

    expect(first.storeZones).toEqual([
      { store: 'S01', from: 'Asia/Shanghai', to: 'Europe/London' },
    ]);
    expect(zones(db)[0]).toEqual({ code: 'S01', time_zone: 'Europe/London', time_zone_unknown: 0 });

    // Known now: a later file in yet another zone does not move it again.
    const tokyo = { facts: facts('jp.csv'), storeTimeZone: 'Asia/Tokyo' };
    const second = await commitRows(db, [posLine(2, 'R2')], tokyo);
    expect(second.storeZones).toEqual([]);
    expect(zones(db)[0]).toMatchObject({ time_zone: 'Europe/London' });
  });

  it('leaves such a store unknown when a Shanghai import names it', async () => {
    const db = await older();

    const same = await commitRows(db, [posLine(2, 'R1')], { facts: facts('pos.csv') });

    expect(same.storeZones).toEqual([]);
    expect(zones(db)[0]).toEqual({ code: 'S01', time_zone: 'Asia/Shanghai', time_zone_unknown: 1 });
  });
});
