import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from '../../../core/db/open';
import { olderDatabase } from '../../support/older-db';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A database file as the version before tag members were keyed by (tag, customer). */
async function fileBeforeMembersByTag(): Promise<string> {
  // Members written out of (tag, customer) order, as a rowid table keeps them.
  const { file, dir } = await olderDatabase(
    '20261206T1000',
    `
    INSERT INTO customers (id, name, created_at) VALUES (1, 'A', 0), (2, 'B', 0), (3, 'C', 0);
    INSERT INTO tags (id, key, name_zh, name_en, kind, created_at, updated_at)
      VALUES (10, 'gold', '金卡', 'Gold', 'rule', 0, 0), (11, 'vip', '贵宾', 'VIP', 'manual', 0, 0);
    INSERT INTO tag_members (tag_id, customer_id, since, tag_version)
      VALUES (11, 3, 300, 1), (10, 2, 200, 2), (10, 1, 100, 1);
    INSERT INTO tag_history (tag_id, customer_id, action, at, tag_version, reason)
      VALUES (10, 1, 'added', 100, 1, 'recompute');
  `,
  );
  dirs.push(dir);
  return file;
}

describe('tag members kept by (tag, customer) (migration 20261206T1000)', () => {
  it('keeps every membership with its values, in a table without row ids', async () => {
    const db = await openDb({ file: await fileBeforeMembersByTag() });

    const members = db.raw.prepare('SELECT * FROM tag_members ORDER BY tag_id, customer_id').all();
    expect(members).toEqual([
      { tag_id: 10, customer_id: 1, since: 100, tag_version: 1 },
      { tag_id: 10, customer_id: 2, since: 200, tag_version: 2 },
      { tag_id: 11, customer_id: 3, since: 300, tag_version: 1 },
    ]);
    const table = db.raw
      .prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'tag_members'")
      .pluck()
      .get() as string;
    expect(table).toMatch(/WITHOUT ROWID/);
    const indexes = db.raw
      .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'tag_members'")
      .pluck()
      .all();
    expect(indexes).toEqual(['tag_members_customer']);
    expect(db.raw.prepare('SELECT count(*) FROM tag_history').pluck().get()).toBe(1);
    await db.close();
  });

  it('refuses a membership twice, and one of an unknown tag or customer', async () => {
    const db = await openDb({ file: await fileBeforeMembersByTag() });
    const insert = db.raw.prepare(
      'INSERT INTO tag_members (tag_id, customer_id, since, tag_version) VALUES (?, ?, 0, 1)',
    );
    expect(() => insert.run(10, 1)).toThrow(/UNIQUE|PRIMARY KEY/);
    expect(() => insert.run(99, 1)).toThrow(/FOREIGN KEY/);
    expect(() => insert.run(10, 99)).toThrow(/FOREIGN KEY/);
    await db.close();
  });

  it("finds a customer's memberships through the index by customer", async () => {
    const db = await openDb({ file: await fileBeforeMembersByTag() });
    const plan = db.raw
      .prepare('EXPLAIN QUERY PLAN SELECT tag_id FROM tag_members WHERE customer_id = ?')
      .all(3) as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/tag_members_customer/);
    await db.close();
  });
});
