import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerQuerySchema } from '../../../core/api/customers';
import { customersPage } from '../../../core/crm/customers/page';
import { foldIdCase, searchSql } from '../../../core/crm/customers/search';
import { recomputeAll } from '../../../core/crm/recompute';
import { tempDb } from '../../support/db';
import { addCustomer, addOrder } from '../../support/crm-builders';

type TestDb = Awaited<ReturnType<typeof tempDb>>;
let db: TestDb;
const asOf = new Date('2024-06-30T12:00:00Z');

// Ids as channels write them: Superstore in capitals, a platform in mixed case, an
// external id with a small letter in the middle; a member id that is a mobile number; a
// platform's masked phone; an e-mail.
const people: [string, 'member' | 'platform' | 'external' | 'masked_phone' | 'email', string][] = [
  ['Darren Powers', 'member', 'DP-13000'],
  ['Platform buyer', 'platform', 'tb_Buyer77'],
  ['External one', 'external', 'CRM-aX-9'],
  ['Wang Fang', 'member', '13812345678'],
  ['Zhao Lei', 'masked_phone', '137****4321'],
  ['Mail person', 'email', 'li.na@example.cn'],
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

const found = async (search: string) => {
  const q = customerQuerySchema.parse({ search, sort: [{ column: 'name', dir: 'asc' }] });
  return (await customersPage(db, q, asOf)).rows.map((r) => r.name);
};

describe('the customers search finds an id with letters in any case', () => {
  it('finds Superstore\'s "DP-13000" typed as "Dp-13000" or "dP-13000"', async () => {
    expect(await found('Dp-13000')).toEqual(['Darren Powers']);
    expect(await found('dP-13000')).toEqual(['Darren Powers']);
  });

  it('finds an id stored in mixed case by capitals, small letters or another mix', async () => {
    for (const typed of ['TB_BUYER77', 'tb_buyer77', 'Tb_bUyEr77', ' tb_Buyer77 ']) {
      expect(await found(typed)).toEqual(['Platform buyer']);
    }
    expect(await found('crm-ax-9')).toEqual(['External one']);
  });

  it('reads full-width letters from a Chinese input method as their ASCII forms (NFKC)', async () => {
    // ｔｂ＿ＢＵＹＥＲ７７ is NFKC tb_BUYER77.
    expect(await found('ｔｂ＿ＢＵＹＥＲ７７')).toEqual(['Platform buyer']);
  });

  it('still finds an id only as a whole, never by a part', async () => {
    expect(await found('tb_buyer7')).toEqual([]);
    expect(await found('DP-1300')).toEqual([]);
  });

  it('keeps the masking rules: a mobile member id and a masked phone by the whole number only', async () => {
    expect(await found('13812345678')).toEqual(['Wang Fang']);
    expect(await found('1381234')).toEqual([]);
    expect(await found('13711114321')).toEqual(['Zhao Lei']);
    // The masked form as the grid shows it finds the phone the grid shows so (breaker9).
    expect(await found('137****4321')).toEqual(['Zhao Lei']);
  });

  it('finds an e-mail in any case, as before', async () => {
    expect(await found('Li.Na@Example.CN')).toEqual(['Mail person']);
  });
});

describe('how the search reads the identities', () => {
  it("folds A–Z only, as SQLite's lower() does", () => {
    expect(foldIdCase('Dp-13000')).toBe('dp-13000');
    // Letters outside A–Z are left as they are on both sides.
    expect(foldIdCase('ÄB-1')).toBe('Äb-1');
  });

  it('looks every id, e-mail and whole phone up through an index, not a scan', async () => {
    for (const search of ['Dp-13000', 'li.na@example.cn', '13812345678']) {
      const plan = await sql<{ detail: string }>`EXPLAIN QUERY PLAN
        SELECT c.id FROM customers c WHERE ${searchSql(search)}`.execute(db.k);
      const identities = plan.rows.map((r) => r.detail).filter((d) => / i\b/.test(d));
      expect(identities.length, search).toBeGreaterThan(0);
      expect(
        identities.filter((d) => !/USING INDEX .*=\?/.test(d)),
        search,
      ).toEqual([]);
    }
  });
});
