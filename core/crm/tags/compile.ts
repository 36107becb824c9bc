import { sql } from 'kysely';
import type { RawBuilder, SqlBool } from 'kysely';
import type { Comparator, RuleCondition, RuleNode } from '../../api/rules';
import { CoreError } from '../../shared/errors';
import type { FieldDef } from './fields';

/** The SQL of each ordering comparator: constant fragments, never text from a rule. */
const operators = {
  eq: sql`=`,
  ne: sql`<>`,
  gt: sql`>`,
  gte: sql`>=`,
  lt: sql`<`,
  lte: sql`<=`,
} as const;

const ordering: readonly Comparator[] = ['gt', 'gte', 'lt', 'lte', 'between'];
const maxDepth = 8;

function fail(code: string, message: string, cond: RuleCondition, path: string): never {
  throw new CoreError(code, message, { field: cond.field, cmp: cond.cmp, path });
}

function checkScalar(field: FieldDef, value: unknown, cond: RuleCondition, path: string): void {
  const numeric = field.type === 'number' || field.type === 'money' || field.type === 'days';
  if (numeric && (typeof value !== 'number' || !Number.isFinite(value))) {
    fail(
      'rules.bad_value',
      `${field.key} needs a number, not ${JSON.stringify(value)}.`,
      cond,
      path,
    );
  }
  if (field.type === 'money' && !Number.isInteger(value)) {
    fail('rules.bad_value', `${field.key} is money in whole fen: ${value} is not.`, cond, path);
  }
  if (!numeric && typeof value !== 'string') {
    fail('rules.bad_value', `${field.key} needs text, not ${JSON.stringify(value)}.`, cond, path);
  }
  const options = field.options?.map((o) => o.value);
  if (field.type === 'enum' && options && !options.includes(value as string)) {
    fail(
      'rules.bad_value',
      `${field.key} cannot be ${JSON.stringify(value)}; choose one of ${options.join(', ')}.`,
      cond,
      path,
    );
  }
}

/** Refuses a condition whose comparator or value does not fit its field. */
function checkCondition(field: FieldDef, cond: RuleCondition, path: string): void {
  const numeric = field.type === 'number' || field.type === 'money' || field.type === 'days';
  if (!numeric && ordering.includes(cond.cmp)) {
    fail(
      'rules.bad_comparator',
      `${field.key} is ${field.type}: it can be compared with eq, ne, in, isNull or notNull, ` +
        `not ${cond.cmp}.`,
      cond,
      path,
    );
  }
  if (cond.cmp === 'isNull' || cond.cmp === 'notNull') return;

  const list = Array.isArray(cond.value) ? cond.value : null;
  if (cond.cmp === 'between') {
    if (!list || list.length !== 2) {
      fail('rules.bad_value', `${field.key} between needs [low, high].`, cond, path);
    }
    list.forEach((v) => checkScalar(field, v, cond, path));
    if ((list[0] as number) > (list[1] as number)) {
      fail(
        'rules.bad_value',
        `${field.key} between ${list[0]} and ${list[1]}: low > high.`,
        cond,
        path,
      );
    }
  } else if (cond.cmp === 'in') {
    if (!list || list.length === 0) {
      fail('rules.bad_value', `${field.key} in needs a non-empty list of values.`, cond, path);
    }
    list.forEach((v) => checkScalar(field, v, cond, path));
  } else {
    checkScalar(field, cond.value, cond, path);
  }
}

/** Finds the whitelisted field a condition names, or refuses the rule naming the field. */
export function fieldOf(fields: readonly FieldDef[], cond: RuleCondition, path: string): FieldDef {
  const field = fields.find((f) => f.key === cond.field);
  if (!field) {
    fail(
      'rules.unknown_field',
      `The rule tests "${cond.field}", which is not a customer field a tag may use ` +
        `(condition ${path}); pick one from the field list.`,
      cond,
      path,
    );
  }
  return field;
}

/**
 * SQL of one condition over `customers AS c JOIN customer_metrics AS m`. A money value in
 * a rule is typed in yuan, so a money condition holds only for customers whose money is
 * in yuan: a customer in pounds is never compared with it (the explanation says so).
 */
export function conditionSql(
  field: FieldDef,
  cond: RuleCondition,
  day: string,
): RawBuilder<SqlBool> {
  const test = comparison(field, cond, day);
  return field.type === 'money' ? sql<SqlBool>`(m.currency = 'CNY' AND ${test})` : test;
}

function comparison(field: FieldDef, cond: RuleCondition, day: string): RawBuilder<SqlBool> {
  const expr = field.sql(day);
  const value = cond.value;
  switch (cond.cmp) {
    case 'isNull':
      return sql<SqlBool>`(${expr} IS NULL)`;
    case 'notNull':
      return sql<SqlBool>`(${expr} IS NOT NULL)`;
    case 'between': {
      const [low, high] = value as (number | string)[];
      return sql<SqlBool>`(${expr} BETWEEN ${low} AND ${high})`;
    }
    case 'in':
      return sql<SqlBool>`(${expr} IN (${sql.join(value as (number | string)[])}))`;
    default:
      return sql<SqlBool>`(${expr} ${operators[cond.cmp]} ${value})`;
  }
}

/**
 * Checks a rule against the field whitelist and compiles it to one SQL condition.
 * An unknown field, a comparator that does not fit, or a bad value is a CoreError
 * naming the field and the condition's path (e.g. "1.2": second child of the first).
 */
export function compileRule(
  rule: RuleNode,
  fields: readonly FieldDef[],
  asOfDay: string,
): RawBuilder<SqlBool> {
  const walk = (node: RuleNode, path: string, depth: number): RawBuilder<SqlBool> => {
    if (node.type === 'condition') {
      const field = fieldOf(fields, node, path || '1');
      checkCondition(field, node, path || '1');
      return conditionSql(field, node, asOfDay);
    }
    if (depth > maxDepth) {
      throw new CoreError('rules.too_deep', `The rule nests groups deeper than ${maxDepth}.`, {
        path,
      });
    }
    if (node.children.length === 0) return node.op === 'and' ? sql`(1 = 1)` : sql`(1 = 0)`;
    const parts = node.children.map((c, i) =>
      walk(c, path ? `${path}.${i + 1}` : `${i + 1}`, depth + 1),
    );
    return sql<SqlBool>`(${sql.join(parts, node.op === 'and' ? sql` AND ` : sql` OR `)})`;
  };
  return walk(rule, '', 0);
}

/** Whether a rule tests a field of the customer's record (see `FieldDef.ofCustomer`). */
export function readsCustomer(rule: RuleNode, fields: readonly FieldDef[]): boolean {
  if (rule.type === 'condition') {
    return fields.some((f) => f.key === rule.field && f.ofCustomer === true);
  }
  return rule.children.some((child) => readsCustomer(child, fields));
}
