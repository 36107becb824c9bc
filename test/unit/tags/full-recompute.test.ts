import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RuleNode } from '../../../core/api/rules';
import { mergeCustomers } from '../../../core/crm/identity/merge';
import { recomputeAll, refreshCustomers } from '../../../core/crm/recompute';
import { saveTag } from '../../../core/crm/tags/store';
import { tempDb } from '../../support/db';
import { addCustomer, addOrder } from '../../support/crm-builders';

type TestDb = Awaited<ReturnType<typeof tempDb>>;
let db: TestDb;
const asOf = new Date('2024-06-30T12:00:00Z');
const later = new Date('2024-07-01T12:00:00Z');
let survivor: number;
let merged: number;
let other: number;

const women: RuleNode = { type: 'condition', field: 'gender', cmp: 'eq', value: 'F' };
const buyers: RuleNode = { type: 'condition', field: 'orders_all', cmp: 'gte', value: 1 };

beforeEach(async () => {
  db = await tempDb();
  // Two women with one order each; the second is merged into the first (her order moves
  // with her), so she is neither a woman nor a buyer of her own any more. A man buys once.
  survivor = await addCustomer(db, { name: '王芳', gender: 'F' });
  merged = await addCustomer(db, { name: '王芳 (2)', gender: 'F' });
  other = await addCustomer(db, { name: '张伟', gender: 'M' });
  for (const id of [survivor, merged, other]) {
    await addOrder(db, { customerId: id, at: '2024-06-10T03:00:00Z', amountFen: 5000 });
  }
  await saveTag(db, { nameZh: '女', nameEn: 'Women', kind: 'rule', rule: women }, asOf);
  await saveTag(db, { nameZh: '买过', nameEn: 'Bought', kind: 'rule', rule: buyers }, asOf);
});
afterEach(async () => {
  await db.cleanup();
});

async function membersOf(nameEn: string): Promise<number[]> {
  const rows = await db.k
    .selectFrom('tag_members as tm')
    .innerJoin('tags as t', 't.id', 'tm.tag_id')
    .select('tm.customer_id')
    .where('t.name_en', '=', nameEn)
    .orderBy('tm.customer_id')
    .execute();
  return rows.map((r) => r.customer_id);
}

async function historyOf(nameEn: string): Promise<[number, string][]> {
  const rows = await db.k
    .selectFrom('tag_history as h')
    .innerJoin('tags as t', 't.id', 'h.tag_id')
    .select(['h.customer_id', 'h.action'])
    .where('t.name_en', '=', nameEn)
    .orderBy('h.id')
    .execute();
  return rows.map((r) => [r.customer_id, r.action]);
}

describe('a full recompute', () => {
  it('gives no tag to a customer merged before the first recompute', async () => {
    mergeCustomers(db, survivor, merged, 'same phone', asOf);
    await recomputeAll(db, asOf);

    // By hand: the women are the survivor only; the buyers are the survivor and the man.
    expect(await membersOf('Women')).toEqual([survivor]);
    expect(await membersOf('Bought')).toEqual([survivor, other].sort((a, b) => a - b));
    // The history of a first recompute: one 'added' per membership, by customer.
    expect(await historyOf('Bought')).toEqual(
      [survivor, other].sort((a, b) => a - b).map((id) => [id, 'added']),
    );
  });

  it('takes the tags of a customer merged since the last one away, as a refresh does', async () => {
    await recomputeAll(db, asOf);
    expect(await membersOf('Women')).toEqual([survivor, merged]);

    mergeCustomers(db, survivor, merged, 'same phone', later);
    await refreshCustomers(db, [survivor, merged], later);
    await recomputeAll(db, later);

    expect(await membersOf('Women')).toEqual([survivor]);
    expect(await membersOf('Bought')).toEqual([survivor, other].sort((a, b) => a - b));
    expect(await historyOf('Women')).toEqual([
      [survivor, 'added'],
      [merged, 'added'],
      [merged, 'removed'],
    ]);
  });
});
