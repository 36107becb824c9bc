import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from '../../../core/db/open';
import { olderDatabase } from '../../support/older-db';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/*
 * A database written before masked phones were masked again holds a stray-star cell with
 * every digit. Worked by hand, row by row:
 * - 10 "13812341234*": digits 13812341234, a whole mobile → 138 + **** + 1234.
 * - 11 "1381234123*": ten digits, not a whole mobile → keep "138" and the last four
 *   characters "123*", hide the digits "1234" between → "138****123*".
 * - 12 "186****4321": seven digits shown, already hidden enough → unchanged.
 * - 13 a full phone and 14 a member id: not masked phones → unchanged.
 */
describe('masked phones kept whole by earlier versions (migration 20261206T1200)', () => {
  it('are masked the console’s way; other identities and ids are kept', async () => {
    const { file, dir } = await olderDatabase(
      '20261206T1200',
      `INSERT INTO customers (id, created_at) VALUES (1, 0), (2, 0);
       INSERT INTO customer_identities (id, customer_id, kind, value, created_at) VALUES
         (10, 1, 'masked_phone', '13812341234*', 0),
         (11, 1, 'masked_phone', '1381234123*', 0),
         (12, 2, 'masked_phone', '186****4321', 0),
         (13, 2, 'phone', '+8613812341234', 0),
         (14, 2, 'member', '13812341234', 0);`,
    );
    dirs.push(dir);
    const db = await openDb({ file });

    const rows = db.raw
      .prepare('SELECT id, customer_id, kind, value FROM customer_identities ORDER BY id')
      .all();
    expect(rows).toEqual([
      { id: 10, customer_id: 1, kind: 'masked_phone', value: '138****1234' },
      { id: 11, customer_id: 1, kind: 'masked_phone', value: '138****123*' },
      { id: 12, customer_id: 2, kind: 'masked_phone', value: '186****4321' },
      { id: 13, customer_id: 2, kind: 'phone', value: '+8613812341234' },
      { id: 14, customer_id: 2, kind: 'member', value: '13812341234' },
    ]);
    await db.close();
  });
});
