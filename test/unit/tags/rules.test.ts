import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RuleNode } from '../../../core/api/rules';
import { recomputeAll } from '../../../core/crm/recompute';
import { compileRule } from '../../../core/crm/tags/compile';
import { explainRule } from '../../../core/crm/tags/explain';
import { ruleFields } from '../../../core/crm/tags/fields';
import type { FieldDef } from '../../../core/crm/tags/fields';
import { countRule } from '../../../core/crm/tags/count';
import { tempDb } from '../../support/db';
import { addCustomer, addOrder } from '../../support/crm-builders';

type TestDb = Awaited<ReturnType<typeof tempDb>>;
let db: TestDb;
let fields: FieldDef[];
const ids: Record<string, number> = {};
const asOf = new Date('2024-06-30T12:00:00Z');

// Four customers; orders in the last 30 days and lifetime spend worked out per customer:
//   ann  F, born 1994-07-01 (29 on 2024-06-30), Shanghai, 3 orders of 9000 → spend 27000
//   bea  F, born 1994-06-30 (30 today), Beijing, 1 order of 5000
//   cao  M, no birth date, no city, 2 orders of 4000 and 6000 → spend 10000
//   dan  no gender, born 1980-01-01 (44), Shanghai, no orders
beforeAll(async () => {
  db = await tempDb();
  ids.ann = await addCustomer(db, { gender: 'F', birthDate: '1994-07-01', city: 'Shanghai' });
  ids.bea = await addCustomer(db, { gender: 'F', birthDate: '1994-06-30', city: 'Beijing' });
  ids.cao = await addCustomer(db, { gender: 'M' });
  ids.dan = await addCustomer(db, { birthDate: '1980-01-01', city: 'Shanghai' });
  for (const day of ['10', '12', '14']) {
    await addOrder(db, { customerId: ids.ann, at: `2024-06-${day}T03:00:00Z`, amountFen: 9000 });
  }
  await addOrder(db, { customerId: ids.bea, at: '2024-06-20T03:00:00Z', amountFen: 5000 });
  await addOrder(db, { customerId: ids.cao, at: '2024-06-01T03:00:00Z', amountFen: 4000 });
  await addOrder(db, { customerId: ids.cao, at: '2024-06-02T03:00:00Z', amountFen: 6000 });
  await recomputeAll(db, asOf);
  fields = await ruleFields(db);
});
afterAll(async () => {
  await db.cleanup();
});

const cond = (field: string, cmp: string, value: unknown): RuleNode =>
  ({ type: 'condition', field, cmp, value }) as RuleNode;

async function matching(rule: RuleNode): Promise<string[]> {
  const where = compileRule(rule, fields, '2024-06-30');
  const rows = await db.k
    .selectFrom('customers as c')
    .innerJoin('customer_metrics as m', 'm.customer_id', 'c.id')
    .select('c.id')
    .where(where)
    .orderBy('c.id')
    .execute();
  const names = Object.fromEntries(Object.entries(ids).map(([k, v]) => [v, k]));
  return rows.map((r) => names[r.id]!);
}

describe('compiling rule conditions to SQL', () => {
  it.each([
    ['eq', cond('gender', 'eq', 'F'), ['ann', 'bea']],
    // SQL comparisons with an unknown value fail: dan (no gender) matches neither eq nor ne.
    ['ne', cond('gender', 'ne', 'F'), ['cao']],
    ['gt', cond('spend_all', 'gt', 10000), ['ann']],
    ['gte', cond('spend_all', 'gte', 10000), ['ann', 'cao']],
    ['lt', cond('orders_all', 'lt', 2), ['bea', 'dan']],
    ['lte', cond('orders_all', 'lte', 2), ['bea', 'cao', 'dan']],
    // Ages on 2024-06-30: ann 29 (birthday tomorrow), bea 30 (today), dan 44.
    ['between', cond('age', 'between', [25, 30]), ['ann', 'bea']],
    ['in', cond('city', 'in', ['Beijing', 'Hangzhou']), ['bea']],
    ['isNull', cond('city', 'isNull', null), ['cao']],
    ['notNull', cond('age', 'notNull', null), ['ann', 'bea', 'dan']],
  ])('%s selects the customers worked out by hand', async (_cmp, rule, expected) => {
    expect(await matching(rule)).toEqual(expected);
  });

  it('combines AND and OR groups', async () => {
    const rule: RuleNode = {
      type: 'group',
      op: 'or',
      children: [
        {
          type: 'group',
          op: 'and',
          children: [cond('gender', 'eq', 'F'), cond('orders_30', 'gte', 3)],
        },
        cond('city', 'isNull', null),
      ],
    };
    expect(await matching(rule)).toEqual(['ann', 'cao']);
    expect(await countRule(db, rule, asOf)).toBe(2);
  });

  it('treats an empty AND as everyone and an empty OR as no one', async () => {
    expect(await matching({ type: 'group', op: 'and', children: [] })).toHaveLength(4);
    expect(await matching({ type: 'group', op: 'or', children: [] })).toEqual([]);
  });
});

describe('refusing bad rules', () => {
  const refuse = (rule: RuleNode) => () => compileRule(rule, fields, '2024-06-30');

  it('names an unknown field', () => {
    expect(refuse(cond('password', 'eq', 'x'))).toThrowError(
      expect.objectContaining({
        code: 'rules.unknown_field',
        details: expect.objectContaining({ field: 'password' }),
      }),
    );
  });

  it('names the field whose value does not fit', () => {
    expect(refuse(cond('orders_30', 'gte', 'three'))).toThrowError(
      expect.objectContaining({
        code: 'rules.bad_value',
        message: expect.stringContaining('orders_30'),
      }),
    );
    expect(refuse(cond('gender', 'eq', 'X'))).toThrowError(
      expect.objectContaining({
        code: 'rules.bad_value',
        message: expect.stringContaining('gender'),
      }),
    );
    expect(refuse(cond('spend_all', 'gte', 99.5))).toThrowError(
      expect.objectContaining({ code: 'rules.bad_value' }),
    );
    expect(refuse(cond('age', 'between', [35, 25]))).toThrowError(
      expect.objectContaining({ code: 'rules.bad_value' }),
    );
    expect(refuse(cond('city', 'in', []))).toThrowError(
      expect.objectContaining({ code: 'rules.bad_value' }),
    );
  });

  it('refuses ordering comparators on text and enumerations', () => {
    expect(refuse(cond('city', 'gt', 'B'))).toThrowError(
      expect.objectContaining({
        code: 'rules.bad_comparator',
        details: expect.objectContaining({ field: 'city' }),
      }),
    );
  });

  it('gives the path of a bad condition inside groups', () => {
    const rule: RuleNode = {
      type: 'group',
      op: 'and',
      children: [
        cond('gender', 'eq', 'F'),
        { type: 'group', op: 'or', children: [cond('nope', 'eq', 1)] },
      ],
    };
    expect(refuse(rule)).toThrowError(
      expect.objectContaining({ details: expect.objectContaining({ path: '2.1', field: 'nope' }) }),
    );
  });
});

describe('explaining a rule for one customer', () => {
  it('shows each condition with the customer’s own value and verdict', async () => {
    const rule: RuleNode = {
      type: 'group',
      op: 'and',
      children: [
        cond('gender', 'eq', 'F'),
        cond('age', 'between', [25, 35]),
        cond('aov', 'gte', 8000),
      ],
    };
    // bea: female, 30, one order of 5000 → AOV 5000 fails ≥ 8000.
    const explained = await explainRule(db, rule, fields, ids.bea!, '2024-06-30');
    expect(explained.passed).toBe(false);
    expect(
      explained.children.map((c) =>
        c.type === 'condition' ? [c.field, c.customerValue, c.passed] : null,
      ),
    ).toEqual([
      ['gender', 'F', true],
      ['age', 30, true],
      ['aov', 5000, false],
    ]);
    // ann: AOV 27000 / 3 = 9000 passes.
    expect((await explainRule(db, rule, fields, ids.ann!, '2024-06-30')).passed).toBe(true);
  });
});
