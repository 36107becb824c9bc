import { z } from 'zod';

/**
 * A tag rule is data: a tree of AND/OR groups over whitelisted customer fields.
 * The core compiles it to SQL through kysely; no text of a rule ever becomes SQL.
 */
export const comparators = [
  'eq',
  'ne',
  'gt',
  'gte',
  'lt',
  'lte',
  'between',
  'in',
  'isNull',
  'notNull',
] as const;
export type Comparator = (typeof comparators)[number];

export type RuleValue = number | string | boolean | null | (number | string)[];

export interface RuleCondition {
  type: 'condition';
  field: string;
  cmp: Comparator;
  /** A number, a string, `[low, high]` for between, a list for in; money in fen. */
  value: RuleValue;
}

export interface RuleGroup {
  type: 'group';
  op: 'and' | 'or';
  children: RuleNode[];
}

export type RuleNode = RuleGroup | RuleCondition;

const valueSchema = z.union([
  z.number(),
  z.string().max(200),
  z.boolean(),
  z.null(),
  z.array(z.union([z.number(), z.string().max(200)])).max(200),
]);

export const ruleConditionSchema = z.object({
  type: z.literal('condition'),
  field: z.string().min(1).max(64),
  cmp: z.enum(comparators),
  value: valueSchema,
});

export const ruleNodeSchema: z.ZodType<RuleNode> = z.lazy(() =>
  z.discriminatedUnion('type', [
    ruleConditionSchema,
    z.object({
      type: z.literal('group'),
      op: z.enum(['and', 'or']),
      children: z.array(ruleNodeSchema).max(50),
    }),
  ]),
);

/** A field a rule may test, as the rule builder shows it. */
export interface RuleField {
  key: string;
  labelZh: string;
  labelEn: string;
  type: 'number' | 'money' | 'days' | 'text' | 'enum';
  options?: { value: string; labelZh: string; labelEn: string }[];
}

/** One condition of a rule, checked against one customer. */
export interface ConditionExplanation {
  type: 'condition';
  field: string;
  labelZh: string;
  labelEn: string;
  cmp: Comparator;
  value: RuleValue;
  /** The customer's own value of the field, as of the computation. */
  customerValue: number | string | null;
  passed: boolean;
}

export interface GroupExplanation {
  type: 'group';
  op: 'and' | 'or';
  passed: boolean;
  children: (GroupExplanation | ConditionExplanation)[];
}
