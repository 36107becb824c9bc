import { z } from 'zod';
import { method } from './method';
import { ruleNodeSchema } from './rules';
import type { RuleField, RuleNode } from './rules';

export interface TagInfo {
  id: number;
  key: string;
  nameZh: string;
  nameEn: string;
  kind: 'rule' | 'rfm' | 'lifecycle' | 'manual';
  builtin: boolean;
  version: number;
  members: number;
  rule: RuleNode | null;
  updatedAt: string;
}

export interface TagHistory {
  /** Members at the end of each business day that saw a change. */
  series: { day: string; members: number; added: number; removed: number }[];
  recent: {
    customerId: number;
    customerName: string | null;
    action: 'added' | 'removed';
    at: string;
    version: number;
    reason: string;
  }[];
}

export interface RfmCell {
  r: number;
  f: number;
  customers: number;
  /** Lifetime spend of the cell's yuan customers, in fen; other currencies are not added. */
  spendFen: number;
  /** Per yuan customer of the cell (0 when it has none). */
  avgSpendFen: number;
  /** Customers of the cell whose money is in another currency: counted, not in the spend. */
  otherCurrencyCustomers: number;
}

/**
 * Customers the heatmap cannot place: they have metrics but no purchase (no order, or only
 * returns, cancellations or adjustments).
 */
export interface RfmUnscored {
  customers: number;
}

export interface RfmSettings {
  /** null: quantiles of the data; otherwise four ascending cut points per dimension. */
  recencyDays: number[] | null;
  frequency: number[] | null;
  monetaryFen: number[] | null;
}

/** The cut points of the last full recompute (ascending), money in fen of yuan. */
export interface RfmCutsInUse {
  asOf: string;
  recencyDays: number[];
  frequency: number[];
  monetaryFen: number[];
}

export interface LifecycleSettings {
  /** A first order within this many days makes a customer "new". */
  newWithinDays: number;
  /** Last order within this many days: active (or repeat with 2+ orders). */
  activeWithinDays: number;
  /** Beyond activeWithinDays and up to this: sleeping; beyond it: lost. */
  sleepingWithinDays: number;
}

export interface SegmentFile {
  fileName: string;
  mime: string;
  contentBase64: string;
  rows: number;
}

const id = z.number().int().positive();
const tagName = z.string().trim().min(1).max(60);

const cutPoints = z.array(z.number().nonnegative()).length(4).nullable();

export const tagsContract = {
  'tags.list': method<TagInfo[]>()(z.object({})),
  'tags.fields': method<RuleField[]>()(z.object({})),
  /** Live count of the customers a rule would match now, before saving it. */
  /** `notCompared`: customers in other currencies, whom the rule's money conditions pass over. */
  'tags.count': method<{ count: number; notCompared: number }>()(
    z.object({ rule: ruleNodeSchema }),
  ),
  'tags.save': method<TagInfo>()(
    z.object({
      id: id.optional(),
      nameZh: tagName,
      nameEn: tagName,
      kind: z.enum(['rule', 'manual']),
      rule: ruleNodeSchema.nullable(),
    }),
  ),
  'tags.delete': method<{ id: number }>()(z.object({ id })),
  'tags.history': method<TagHistory>()(z.object({ tagId: id })),
  'tags.assign': method<{ changed: number }>()(
    z.object({
      tagId: id,
      customerIds: z.array(id).min(1).max(10_000),
      action: z.enum(['add', 'remove']),
    }),
  ),
  'segments.export': method<SegmentFile>()(
    z.object({
      tagId: id,
      format: z.enum(['csv', 'xlsx']),
      unmaskPhones: z.boolean().default(false),
      /** The person's language: the file is named by the tag's name in it. */
      locale: z.enum(['zh-CN', 'en']).default('zh-CN'),
    }),
  ),
  'rfm.grid': method<RfmCell[]>()(z.object({})),
  'rfm.unscored': method<RfmUnscored>()(z.object({})),
  'rfm.settings': method<RfmSettings>()(z.object({})),
  /** The cut points in use (of the last full recompute); null before the first one. */
  'rfm.cutsInUse': method<RfmCutsInUse | null>()(z.object({})),
  'rfm.setSettings': method<RfmSettings>()(
    z.object({ recencyDays: cutPoints, frequency: cutPoints, monetaryFen: cutPoints }),
  ),
  'lifecycle.settings': method<LifecycleSettings>()(z.object({})),
  'lifecycle.setSettings': method<LifecycleSettings>()(
    z
      .object({
        newWithinDays: z.number().int().min(1).max(3650),
        activeWithinDays: z.number().int().min(1).max(3650),
        sleepingWithinDays: z.number().int().min(1).max(3650),
      })
      .refine((s) => s.activeWithinDays < s.sleepingWithinDays, {
        message: 'activeWithinDays must be less than sleepingWithinDays',
        params: { reason: 'lifecycle_order' },
      }),
  ),
};
