import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RuleGroup } from '../../../core/api/rules';
import { recomputeAll } from '../../../core/crm/recompute';
import { countRule, uncomparedByRule } from '../../../core/crm/tags/count';
import { addCustomer, addOrder } from '../../support/crm-builders';
import { tempDb } from '../../support/db';

type TestDb = Awaited<ReturnType<typeof tempDb>>;
let db: TestDb;
beforeEach(async () => {
  db = await tempDb();
});
afterEach(async () => {
  await db.cleanup();
});

const asOf = new Date('2024-06-30T12:00:00Z');
const at = '2024-06-01T02:00:00Z';
const spendAtLeast = (fen: number): RuleGroup => ({
  type: 'group',
  op: 'and',
  children: [{ type: 'condition', field: 'spend_all', cmp: 'gte', value: fen }],
});

describe('customers a rule’s money conditions pass over', () => {
  it('are those whose money is in another currency, counted beside the matches', async () => {
    // One customer spent ¥2,500.00, two spent £3,000.00 each: "lifetime spend ≥ ¥1,000"
    // matches the first only, and passes over the two whose money is in pounds.
    const yuan = await addCustomer(db);
    await addOrder(db, { customerId: yuan, at, amountFen: 250_000 });
    for (let i = 0; i < 2; i++) {
      const pounds = await addCustomer(db);
      await addOrder(db, { customerId: pounds, at, amountFen: 300_000, currency: 'GBP' });
    }
    await recomputeAll(db, asOf);

    expect(await countRule(db, spendAtLeast(100_000), asOf)).toBe(1);
    expect(await uncomparedByRule(db, spendAtLeast(100_000), asOf)).toBe(2);
  });

  it('leave out customers without a purchase, who have no money to compare', async () => {
    // One customer spent £30.00; another only returned goods (−£5.00), no purchase: of the
    // two in pounds, one is passed over by "lifetime spend ≥ ¥1,000".
    const bought = await addCustomer(db);
    await addOrder(db, { customerId: bought, at, amountFen: 3000, currency: 'GBP' });
    const returned = await addCustomer(db);
    await addOrder(db, {
      customerId: returned,
      at,
      amountFen: -500,
      kind: 'return',
      currency: 'GBP',
    });
    await recomputeAll(db, asOf);
    expect(await uncomparedByRule(db, spendAtLeast(100_000), asOf)).toBe(1);
  });

  it('are none for a rule without a money condition', async () => {
    const pounds = await addCustomer(db);
    await addOrder(db, { customerId: pounds, at, amountFen: 300_000, currency: 'GBP' });
    await recomputeAll(db, asOf);
    const ordersRule: RuleGroup = {
      type: 'group',
      op: 'or',
      children: [{ type: 'condition', field: 'orders_all', cmp: 'gte', value: 1 }],
    };
    expect(await countRule(db, ordersRule, asOf)).toBe(1);
    expect(await uncomparedByRule(db, ordersRule, asOf)).toBe(0);
  });

  it('are only those the rule leaves out, not those it matches by another condition', async () => {
    // Two customers spent £30.00 each: "orders ≥ 1 OR lifetime spend ≥ ¥100" matches both
    // by their order, so nobody was passed over (count 2, not compared 0).
    for (let i = 0; i < 2; i++) {
      const pounds = await addCustomer(db);
      await addOrder(db, { customerId: pounds, at, amountFen: 3000, currency: 'GBP' });
    }
    await recomputeAll(db, asOf);
    const either: RuleGroup = {
      type: 'group',
      op: 'or',
      children: [
        { type: 'condition', field: 'orders_all', cmp: 'gte', value: 1 },
        { type: 'condition', field: 'spend_all', cmp: 'gte', value: 10_000 },
      ],
    };
    expect(await countRule(db, either, asOf)).toBe(2);
    expect(await uncomparedByRule(db, either, asOf)).toBe(0);
  });
});
