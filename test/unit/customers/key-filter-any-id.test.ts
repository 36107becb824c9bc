import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerQuerySchema } from '../../../core/api/customers';
import { keyContainsSql } from '../../../core/crm/customers/key';
import { customersPage } from '../../../core/crm/customers/page';
import { normalizeMemberId } from '../../../core/crm/identity/normalize';
import { recomputeAll } from '../../../core/crm/recompute';
import type { IdentityKind } from '../../../core/db/schema';
import { tempDb } from '../../support/db';
import { addCustomer, addOrder } from '../../support/crm-builders';

/*
 * Reported by a tester: the key column's tooltip says the filter looks in member and
 * platform ids, but it compared one id per customer (the first member id, else the first
 * platform id), and it took the typed text as it came while ids are stored trimmed and
 * NFKC-normalised. Worked by hand for the customers below:
 * - "two cards" holds member M-001 (recorded first, the one the grid shows), member M-002
 *   and platform olist-abc: "M-001", "M-002" and "olist-abc" each find only them.
 * - "uci" holds member 17850 (the cell "１７８５０" normalised: NFKC maps each full-width
 *   digit U+FF11.. to 1..): "１７８５０" → NFKC "17850", "17850 " → trimmed "17850", and
 *   "\u30007850" (an ideographic space, NFKC → a space, trimmed) → "7850"; all inside "17850".
 * - "phone only" holds a phone and an e-mail: never found by the key filter.
 */
type TestDb = Awaited<ReturnType<typeof tempDb>>;
let db: TestDb;
const asOf = new Date('2024-06-30T12:00:00Z');
const c: Record<string, number> = {};

async function withIds(name: string, ids: [IdentityKind, string][]): Promise<void> {
  c[name] = await addCustomer(db);
  await addOrder(db, { customerId: c[name], at: '2024-06-01T03:00:00Z', amountFen: 100 });
  for (const [kind, value] of ids) {
    await db.k
      .insertInto('customer_identities')
      .values({ customer_id: c[name]!, kind, value, source: 'test', created_at: 0 })
      .execute();
  }
}

beforeAll(async () => {
  db = await tempDb();
  await withIds('twoCards', [
    ['member', 'M-001'],
    ['member', 'M-002'],
    ['platform', 'olist-abc'],
  ]);
  await withIds('uci', [['member', normalizeMemberId('１７８５０')!]]);
  await withIds('phoneOnly', [
    ['phone', '+8613812341234'],
    ['email', 'olist@example.com'],
  ]);
  await recomputeAll(db, asOf);
});
afterAll(async () => {
  await db.cleanup();
});

async function found(contains: string): Promise<number[]> {
  const q = customerQuerySchema.parse({ filters: [{ type: 'text', column: 'key', contains }] });
  const page = await customersPage(db, q, asOf);
  expect(page.total).toBe(page.rows.length);
  return page.rows.map((r) => r.id);
}

describe('the key filter looks in every member and platform id of a customer', () => {
  it('finds them by the member id the grid shows', async () => {
    expect(await found('M-001')).toEqual([c.twoCards]);
  });

  it('finds them by a second member card', async () => {
    expect(await found('M-002')).toEqual([c.twoCards]);
  });

  it('finds them by a platform id behind their member id', async () => {
    expect(await found('olist-abc')).toEqual([c.twoCards]);
    // "olist" is also inside the other customer's e-mail, which the filter never reads.
    expect(await found('olist')).toEqual([c.twoCards]);
  });

  it('lists a customer once when several of their ids match', async () => {
    expect(await found('M-00')).toEqual([c.twoCards]);
  });
});

describe('the key filter reads typed text as ids are stored', () => {
  it('stores the full-width id half-width', () => {
    expect(normalizeMemberId('１７８５０')).toBe('17850');
  });

  it('finds the customer by full-width digits from a Chinese input method', async () => {
    expect(await found('１７８５０')).toEqual([c.uci]);
  });

  it('finds the customer by an id pasted with spaces around it', async () => {
    expect(await found('17850 ')).toEqual([c.uci]);
    expect(await found('\u30007850')).toEqual([c.uci]);
  });

  it('still takes % and _ literally after normalising', async () => {
    expect(await found('１７%')).toEqual([]);
  });
});

describe('the key filter’s cost', () => {
  it('checks each customer with one seek in the identities-by-customer index', () => {
    const q = db.k
      .selectFrom('customer_metrics as m')
      .select('m.customer_id')
      .where(keyContainsSql('abc'))
      .compile();
    const rows = db.raw.prepare(`EXPLAIN QUERY PLAN ${q.sql}`).all(...q.parameters) as {
      detail: string;
    }[];
    const steps = rows.map((r) => r.detail).join('\n');
    expect(steps).toContain('USING INDEX customer_identities_customer (customer_id=?)');
    expect(steps).not.toMatch(/SCAN i\b/);
  });
});
