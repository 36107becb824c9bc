import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dashboardSummary } from '../../../core/crm/customers/dashboard';
import type { Db } from '../../../core/db/open';
import type { IdentityKind } from '../../../core/db/schema';
import { addCustomer, addOrder } from '../../support/crm-builders';
import { tempDb } from '../../support/db';

let db: Db & { cleanup(): Promise<void> };
const now = new Date('2024-06-30T12:00:00Z');

beforeEach(async () => {
  db = await tempDb();
});

afterEach(async () => {
  await db.cleanup();
});

/** A customer with the given identities and one sale of `amountFen` on 2024-06-10. */
async function buyer(kinds: [IdentityKind, string][], amountFen: number): Promise<number> {
  const id = await addCustomer(db);
  for (const [kind, value] of kinds) {
    await db.k
      .insertInto('customer_identities')
      .values({ customer_id: id, kind, value, source: 'test', created_at: 0 })
      .execute();
  }
  await addOrder(db, { customerId: id, at: '2024-06-10T03:00:00Z', amountFen });
  return id;
}

describe('the members’ share of sales', () => {
  it('counts a member id or a whole phone as membership, and nothing else', async () => {
    // Amounts are powers of two so that any wrong grouping shows in the sums.
    const m1 = await buyer([['member', 'M001']], 1000);
    await buyer([['phone', '+8613800001111']], 2000);
    await buyer(
      [
        ['platform', 'mt_1'],
        ['member', 'M003'],
      ],
      4000,
    );
    await buyer([['platform', 'mt_2']], 8000);
    await buyer([['masked_phone', '138****2222']], 16000);
    await buyer([['email', 'p3@example.cn']], 32000);
    await buyer([], 128000);
    await addOrder(db, { customerId: null, at: '2024-06-11T03:00:00Z', amountFen: 64000 });
    // A member's return lowers the members' sales: 1000 - 500.
    const refund = { amountFen: -500, kind: 'return' as const };
    await addOrder(db, { customerId: m1, at: '2024-06-12T03:00:00Z', ...refund });

    const d = await dashboardSummary(db, 30, now);
    // Members: 500 + 2000 + 4000 = 6500. Other customers (platform id, masked phone,
    // e-mail, no id at all): 8000 + 16000 + 32000 + 128000 = 184000. Anonymous 64000.
    expect([d.memberSalesFen, d.otherCustomerSalesFen, d.anonymousSalesFen]).toEqual([
      6500, 184000, 64000,
    ]);
    // The three add up to the sales: 6500 + 184000 + 64000 = 254500.
    expect(d.salesFen).toBe(254500);
  });
});
