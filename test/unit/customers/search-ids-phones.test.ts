import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerQuerySchema } from '../../../core/api/customers';
import { customersPage } from '../../../core/crm/customers/page';
import { recomputeAll } from '../../../core/crm/recompute';
import { tempDb } from '../../support/db';
import { addCustomer, addIdentity, addOrder } from '../../support/crm-builders';

type TestDb = Awaited<ReturnType<typeof tempDb>>;
let db: TestDb;
const asOf = new Date('2024-06-30T12:00:00Z');

// Darren Powers has Superstore's id DP-13000. Three others have phones holding "13000":
// one starting 130 00, one with 1300 in its hidden middle, one ending 3000 (not 13000).
// Wang has her mobile as her member id; Zhao a platform's masked phone.
beforeAll(async () => {
  db = await tempDb();
  const people: [string, string, string][] = [
    ['Darren Powers', 'member', 'DP-13000'],
    ['Phone 130', 'phone', '+8613000112233'],
    ['Phone middle', 'phone', '+8615813000999'],
    ['Phone tail', 'phone', '+8613912343000'],
    ['Wang Fang', 'member', '13812345678'],
    ['Zhao Lei', 'masked_phone', '137****4321'],
    ['Platform buyer', 'platform', 'tb_buyer77'],
  ];
  for (const [name, kind, value] of people) {
    const id = await addCustomer(db, { name });
    if (kind === 'platform') {
      const row = {
        customer_id: id,
        kind: 'platform' as const,
        value,
        source: 'test',
        created_at: 0,
      };
      await db.k.insertInto('customer_identities').values(row).execute();
    } else await addIdentity(db, id, kind as 'member' | 'phone' | 'masked_phone', value);
    await addOrder(db, { customerId: id, at: '2024-06-01T03:00:00Z', amountFen: 1000 });
  }
  await recomputeAll(db, asOf);
});
afterAll(async () => {
  await db.cleanup();
});

const found = async (search: string) => {
  const q = customerQuerySchema.parse({ search, sort: [{ column: 'name', dir: 'asc' }] });
  return (await customersPage(db, q, asOf)).rows.map((r) => r.name);
};

describe('the customers search box', () => {
  it('finds a customer by a member id with letters, whatever its case or width', async () => {
    expect(await found('DP-13000')).toEqual(['Darren Powers']);
    expect(await found('dp-13000')).toEqual(['Darren Powers']);
    // Full-width letters and hyphen from a Chinese input method, with spaces around.
    expect(await found(' ＤＰ－１３０００ ')).toEqual(['Darren Powers']);
    expect(await found('TB_BUYER77')).toEqual(['Platform buyer']);
  });

  it('reads text with letters as an id, never as phone digits', async () => {
    expect(await found('DP-13000')).not.toContain('Phone 130');
    expect(await found('X3000')).toEqual([]);
  });

  it('finds a phone by its shown last four digits or by the whole number', async () => {
    expect(await found('3000')).toEqual(['Phone tail']);
    expect(await found('4321')).toEqual(['Zhao Lei']);
    expect(await found('130-0011-2233')).toEqual(['Phone 130']);
    expect(await found('+86 158 1300 0999')).toEqual(['Phone middle']);
    // The whole number masked is what the platform kept: 137****4321.
    expect(await found('13711114321')).toEqual(['Zhao Lei']);
  });

  it('never finds a phone by digits the grid hides', async () => {
    // 13000 is in all of the first three phones, in hidden places for two of them.
    expect(await found('13000')).toEqual([]);
    expect(await found('1300')).toEqual([]);
    expect(await found('138 1300 0')).toEqual([]);
    expect(await found('1581300')).toEqual([]);
  });

  it('finds a member id that is a mobile number only by the whole number', async () => {
    expect(await found('13812345678')).toEqual(['Wang Fang']);
    expect(await found('+86 138 1234 5678')).toEqual(['Wang Fang']);
    expect(await found('1381234')).toEqual([]);
  });
});
