import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../core/db/open';
import { recomputeAll, refreshCustomers } from '../../core/crm/recompute';
import { saveTag } from '../../core/crm/tags/store';
import { tempDb } from '../support/db';
import { addCustomer, addOrder } from '../support/crm-builders';

const asOf = new Date('2024-06-30T12:00:00Z');
const hourMs = 3_600_000;

const order = fc.record({
  customer: fc.integer({ min: 0, max: 5 }),
  daysBack: fc.integer({ min: 0, max: 400 }),
  hoursBack: fc.integer({ min: 0, max: 23 }),
  amountFen: fc.integer({ min: 100, max: 40_000 }),
  kind: fc.constantFrom('sale', 'sale', 'sale', 'return', 'cancellation'),
  channel: fc.constantFrom('pos', 'miniprogram', 'delivery'),
});
type RandomOrder = typeof order extends fc.Arbitrary<infer T> ? T : never;

async function insert(db: Db, customers: number[], orders: RandomOrder[]): Promise<number[]> {
  for (const o of orders) {
    const at = new Date(asOf.getTime() - o.daysBack * 24 * hourMs - o.hoursBack * hourMs);
    await addOrder(db, {
      customerId: customers[o.customer]!,
      at: at.toISOString(),
      amountFen: o.kind === 'sale' ? o.amountFen : -o.amountFen,
      kind: o.kind,
      channel: o.channel,
      lines: [{ category: o.amountFen % 2 ? 'tea' : 'cake', amountFen: o.amountFen }],
    });
  }
  return [...new Set(orders.map((o) => customers[o.customer]!))];
}

async function snapshot(db: Db) {
  const metrics = await db.k
    .selectFrom('customer_metrics')
    .selectAll()
    .orderBy('customer_id')
    .execute();
  const members = await db.k
    .selectFrom('tag_members')
    .selectAll()
    .orderBy('tag_id')
    .orderBy('customer_id')
    .execute();
  return { metrics, members };
}

describe('incremental refresh', () => {
  it('gives the same metrics and tags as a full recompute after random new orders', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(order, { maxLength: 40 }),
        fc.array(order, { minLength: 1, maxLength: 12 }),
        async (before, after) => {
          const db = await tempDb();
          try {
            // Two women of gold age, so that the built-in gold tag can be earned.
            const customers = [
              await addCustomer(db, { gender: 'F', birthDate: '1994-01-01', city: 'Shanghai' }),
              await addCustomer(db, { gender: 'F', birthDate: '1990-07-01', city: 'Beijing' }),
              await addCustomer(db, { gender: 'M', birthDate: '1985-03-03' }),
              await addCustomer(db, { gender: 'F' }),
              await addCustomer(db, {}),
              await addCustomer(db, { gender: 'M', city: 'Shanghai' }),
            ];
            await insert(db, customers, before);
            await recomputeAll(db, asOf);
            await saveTag(
              db,
              {
                nameZh: '常客',
                nameEn: 'Regular',
                kind: 'rule',
                rule: {
                  type: 'group',
                  op: 'or',
                  children: [
                    { type: 'condition', field: 'orders_90', cmp: 'gte', value: 2 },
                    { type: 'condition', field: 'spend_all', cmp: 'gte', value: 30_000 },
                  ],
                },
              },
              asOf,
            );

            const touched = await insert(db, customers, after);
            await refreshCustomers(db, touched, asOf);
            const incremental = await snapshot(db);

            const summary = await recomputeAll(db, asOf, { rfmCuts: 'stored' });
            expect(await snapshot(db)).toEqual(incremental);
            expect([summary.membershipsAdded, summary.membershipsRemoved]).toEqual([0, 0]);
          } finally {
            await db.cleanup();
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});
