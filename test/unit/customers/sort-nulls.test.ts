import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerQuerySchema } from '../../../core/api/customers';
import { customersPage } from '../../../core/crm/customers/page';
import { recomputeAll } from '../../../core/crm/recompute';
import { tempDb } from '../../support/db';
import { addCustomer } from '../../support/crm-builders';

type TestDb = Awaited<ReturnType<typeof tempDb>>;
let db: TestDb;
const asOf = new Date('2024-06-30T12:00:00Z');

// Ages on 2024-06-30, worked by hand: born 1990-05-05 → 34, 2000-01-01 → 24,
// 1980-12-31 → 43 (birthday not yet reached in 2024). Two customers have no birth date.
beforeAll(async () => {
  db = await tempDb();
  await addCustomer(db, { name: 'no-age-1' });
  await addCustomer(db, { name: 'age-34', birthDate: '1990-05-05' });
  await addCustomer(db, { name: 'no-age-2' });
  await addCustomer(db, { name: 'age-24', birthDate: '2000-01-01' });
  await addCustomer(db, { name: 'age-43', birthDate: '1980-12-31' });
  await recomputeAll(db, asOf);
});

afterAll(async () => {
  await db.cleanup();
});

async function namesByAge(dir: 'asc' | 'desc'): Promise<(string | null)[]> {
  const q = customerQuerySchema.parse({ sort: [{ column: 'age', dir }] });
  const page = await customersPage(db, q, asOf);
  return page.rows.map((r) => r.name);
}

describe('customers sorted by age', () => {
  it('puts customers without an age after the youngest-first list', async () => {
    expect(await namesByAge('asc')).toEqual(['age-24', 'age-34', 'age-43', 'no-age-1', 'no-age-2']);
  });

  it('puts customers without an age after the oldest-first list too', async () => {
    expect(await namesByAge('desc')).toEqual([
      'age-43',
      'age-34',
      'age-24',
      'no-age-1',
      'no-age-2',
    ]);
  });
});
