import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { mergesOf } from '../../../core/crm/identity/merge';
import { openDb } from '../../../core/db/open';
import { olderDatabase } from '../../support/older-db';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('merge reasons kept in parts (migration 20261206T1100)', () => {
  it('keeps every earlier merge with its English reason, and no parts', async () => {
    const { file, dir } = await olderDatabase(
      '20261206T1100',
      `INSERT INTO customers (id, name, created_at) VALUES (1, 'A', 0), (2, 'B', 0);
       UPDATE customers SET merged_into = 1 WHERE id = 2;
       INSERT INTO customer_merges
         (id, into_customer_id, from_customer_id, reason, rule, merged_at, moved_json)
         VALUES (5, 1, 2, 'same person: member M1 and phone +86 138****1234', 'phone', 100,
           '{"identities":[],"orders":[],"filled":[]}');`,
    );
    dirs.push(dir);
    const db = await openDb({ file });

    const [merge] = mergesOf(db, 1);
    expect(merge).toMatchObject({
      id: 5,
      intoCustomerId: 1,
      fromCustomerId: 2,
      reason: 'same person: member M1 and phone +86 138****1234',
      rule: 'phone',
      details: null,
    });
    await db.close();
  });
});
