import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerQuerySchema } from '../../../core/api/customers';
import type { CustomerQuery } from '../../../core/api/customers';
import { customersPage } from '../../../core/crm/customers/page';
import { recomputeAll } from '../../../core/crm/recompute';
import { tempDb } from '../../support/db';
import { addCustomer, addOrder } from '../../support/crm-builders';

type TestDb = Awaited<ReturnType<typeof tempDb>>;
let db: TestDb;
const asOf = new Date('2024-06-30T12:00:00Z');
const at = '2024-06-01T03:00:00Z';

/**
 * A small chain in yuan first, then with customers in pounds and dollars added. Worked by
 * hand (amounts in minor units, each customer's currency by the metrics' rule: yuan when
 * any order is in yuan):
 *
 *   customer  orders                      currency  spend   AOV (spend ÷ sales)
 *   a         CNY 6000 + CNY 4000         CNY       10000   5000
 *   b         CNY 5000                    CNY        5000   5000
 *   c         CNY 30000                   CNY       30000  30000
 *   g         CNY 1000 + GBP 99999        CNY        1000   1000  (the pounds left out)
 *   z         none                        CNY           0      0
 *   d         GBP 10000 + GBP 4678        GBP       14678   7339
 *   e         GBP 2000                    GBP        2000   2000
 *   f         USD 5000                    USD        5000   5000
 */
const ids: Record<string, number> = {};

beforeAll(async () => {
  db = await tempDb();
  for (const name of ['a', 'b', 'c', 'g', 'z']) ids[name] = await addCustomer(db, { name });
  const yuan: [string, number][] = [
    ['a', 6000],
    ['a', 4000],
    ['b', 5000],
    ['c', 30000],
    ['g', 1000],
  ];
  for (const [name, amountFen] of yuan) {
    await addOrder(db, { customerId: ids[name]!, at, amountFen });
  }
  await recomputeAll(db, asOf);
});

afterAll(async () => {
  await db.cleanup();
});

/** Adds the customers whose money is in pounds and dollars, and recomputes. */
async function addForeignCustomers(): Promise<void> {
  for (const name of ['d', 'e', 'f']) ids[name] = await addCustomer(db, { name });
  const foreign: [string, number, string][] = [
    ['g', 99999, 'GBP'],
    ['d', 10000, 'GBP'],
    ['d', 4678, 'GBP'],
    ['e', 2000, 'GBP'],
    ['f', 5000, 'USD'],
  ];
  for (const [name, amountFen, currency] of foreign) {
    await addOrder(db, { customerId: ids[name]!, at, amountFen, currency });
  }
  await recomputeAll(db, asOf);
}

async function page(q: Partial<CustomerQuery>) {
  const got = await customersPage(db, customerQuerySchema.parse(q), asOf);
  const names = got.rows.map((r) => r.name);
  return { names, total: got.total, currencies: got.rows.map((r) => r.currency) };
}

const bySpend = (dir: 'asc' | 'desc') => [{ column: 'spendAll' as const, dir }];

describe('customers grid sorted and filtered by money, in yuan only', () => {
  it('sorts by bare amount and walks every page the same way while all are in yuan', async () => {
    expect((await page({ sort: bySpend('desc') })).names).toEqual(['c', 'a', 'b', 'g', 'z']);
    // Pages of two cover the same order without overlap.
    const pages = [];
    for (const offset of [0, 2, 4]) {
      pages.push(...(await page({ sort: bySpend('desc'), offset, limit: 2 })).names);
    }
    expect(pages).toEqual(['c', 'a', 'b', 'g', 'z']);
  });
});

describe('customers grid sorted and filtered by money, with pounds and dollars', () => {
  beforeAll(addForeignCustomers);

  it('has each customer in the currency worked out by hand', async () => {
    const got = await page({ sort: [{ column: 'id', dir: 'asc' }] });
    expect(got.names).toEqual(['a', 'b', 'c', 'g', 'z', 'd', 'e', 'f']);
    expect(got.currencies).toEqual(['CNY', 'CNY', 'CNY', 'CNY', 'CNY', 'GBP', 'GBP', 'USD']);
  });

  it('sorts spend within each currency, yuan first, then GBP, then USD', async () => {
    // £146.78 (d) is a bigger number than ¥300.00 (c) but comes after every yuan customer.
    const desc = await page({ sort: bySpend('desc') });
    expect(desc.names).toEqual(['c', 'a', 'b', 'g', 'z', 'd', 'e', 'f']);
    // Ascending turns the amounts around, not the currencies.
    const asc = await page({ sort: bySpend('asc') });
    expect(asc.names).toEqual(['z', 'g', 'b', 'a', 'c', 'e', 'd', 'f']);
  });

  it('pages across the boundary between currencies without a gap or an overlap', async () => {
    const names = [];
    for (const offset of [0, 3, 6]) {
      names.push(...(await page({ sort: bySpend('desc'), offset, limit: 3 })).names);
    }
    expect(names).toEqual(['c', 'a', 'b', 'g', 'z', 'd', 'e', 'f']);
    expect((await page({ sort: bySpend('desc'), offset: 4, limit: 2 })).names).toEqual(['z', 'd']);
  });

  it('sorts the average order within each currency, ties by id', async () => {
    // AOV: c 30000, a 5000, b 5000 (a before b by id), g 1000, z 0 | d 7339, e 2000 | f 5000.
    const got = await page({ sort: [{ column: 'aovFen', dir: 'desc' }] });
    expect(got.names).toEqual(['c', 'a', 'b', 'g', 'z', 'd', 'e', 'f']);
  });

  it('groups by currency at the money column of a sort on several columns', async () => {
    // Orders first (a and d have 2; g has 2 orders: yuan and pounds, both sales), then spend.
    // orders_all: a 2, d 2, g 2, others 1, z 0. Within 2 orders: yuan a (10000), g (1000),
    // then d (GBP); within 1 order: yuan c, b, then e (GBP), f (USD); then z.
    const got = await page({
      sort: [
        { column: 'ordersAll', dir: 'desc' },
        { column: 'spendAll', dir: 'desc' },
      ],
    });
    expect(got.names).toEqual(['a', 'g', 'd', 'c', 'b', 'e', 'f', 'z']);
  });

  it('filters money typed in yuan on yuan customers only, never on pounds or dollars', async () => {
    // spend ≥ ¥60.00: a (10000) and c (30000); d's 14678 pence is not compared.
    const rich = await page({
      sort: bySpend('desc'),
      filters: [{ type: 'number', column: 'spendAll', cmp: 'gte', value: 6000 }],
    });
    expect(rich).toMatchObject({ names: ['c', 'a'], total: 2 });

    // spend < ¥30.00: g (1000) and z (0); e's 2000 pence is not compared.
    const small = await page({
      filters: [{ type: 'number', column: 'spendAll', cmp: 'lt', value: 3000 }],
    });
    expect(small).toMatchObject({ names: ['g', 'z'], total: 2 });

    // AOV ≠ ¥50.00: c, g and z among the yuan customers; none of the others.
    const notFifty = await page({
      filters: [{ type: 'number', column: 'aovFen', cmp: 'ne', value: 5000 }],
    });
    expect(notFifty).toMatchObject({ names: ['c', 'g', 'z'], total: 3 });
  });

  it('leaves filters on other columns comparing every customer', async () => {
    // One sale: b, c, e, f (whatever their currency).
    const got = await page({
      filters: [{ type: 'number', column: 'ordersAll', cmp: 'eq', value: 1 }],
    });
    expect(got).toMatchObject({ names: ['b', 'c', 'e', 'f'], total: 4 });
  });
});
