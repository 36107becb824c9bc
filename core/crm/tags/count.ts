import { sql } from 'kysely';
import type { RuleNode } from '../../api/rules';
import type { Db } from '../../db/open';
import { businessDayOf } from '../metrics/days';
import { metricsAsOf } from '../metrics/settings';
import { compileRule } from './compile';
import { ruleFields } from './fields';

/** How many customers a rule matches against the current metrics, before it is saved. */
export async function countRule(db: Db, rule: RuleNode, now: Date): Promise<number> {
  return countMatching(db, (await compiled(db, rule, now)).where);
}

/**
 * How many customers a rule's money conditions pass over: money conditions compare yuan
 * only (a pound is not a yuan), so customers whose money is in another currency never meet
 * one; those the rule still leaves out are counted (one it matches by another condition,
 * an OR, is in the count already). 0 when the rule tests no money field. The rule builder
 * says so beside the count, so that a rule finding no one in a UK shop's data is no mystery.
 */
export async function uncomparedByRule(db: Db, rule: RuleNode, now: Date): Promise<number> {
  return passedOver(db, rule, await compiled(db, rule, now));
}

/** The rule builder's live figures: both of the above, the rule compiled once. */
export async function liveCount(
  db: Db,
  rule: RuleNode,
  now: Date,
): Promise<{ count: number; notCompared: number }> {
  const c = await compiled(db, rule, now);
  return {
    count: await countMatching(db, c.where),
    notCompared: await passedOver(db, rule, c),
  };
}

interface CompiledRule {
  fields: Awaited<ReturnType<typeof ruleFields>>;
  where: ReturnType<typeof compileRule>;
}

/** The rule as SQL for the metrics' as-of day, with the fields it was compiled over. */
async function compiled(db: Db, rule: RuleNode, now: Date): Promise<CompiledRule> {
  const fields = await ruleFields(db);
  const day = businessDayOf(await metricsAsOf(db, now));
  return { fields, where: compileRule(rule, fields, day) };
}

/** Customers with metrics, not merged into another, as rules count them. */
function countedCustomers(db: Db) {
  return db.k
    .selectFrom('customers as c')
    .innerJoin('customer_metrics as m', 'm.customer_id', 'c.id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('c.merged_into', 'is', null);
}

async function countMatching(db: Db, where: CompiledRule['where']): Promise<number> {
  const row = await countedCustomers(db).where(where).executeTakeFirstOrThrow();
  return Number(row.n);
}

async function passedOver(db: Db, rule: RuleNode, c: CompiledRule): Promise<number> {
  const money = new Set(c.fields.filter((f) => f.type === 'money').map((f) => f.key));
  if (!testsAny(rule, money)) return 0;
  const row = await countedCustomers(db)
    .where('m.currency', '<>', 'CNY')
    // A customer without a purchase has no money to compare (as the RFM heatmap counts).
    .where('m.orders_all', '>', 0)
    .where(sql<boolean>`NOT coalesce((${c.where}), 0)`)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

function testsAny(node: RuleNode, fields: ReadonlySet<string>): boolean {
  if (node.type === 'condition') return fields.has(node.field);
  return node.children.some((child) => testsAny(child, fields));
}
