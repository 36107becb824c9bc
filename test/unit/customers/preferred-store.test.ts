import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerQuerySchema } from '../../../core/api/customers';
import { customersPage } from '../../../core/crm/customers/page';
import { recomputeAll } from '../../../core/crm/recompute';
import { addCustomer, addOrder, addStore } from '../../support/crm-builders';
import { tempDb } from '../../support/db';

type TestDb = Awaited<ReturnType<typeof tempDb>>;
let db: TestDb;
const asOf = new Date('2024-06-30T12:00:00Z');
const store = { s01: 0, s02: 0 };

/*
 * Preferred store, worked by hand (most sales at it, then most spend):
 *   ann  two sales at S01, one at S02                 → S01
 *   bob  one sale at S02                              → S02
 *   cat  one sale at S01 (1000), one at S02 (3000)    → S02 (same count, more spend)
 *   dan  one online sale without a store              → none
 *   eve  one sale at S01                              → S01
 * S02 is made first, so its id is lower: sorting by id would put it before S01.
 */
beforeAll(async () => {
  db = await tempDb();
  store.s02 = await addStore(db, 'S02', '城西店');
  store.s01 = await addStore(db, 'S01', '城东店');
  const sale = async (customerId: number, storeId: number | null, amountFen = 1000) => {
    await addOrder(db, { customerId, at: '2024-06-10T03:00:00Z', amountFen, storeId });
  };
  const ann = await addCustomer(db, { name: 'ann' });
  await sale(ann, store.s01);
  await sale(ann, store.s01);
  await sale(ann, store.s02);
  await sale(await addCustomer(db, { name: 'bob' }), store.s02);
  const cat = await addCustomer(db, { name: 'cat' });
  await sale(cat, store.s01, 1000);
  await sale(cat, store.s02, 3000);
  await sale(await addCustomer(db, { name: 'dan' }), null);
  await sale(await addCustomer(db, { name: 'eve' }), store.s01);
  await recomputeAll(db, asOf);
});

afterAll(async () => {
  await db.cleanup();
});

async function page(query: unknown) {
  return customersPage(db, customerQuerySchema.parse(query), asOf);
}

const ofStores = (ids: number[]) => ({
  filters: [{ type: 'set', column: 'preferredStore', values: ids.map(String) }],
});

describe('the customers grid’s preferred store', () => {
  it('shows each customer’s preferred store by code and name', async () => {
    const rows = (await page({})).rows;
    const shown = rows.map((r) => [r.name, r.preferredStore?.code ?? null]);
    expect(shown).toEqual([
      ['ann', 'S01'],
      ['bob', 'S02'],
      ['cat', 'S02'],
      ['dan', null],
      ['eve', 'S01'],
    ]);
    expect(rows[0]!.preferredStore).toEqual({ id: store.s01, code: 'S01', name: '城东店' });
  });

  it('filters by one store or a set of stores, with the total for the scroll bar', async () => {
    const s01 = await page(ofStores([store.s01]));
    expect([s01.total, s01.rows.map((r) => r.name)]).toEqual([2, ['ann', 'eve']]);
    const s02 = await page(ofStores([store.s02]));
    expect([s02.total, s02.rows.map((r) => r.name)]).toEqual([2, ['bob', 'cat']]);
    const both = await page(ofStores([store.s01, store.s02]));
    expect(both.total).toBe(4);
  });

  it('sorts by store code, customers without a store last either way', async () => {
    const asc = await page({ sort: [{ column: 'preferredStore', dir: 'asc' }] });
    expect(asc.rows.map((r) => r.name)).toEqual(['ann', 'eve', 'bob', 'cat', 'dan']);
    const desc = await page({ sort: [{ column: 'preferredStore', dir: 'desc' }] });
    expect(desc.rows.map((r) => r.name)).toEqual(['bob', 'cat', 'ann', 'eve', 'dan']);
  });

  it('keeps the other filters beside the store', async () => {
    const named = await page({
      filters: [...ofStores([store.s01]).filters, { type: 'text', column: 'name', contains: 'ev' }],
    });
    expect(named.rows.map((r) => r.name)).toEqual(['eve']);
  });
});
