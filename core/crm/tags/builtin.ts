import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { RuleNode } from '../../api/rules';
import type { Database, TagKind } from '../../db/schema';
import { rfmSegments } from '../rfm/segments';
import { lifecycleStages, lifecycleTagKey, rfmTagKey } from './names';

/** Women aged 25–35 with at least 3 orders in the last 30 days and an average order of ¥80+. */
export const goldRule: RuleNode = {
  type: 'group',
  op: 'and',
  children: [
    { type: 'condition', field: 'gender', cmp: 'eq', value: 'F' },
    { type: 'condition', field: 'age', cmp: 'between', value: [25, 35] },
    { type: 'condition', field: 'orders_30', cmp: 'gte', value: 3 },
    { type: 'condition', field: 'aov', cmp: 'gte', value: 8000 },
  ],
};

/** No order for 60 days or more, and ¥2,000 or more spent over the customer's lifetime. */
export const sleepingHighValueRule: RuleNode = {
  type: 'group',
  op: 'and',
  children: [
    { type: 'condition', field: 'recency_days', cmp: 'gte', value: 60 },
    { type: 'condition', field: 'spend_all', cmp: 'gte', value: 200_000 },
  ],
};

interface BuiltinTag {
  key: string;
  name_zh: string;
  name_en: string;
  kind: TagKind;
  rule_json: string | null;
}

function builtinTags(): BuiltinTag[] {
  return [
    {
      key: 'gold',
      name_zh: '金卡客户',
      name_en: 'Gold customer',
      kind: 'rule',
      rule_json: JSON.stringify(goldRule),
    },
    {
      key: 'sleeping_high_value',
      name_zh: '沉睡高价值',
      name_en: 'Sleeping high value',
      kind: 'rule',
      rule_json: JSON.stringify(sleepingHighValueRule),
    },
    ...rfmSegments.map((s) => ({
      key: rfmTagKey(s.key),
      name_zh: `RFM·${s.zh}`,
      name_en: `RFM: ${s.en}`,
      kind: 'rfm' as const,
      rule_json: null,
    })),
    ...lifecycleStages.map((s) => ({
      key: lifecycleTagKey(s.key),
      name_zh: `生命周期·${s.zh}`,
      name_en: `Lifecycle: ${s.en}`,
      kind: 'lifecycle' as const,
      rule_json: null,
    })),
  ];
}

/**
 * Creates the built-in tags (gold customer, sleeping high value, one per RFM segment
 * and per lifecycle stage) unless they exist; running it again changes nothing, and
 * a built-in rule the user has edited keeps the user's version.
 */
export async function ensureBuiltinTags(k: Kysely<Database>, at: number): Promise<void> {
  const rows = builtinTags().map((t) => ({ ...t, builtin: 1, created_at: at, updated_at: at }));
  await k
    .insertInto('tags')
    .values(rows)
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();

  await sql`
    INSERT INTO tag_versions (tag_id, version, rule_json, created_at)
    SELECT id, version, rule_json, created_at FROM tags WHERE builtin = 1
    ON CONFLICT (tag_id, version) DO NOTHING
  `.execute(k);
}
