import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tagHistory } from '../../../core/crm/tags/history';
import { listTags } from '../../../core/crm/tags/store';
import { tempDb } from '../../support/db';
import { addCustomer } from '../../support/crm-builders';

type TestDb = Awaited<ReturnType<typeof tempDb>>;
let db: TestDb;
let tagId: number;
let a: number;
let b: number;

// Noon in Shanghai (04:00 UTC) on the given day of December 2026.
const on = (day: number) => Date.parse(`2026-12-${String(day).padStart(2, '0')}T04:00:00Z`);

beforeEach(async () => {
  db = await tempDb();
  const tags = await listTags(db, new Date('2026-12-01T00:00:00Z'));
  tagId = tags.find((t) => t.key === 'gold')!.id;
  a = await addCustomer(db, { name: 'A' });
  b = await addCustomer(db, { name: 'B' });
});
afterEach(async () => {
  await db.cleanup();
});

/** Writes history rows in the order given: that order is the order they were recorded. */
async function record(rows: Array<[customer: number, action: 'added' | 'removed', at: number]>) {
  for (const [customerId, action, at] of rows) {
    await db.k
      .insertInto('tag_history')
      .values({ tag_id: tagId, customer_id: customerId, action, at, tag_version: 1, reason: 'r' })
      .execute();
  }
}

describe('tag membership over time', () => {
  it('counts joinings and leavings day by day when the clock only moved forward', async () => {
    await record([
      [a, 'added', on(1)],
      [b, 'added', on(1)],
      [a, 'removed', on(3)],
    ]);
    const { series } = await tagHistory(db, tagId);
    // Dec 1: A and B join → 2. Dec 3: A leaves → 1.
    expect(series).toEqual([
      { day: '2026-12-01', members: 2, added: 2, removed: 0 },
      { day: '2026-12-03', members: 1, added: 0, removed: 1 },
    ]);
  });

  it('never goes below zero when a removal was dated before the joining it undoes', async () => {
    // The clock stood at Dec 5 when A and B joined, then was set back to Dec 2 and both left.
    await record([
      [a, 'added', on(5)],
      [b, 'added', on(5)],
      [a, 'removed', on(2)],
      [b, 'removed', on(2)],
    ]);
    const { series } = await tagHistory(db, tagId);
    // Dec 2: each customer's only change dated by then is a leaving → 0 members (not −2).
    // Dec 5: all four changes are dated by then; the last recorded for each is the leaving → 0.
    expect(series).toEqual([
      { day: '2026-12-02', members: 0, added: 0, removed: 2 },
      { day: '2026-12-05', members: 0, added: 2, removed: 0 },
    ]);
    expect(series.every((p) => p.members >= 0)).toBe(true);
  });

  it('counts a customer who joined again under a clock set back as a member', async () => {
    // Clock at Dec 5: A joins, then leaves. Clock set back to Dec 3: A joins again.
    await record([
      [a, 'added', on(5)],
      [a, 'removed', on(5)],
      [a, 'added', on(3)],
      [b, 'added', on(4)],
    ]);
    const { series } = await tagHistory(db, tagId);
    // Dec 3: A's only change dated by then is the joining → 1.
    // Dec 4: B joins → 2.
    // Dec 5: A's last recorded change is still the Dec 3 joining (recorded after the Dec 5
    // pair), so A stays; B stays → 2.
    expect(series).toEqual([
      { day: '2026-12-03', members: 1, added: 1, removed: 0 },
      { day: '2026-12-04', members: 2, added: 1, removed: 0 },
      { day: '2026-12-05', members: 2, added: 1, removed: 1 },
    ]);
  });
});
