import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerQuerySchema } from '../../../core/api/customers';
import { customersPage } from '../../../core/crm/customers/page';
import { recomputeAll } from '../../../core/crm/recompute';
import { tempDb } from '../../support/db';
import { addCustomer, addOrder } from '../../support/crm-builders';

// Breaker9: a phone typed as the grid shows it, and a member id that is 86 + a mobile.

let db: Awaited<ReturnType<typeof tempDb>>;
const asOf = new Date('2024-06-30T12:00:00Z');
const people: [string, 'member' | 'masked_phone' | 'phone', string][] = [
  ['Zhao Lei', 'masked_phone', '137****4321'],
  // A full phone the grid shows as 137****4321 too (137 + 1234 hidden + 4321).
  ['Qian Yu', 'phone', '+8613712344321'],
  // Not shown so: 137 + 5555 + 4320 → 137****4320.
  ['Sun Li', 'phone', '+8613755554320'],
  // A US number, shown by its first three and last four E.164 digits: 141****0123.
  ['Zhou Ke', 'phone', '+14155550123'],
  // A till that writes the member number (the mobile) with the country code, no plus.
  ['Wang Fang', 'member', '8613812345678'],
];
beforeAll(async () => {
  db = await tempDb();
  for (const [name, kind, value] of people) {
    const id = await addCustomer(db, { name });
    const row = { customer_id: id, kind, value, source: 'test', created_at: 0 };
    await db.k.insertInto('customer_identities').values(row).execute();
    await addOrder(db, { customerId: id, at: '2024-06-01T03:00:00Z', amountFen: 1000 });
  }
  await recomputeAll(db, asOf);
});
afterAll(async () => {
  await db.cleanup();
});
const page = async (search: string) => {
  const q = customerQuerySchema.parse({ search, sort: [{ column: 'name', dir: 'asc' }] });
  return (await customersPage(db, q, asOf)).rows;
};
const names = async (search: string) => (await page(search)).map((r) => r.name);

describe('a phone typed masked as the grid shows it', () => {
  it('finds the masked phone written so and the full phones masked so', async () => {
    expect(await names('137****4321')).toEqual(['Qian Yu', 'Zhao Lei']);
    expect(await names('137****4320')).toEqual(['Sun Li']);
    expect(await names('141****0123')).toEqual(['Zhou Ke']);
  });

  it('finds nobody by a masked form that reveals or differs in any digit', async () => {
    expect(await names('137****432')).toEqual([]);
    expect(await names('1371***4321')).toEqual([]);
    expect(await names('137****1234')).toEqual([]);
  });
});

describe('a member id that is 86 + a mobile', () => {
  it('is never shown whole', async () => {
    // 8613812345678 is +86 138 1234 5678: masked it reads 138****5678.
    const row = (await page('')).find((r) => r.name === 'Wang Fang');
    expect(JSON.stringify(row)).not.toContain('13812345678');
  });

  it('is found by the whole mobile, never by a part of it', async () => {
    expect(await names('13812345678')).toEqual(['Wang Fang']);
    expect(await names('8613812345678')).toEqual(['Wang Fang']);
    expect(await names('1381234')).toEqual([]);
  });
});
