import { sql } from 'kysely';
import type {
  ConditionExplanation,
  GroupExplanation,
  RuleCondition,
  RuleNode,
} from '../../api/rules';
import type { Db } from '../../db/open';
import { conditionSql, fieldOf } from './compile';
import type { FieldDef } from './fields';

interface Leaf {
  cond: RuleCondition;
  field: FieldDef;
}

function leaves(rule: RuleNode, fields: readonly FieldDef[], path = ''): Leaf[] {
  if (rule.type === 'condition') return [{ cond: rule, field: fieldOf(fields, rule, path || '1') }];
  return rule.children.flatMap((c, i) => leaves(c, fields, path ? `${path}.${i + 1}` : `${i + 1}`));
}

/**
 * Checks a rule against one customer, condition by condition: each with the
 * customer's own value and whether it passed. The values and verdicts come from the
 * same SQL that decides membership, so the explanation cannot disagree with it.
 */
export async function explainRule(
  db: Db,
  rule: RuleNode,
  fields: readonly FieldDef[],
  customerId: number,
  asOfDay: string,
): Promise<GroupExplanation> {
  const all = leaves(rule, fields);
  const selections = all.flatMap((leaf, i) => [
    sql`${leaf.field.sql(asOfDay)}`.as(`v${i}`),
    sql`CASE WHEN ${conditionSql(leaf.field, leaf.cond, asOfDay)} THEN 1 ELSE 0 END`.as(`p${i}`),
  ]);
  const row = (await db.k
    .selectFrom('customers as c')
    .leftJoin('customer_metrics as m', 'm.customer_id', 'c.id')
    .select([sql`1`.as('found'), ...selections])
    .where('c.id', '=', customerId)
    .executeTakeFirst()) as Record<string, unknown> | undefined;

  let next = 0;
  const build = (node: RuleNode): GroupExplanation | ConditionExplanation => {
    if (node.type === 'group') {
      const children = node.children.map(build);
      const passed =
        node.op === 'and' ? children.every((c) => c.passed) : children.some((c) => c.passed);
      return { type: 'group', op: node.op, passed, children };
    }
    const i = next++;
    const { field } = all[i]!;
    const value = row?.[`v${i}`];
    return {
      type: 'condition',
      field: field.key,
      labelZh: field.labelZh,
      labelEn: field.labelEn,
      cmp: node.cmp,
      value: node.value,
      customerValue: typeof value === 'number' || typeof value === 'string' ? value : null,
      passed: Number(row?.[`p${i}`] ?? 0) === 1,
    };
  };
  const root = build(rule);
  return root.type === 'group'
    ? root
    : { type: 'group', op: 'and', passed: root.passed, children: [root] };
}
