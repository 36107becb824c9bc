import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { explainTag } from '../../../core/crm/customers/explain-tag';
import { recomputeAll } from '../../../core/crm/recompute';
import { tagHistory } from '../../../core/crm/tags/history';
import { assignTag, deleteTag, listTags, saveTag } from '../../../core/crm/tags/store';
import { tempDb } from '../../support/db';
import { addCustomer, addOrder } from '../../support/crm-builders';

type TestDb = Awaited<ReturnType<typeof tempDb>>;
let db: TestDb;
const asOf = new Date('2024-06-30T12:00:00Z');
const nextDay = new Date('2024-07-01T12:00:00Z');
const c: Record<string, number> = {};

beforeEach(async () => {
  db = await tempDb();
  // gold: woman of 29 with 3 orders of ¥90 in June → AOV 9000. near: the same at ¥70.
  c.gold = await addCustomer(db, { name: '王芳', gender: 'F', birthDate: '1995-01-01' });
  c.near = await addCustomer(db, { name: '李娜', gender: 'F', birthDate: '1995-01-01' });
  for (const day of ['10', '15', '20']) {
    await addOrder(db, { customerId: c.gold, at: `2024-06-${day}T03:00:00Z`, amountFen: 9000 });
    await addOrder(db, { customerId: c.near, at: `2024-06-${day}T03:00:00Z`, amountFen: 7000 });
  }
  // sleeper: ¥2,500 on April 1 (90 days before June 30); awake: ¥3,000 on May 15 (46 days).
  c.sleeper = await addCustomer(db, { name: 'Sleeper' });
  c.awake = await addCustomer(db, { name: 'Awake' });
  await addOrder(db, { customerId: c.sleeper, at: '2024-04-01T03:00:00Z', amountFen: 250_000 });
  await addOrder(db, { customerId: c.awake, at: '2024-05-15T03:00:00Z', amountFen: 300_000 });
  await recomputeAll(db, asOf);
});
afterEach(async () => {
  await db.cleanup();
});

async function membersOf(key: string): Promise<number[]> {
  const rows = await db.k
    .selectFrom('tag_members as tm')
    .innerJoin('tags as t', 't.id', 'tm.tag_id')
    .select('tm.customer_id')
    .where('t.key', '=', key)
    .orderBy('tm.customer_id')
    .execute();
  return rows.map((r) => r.customer_id);
}

describe('built-in tags', () => {
  it('are seeded once, however often the tags are listed or recomputed', async () => {
    await recomputeAll(db, asOf);
    const tags = await listTags(db, asOf);
    // gold, sleeping high value, 11 RFM segments, 5 lifecycle stages.
    expect(tags.filter((t) => t.builtin)).toHaveLength(18);
    expect(tags.find((t) => t.key === 'gold')).toMatchObject({ nameZh: '金卡客户', version: 1 });
  });

  it('give gold and sleeping high value to the customers worked out by hand', async () => {
    expect(await membersOf('gold')).toEqual([c.gold]);
    expect(await membersOf('sleeping_high_value')).toEqual([c.sleeper]);
  });

  it('cannot be deleted', async () => {
    const gold = (await listTags(db, asOf)).find((t) => t.key === 'gold')!;
    await expect(deleteTag(db, gold.id)).rejects.toMatchObject({ code: 'tags.builtin' });
  });
});

describe('rule versions and membership history', () => {
  it('records each membership of a first recompute once as added, and nothing when unchanged', async () => {
    // The first recompute (in beforeEach) found no members yet. By hand: each of the four
    // customers has orders, so one RFM segment and one lifecycle stage each (8), plus
    // gold (c.gold) and sleeping high value (c.sleeper): 10 memberships, 10 'added' rows.
    const history = () =>
      db.k
        .selectFrom('tag_history')
        .select(['tag_id', 'customer_id', 'action', 'reason'])
        .execute();
    const members = await db.k
      .selectFrom('tag_members')
      .select(['tag_id', 'customer_id'])
      .execute();
    const first = await history();
    expect(members).toHaveLength(10);
    expect(first).toHaveLength(10);
    expect(new Set(first.map((h) => `${h.action} ${h.reason}`))).toEqual(
      new Set(['added recompute']),
    );
    const key = (r: { tag_id: number; customer_id: number }) => `${r.tag_id}:${r.customer_id}`;
    expect(first.map(key).sort()).toEqual(members.map(key).sort());

    const again = await recomputeAll(db, asOf);
    expect([again.membershipsAdded, again.membershipsRemoved]).toEqual([0, 0]);
    expect(await history()).toHaveLength(10);
  });

  it('re-evaluates on a new version and records each change with version and reason', async () => {
    const rule = (min: number) => ({
      type: 'group' as const,
      op: 'and' as const,
      children: [
        { type: 'condition' as const, field: 'spend_all', cmp: 'gte' as const, value: min },
      ],
    });
    const saved = await saveTag(
      db,
      { nameZh: '大客户', nameEn: 'Big', kind: 'rule', rule: rule(200_000) },
      asOf,
    );
    expect(saved).toMatchObject({ version: 1, members: 2 });

    // ¥2,600 leaves out the sleeper (¥2,500); the awake customer stays with version 1.
    const edited = await saveTag(
      db,
      { id: saved.id, nameZh: '大客户', nameEn: 'Big', kind: 'rule', rule: rule(260_000) },
      nextDay,
    );
    expect(edited).toMatchObject({ version: 2, members: 1 });
    const member = await db.k
      .selectFrom('tag_members')
      .selectAll()
      .where('tag_id', '=', saved.id)
      .execute();
    expect(member).toEqual([
      { tag_id: saved.id, customer_id: c.awake, since: asOf.getTime(), tag_version: 1 },
    ]);

    const history = await tagHistory(db, saved.id);
    expect(history.series).toEqual([
      { day: '2024-06-30', members: 2, added: 2, removed: 0 },
      { day: '2024-07-01', members: 1, added: 0, removed: 1 },
    ]);
    expect(history.recent[0]).toEqual({
      customerId: c.sleeper,
      customerName: 'Sleeper',
      action: 'removed',
      at: nextDay.toISOString(),
      version: 2,
      reason: 'rule edited (v2)',
    });
    expect(history.recent.filter((h) => h.reason === 'rule created')).toHaveLength(2);
  });

  it('keeps the version when only the names change', async () => {
    const rule = { type: 'condition' as const, field: 'orders_all', cmp: 'gte' as const, value: 1 };
    const saved = await saveTag(db, { nameZh: '买过', nameEn: 'Bought', kind: 'rule', rule }, asOf);
    const renamed = await saveTag(
      db,
      { id: saved.id, nameZh: '已购', nameEn: 'Bought', kind: 'rule', rule },
      asOf,
    );
    expect(renamed).toMatchObject({ version: 1, nameZh: '已购', members: 4 });
  });

  it('refuses to turn a rule tag into a manual one', async () => {
    const rule = { type: 'condition' as const, field: 'orders_all', cmp: 'gte' as const, value: 1 };
    const saved = await saveTag(db, { nameZh: '买过', nameEn: 'Bought', kind: 'rule', rule }, asOf);
    await expect(
      saveTag(
        db,
        { id: saved.id, nameZh: '买过', nameEn: 'Bought', kind: 'manual', rule: null },
        asOf,
      ),
    ).rejects.toMatchObject({ code: 'tags.kind_fixed' });
  });

  it('refuses a rule tag without a rule', async () => {
    await expect(
      saveTag(db, { nameZh: 'x', nameEn: 'x', kind: 'rule', rule: null }, asOf),
    ).rejects.toMatchObject({
      code: 'tags.rule_missing',
    });
  });
});

describe('manual tags', () => {
  it('adds and removes customers by hand, counting only real changes', async () => {
    const vip = await saveTag(
      db,
      { nameZh: '贵宾', nameEn: 'VIP', kind: 'manual', rule: null },
      asOf,
    );
    expect((await assignTag(db, vip.id, [c.gold!, c.near!], 'add', asOf)).changed).toBe(2);
    expect((await assignTag(db, vip.id, [c.gold!], 'add', asOf)).changed).toBe(0);
    expect((await assignTag(db, vip.id, [c.near!], 'remove', nextDay)).changed).toBe(1);
    expect((await tagHistory(db, vip.id)).series).toEqual([
      { day: '2024-06-30', members: 2, added: 2, removed: 0 },
      { day: '2024-07-01', members: 1, added: 0, removed: 1 },
    ]);

    const why = await explainTag(db, c.gold!, vip.id, nextDay);
    expect(why).toMatchObject({ has: true, rule: null, reason: { code: 'tags.reason.manual' } });
  });

  it('refuses to assign a rule tag by hand, or an unknown customer', async () => {
    const gold = (await listTags(db, asOf)).find((t) => t.key === 'gold')!;
    await expect(assignTag(db, gold.id, [c.near!], 'add', asOf)).rejects.toMatchObject({
      code: 'tags.not_manual',
    });
    const vip = await saveTag(
      db,
      { nameZh: '贵宾', nameEn: 'VIP', kind: 'manual', rule: null },
      asOf,
    );
    await expect(assignTag(db, vip.id, [999], 'add', asOf)).rejects.toMatchObject({
      code: 'customers.not_found',
    });
  });
});

describe('why a customer has a tag', () => {
  it('shows the failing condition of the gold rule with the customer’s value', async () => {
    const gold = (await listTags(db, asOf)).find((t) => t.key === 'gold')!;
    const why = await explainTag(db, c.near!, gold.id, asOf);
    expect(why.has).toBe(false);
    expect(why.asOf).toBe(asOf.toISOString());
    const conditions = why.rule!.children.map((x) =>
      x.type === 'condition' ? [x.field, x.customerValue, x.passed] : null,
    );
    // 1995-01-01 → 29 on 2024-06-30; 3 orders of 7000 → AOV 7000 < 8000.
    expect(conditions).toEqual([
      ['gender', 'F', true],
      ['age', 29, true],
      ['orders_30', 3, true],
      ['aov', 7000, false],
    ]);
    const yes = await explainTag(db, c.gold!, gold.id, asOf);
    expect(yes).toMatchObject({ has: true, since: asOf.toISOString(), version: 1 });
  });

  it('explains an RFM tag by the scores behind it', async () => {
    const tags = await listTags(db, asOf);
    const m = await db.k
      .selectFrom('customer_metrics')
      .selectAll()
      .where('customer_id', '=', c.gold!)
      .executeTakeFirstOrThrow();
    const tag = tags.find((t) => t.key === `rfm:${m.rfm_segment}`)!;
    const why = await explainTag(db, c.gold!, tag.id, asOf);
    expect(why).toMatchObject({
      has: true,
      reason: {
        code: 'tags.reason.rfm',
        params: { segment: m.rfm_segment, r: m.rfm_r, f: m.rfm_f },
      },
    });
  });
});
