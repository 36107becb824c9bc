import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerQuerySchema } from '../../../core/api/customers';
import type { CustomerQuery } from '../../../core/api/customers';
import { customersPage } from '../../../core/crm/customers/page';
import { recomputeAll } from '../../../core/crm/recompute';
import { saveTag } from '../../../core/crm/tags/store';
import { tempDb } from '../../support/db';
import { addCustomer, addOrder } from '../../support/crm-builders';

type TestDb = Awaited<ReturnType<typeof tempDb>>;
let db: TestDb;
const asOf = new Date('2024-06-30T12:00:00Z');

/**
 * A chain big enough that a page by spend can be read along the spend index (a window
 * of the top customers) instead of sorting every match, and small enough to work the
 * right pages out in plain TypeScript below: 300 buyers whose lifetime spends repeat
 * (50 amounts, so ties are decided by id), 20 customers without an order (spend 0), and
 * 5 merged customers (no metrics of their own, so never listed or counted).
 */
interface Person {
  id: number;
  spend: number;
}
const people: Person[] = [];
const merged: number[] = [];
const tags: Record<'dense' | 'bottom' | 'sparse', { id: number; members: number[] }> = {
  dense: { id: 0, members: [] },
  bottom: { id: 0, members: [] },
  sparse: { id: 0, members: [] },
};

beforeAll(async () => {
  db = await tempDb();
  for (let k = 1; k <= 300; k++) {
    const id = await addCustomer(db, { name: `buyer ${k}` });
    const spend = (((k * 37) % 50) + 1) * 100;
    await addOrder(db, { customerId: id, at: '2024-06-01T03:00:00Z', amountFen: spend });
    people.push({ id, spend });
  }
  for (let k = 1; k <= 20; k++) people.push({ id: await addCustomer(db), spend: 0 });
  for (let k = 1; k <= 5; k++) merged.push(await addCustomer(db, { mergedInto: people[k]!.id }));
  await recomputeAll(db, asOf);

  // dense: three in four customers; bottom: the half that spent least (a window from the
  // top finds none of them and the page falls back to sorting); sparse: a handful.
  tags.dense.members = people.filter((p) => p.id % 4 !== 0).map((p) => p.id);
  tags.bottom.members = people.filter((p) => p.spend <= 2500).map((p) => p.id);
  tags.sparse.members = people.filter((p) => p.id % 61 === 0).map((p) => p.id);
  for (const [name, tag] of Object.entries(tags)) {
    const input = { nameZh: name, nameEn: name, kind: 'manual' as const, rule: null };
    tag.id = (await saveTag(db, input, asOf)).id;
    // Written straight in, merged customers too: a membership without metrics is not listed.
    const rows = [...tag.members, ...merged].map((customer_id) => ({
      tag_id: tag.id,
      customer_id,
      since: asOf.getTime(),
      tag_version: 1,
    }));
    await db.k.insertInto('tag_members').values(rows).execute();
  }
});

afterAll(async () => {
  await db.cleanup();
});

/** The page worked out without SQL: filter, sort by spend then id, slice. */
function expected(members: number[] | null, dir: 'asc' | 'desc', offset: number, limit: number) {
  const inTag = members ? new Set(members) : null;
  const rows = people
    .filter((p) => !inTag || inTag.has(p.id))
    .sort((a, b) => (dir === 'asc' ? a.spend - b.spend : b.spend - a.spend) || a.id - b.id);
  return { ids: rows.slice(offset, offset + limit).map((p) => p.id), total: rows.length };
}

async function actual(q: Partial<CustomerQuery>) {
  const page = await customersPage(db, customerQuerySchema.parse(q), asOf);
  return { ids: page.rows.map((r) => r.id), total: page.total };
}

describe('customers grid pages by lifetime spend', () => {
  const cases: [keyof typeof tags | null, 'asc' | 'desc', number, number][] = [];
  for (const tag of [null, 'dense', 'bottom', 'sparse'] as const) {
    for (const dir of ['desc', 'asc'] as const) {
      for (const [offset, limit] of [
        [0, 10],
        [10, 25],
        [150, 10],
        [310, 20],
      ] as const) {
        cases.push([tag, dir, offset, limit]);
      }
    }
  }

  it.each(cases)('tag %s, %s, offset %i, %i rows: the same rows as sorting all', async (...c) => {
    const [tag, dir, offset, limit] = c;
    const q = {
      offset,
      limit,
      sort: [{ column: 'spendAll' as const, dir }],
      tagIds: tag ? [tags[tag].id] : [],
    };
    expect(await actual(q)).toEqual(expected(tag ? tags[tag].members : null, dir, offset, limit));
  });

  it('counts and pages two tags and a column filter together', async () => {
    // dense ∩ bottom with lifetime spend ≥ 10 yuan, worked out from the same lists.
    const bottom = new Set(tags.bottom.members);
    const both = tags.dense.members.filter((id) => bottom.has(id));
    const rich = new Set(people.filter((p) => p.spend >= 1000).map((p) => p.id));
    const want = expected(
      both.filter((id) => rich.has(id)),
      'desc',
      5,
      10,
    );
    const got = await actual({
      offset: 5,
      limit: 10,
      sort: [{ column: 'spendAll', dir: 'desc' }],
      tagIds: [tags.dense.id, tags.bottom.id],
      filters: [{ type: 'number', column: 'spendAll', cmp: 'gte', value: 1000 }],
    });
    expect(got).toEqual(want);
  });

  it('lists every customer with metrics in id order when no sort is asked', async () => {
    const got = await actual({ offset: 0, limit: 500 });
    expect(got.ids).toEqual(people.map((p) => p.id).sort((a, b) => a - b));
    expect(got.total).toBe(320);
  });
});

describe('the total of a tag', () => {
  it('leaves out members without metrics, merged or not computed yet', async () => {
    const before = await actual({ tagIds: [tags.dense.id], limit: 10 });
    expect(before.total).toBe(tags.dense.members.length);

    // A customer added since the last recompute has no metrics: a member, but not listed.
    const late = await addCustomer(db, { name: 'late' });
    await db.k
      .insertInto('tag_members')
      .values({ tag_id: tags.dense.id, customer_id: late, since: 0, tag_version: 1 })
      .execute();
    const after = await actual({ tagIds: [tags.dense.id], limit: 500 });
    expect(after.total).toBe(tags.dense.members.length);
    expect(after.ids).not.toContain(late);
  });
});
