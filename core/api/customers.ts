import { z } from 'zod';
import type { Lifecycle } from '../db/schema';
import type { GroupExplanation } from './rules';
import type { JobStatus } from './system';
import { method } from './method';

/** Columns of the customers grid that can be sorted and filtered, whitelisted. */
export const customerColumns = [
  'id',
  'name',
  'gender',
  'age',
  'city',
  'recencyDays',
  'orders30',
  'orders90',
  'orders365',
  'ordersAll',
  'spend30',
  'spend90',
  'spend365',
  'spendAll',
  'aovFen',
  'ltvFen',
  'lifecycle',
  'rfmR',
  'rfmF',
  'rfmM',
  'rfmSegment',
  'preferredChannel',
  'preferredCategory',
  'preferredStore',
  'lastOrderAt',
] as const;
export type CustomerColumn = (typeof customerColumns)[number];

/**
 * The customer's key column (`CustomerRow.key`): the grid filters it ("contains", on
 * member and platform ids) but never sorts by it, which would read every customer's ids.
 */
export const customerKeyColumn = 'key';
/** A column a text filter may name: a grid column, or the customer's key. */
export type FilterColumn = CustomerColumn | typeof customerKeyColumn;

/**
 * Who a nameless customer is, by the key their files show: member id, else platform id,
 * else phone (masked), else e-mail (masked), else an external id.
 */
export interface CustomerKey {
  kind: 'member' | 'platform' | 'phone' | 'email' | 'external';
  value: string;
}

export interface CustomerRow {
  id: number;
  name: string | null;
  gender: 'F' | 'M' | null;
  age: number | null;
  city: string | null;
  /** Masked, e.g. 138****1234. */
  phone: string | null;
  /** The customer's key (rules in core/crm/customers/key.ts); null when they have none. */
  key: CustomerKey | null;
  recencyDays: number | null;
  orders30: number;
  orders90: number;
  orders365: number;
  ordersAll: number;
  spend30: number;
  spend90: number;
  spend365: number;
  spendAll: number;
  aovFen: number;
  ltvFen: number;
  lifecycle: Lifecycle;
  rfmR: number | null;
  rfmF: number | null;
  rfmM: number | null;
  rfmSegment: string | null;
  preferredChannel: string | null;
  preferredCategory: string | null;
  /**
   * The store the customer buys at most (core/crm/metrics/preferred.ts), null when none of
   * their sales names a store. The grid filters it by store id and sorts it by code.
   */
  preferredStore: { id: number; code: string; name: string } | null;
  lastOrderAt: string | null;
  /**
   * The currency of the money values above (ISO code; minor units, e.g. fen or pence):
   * yuan for every customer with a yuan order, else the first of their currencies by code.
   * Amounts in different currencies are never added together.
   */
  currency: string;
  /** The customer's orders in other currencies, left out of the money values (usually 0). */
  otherCurrencyOrders: number;
  /** The preferred store's zone, in which the customer's order times are shown. */
  timeZone: string;
  tags: { id: number; key: string; nameZh: string; nameEn: string }[];
}

const columnFilter = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('number'),
    column: z.enum(customerColumns),
    cmp: z.enum(['eq', 'ne', 'gt', 'gte', 'lt', 'lte']),
    value: z.number(),
  }),
  z.object({
    type: z.literal('text'),
    column: z.enum([...customerColumns, customerKeyColumn]),
    contains: z.string().max(100),
  }),
  z.object({
    type: z.literal('set'),
    column: z.enum(customerColumns),
    values: z.array(z.string().max(100)).max(50),
  }),
]);

export const customerQuerySchema = z.object({
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
  sort: z
    .array(z.object({ column: z.enum(customerColumns), dir: z.enum(['asc', 'desc']) }))
    .max(3)
    .default([]),
  tagIds: z.array(z.number().int().positive()).max(10).default([]),
  /** Name, member id, e-mail or phone (digits) to look for. */
  search: z.string().max(100).optional(),
  rfm: z
    .object({ r: z.number().int().min(1).max(5), f: z.number().int().min(1).max(5) })
    .optional(),
  filters: z.array(columnFilter).max(20).default([]),
});
export type CustomerQuery = z.infer<typeof customerQuerySchema>;

export interface IdentityInfo {
  kind: string;
  /** Phones masked unless the user asked to reveal. */
  value: string;
  source: string | null;
  /**
   * For a phone: the sources of masked phones that are this same number (every digit they
   * show agrees), listed in this row instead of rows of their own.
   */
  maskedSources?: (string | null)[];
}

export interface OrderSummary {
  id: number;
  channel: string;
  /** The order's number as its source wrote it (no per-store suffix: the store is beside it). */
  externalId: string;
  store: string | null;
  /** The zone of the store's business day: the order's time is shown as the store saw it. */
  storeTimeZone: string;
  kind: string;
  orderedAt: string;
  businessDay: string;
  amountFen: number;
  currency: string;
  lines: number;
}

export interface CustomerTag {
  id: number;
  key: string;
  nameZh: string;
  nameEn: string;
  kind: string;
  since: string;
  version: number;
}

/**
 * Why an import merged two customers: one row of a file named a key of each. Keys are as
 * the files show them (phones masked); kinds are identity kinds (member, phone, email…).
 */
export interface MergeReasonDetails {
  fromKeyKind: string;
  fromKey: string;
  intoKeyKind: string;
  intoKey: string;
  file: string;
  line: number;
}

export interface MergeInfo {
  id: number;
  intoCustomerId: number;
  fromCustomerId: number;
  /** In English for an import's merge (see `details`); the person's words for a hand merge. */
  reason: string;
  details: MergeReasonDetails | null;
  rule: string;
  mergedAt: string;
  undoneAt: string | null;
}

export interface CustomerDetail {
  row: CustomerRow;
  birthDate: string | null;
  firstOrderAt: string | null;
  preferredStore: string | null;
  identities: IdentityInfo[];
  tags: CustomerTag[];
  orders: OrderSummary[];
  merges: MergeInfo[];
}

export interface TagExplanation {
  tagId: number;
  nameZh: string;
  nameEn: string;
  kind: string;
  has: boolean;
  since: string | null;
  version: number;
  asOf: string;
  /** For rule tags: each condition with the customer's own value. */
  rule: GroupExplanation | null;
  /** For RFM, lifecycle and manual tags: a sentence-ready reason. */
  reason: { code: string; params: Record<string, string | number> } | null;
  /**
   * The currency of the customer's money values (ISO code). Money conditions are typed in
   * yuan: for a customer in another currency they are not compared and do not hold.
   */
  currency: string;
  /** For an RFM tag: each score traced to the customer's value and the cut points. */
  rfm?: RfmTrace | null;
}

/** Where a customer's value fell among the four ascending cut points of one RFM score. */
export interface RfmBandTrace {
  /** Days since the last order, orders, or spend (minor unit of the customer's currency). */
  value: number | null;
  cuts: number[];
  /** The cut point the value is above; null when it is above none. */
  above: number | null;
  /** The cut point the value is at or below; null when it is above all. */
  atMost: number | null;
}

/** Cells of the segment table, R from–to (rows) by F from–to (columns). */
export interface RfmSegmentCells {
  rFrom: number;
  rTo: number;
  fFrom: number;
  fTo: number;
}

export interface RfmTrace {
  /** When the cut points were computed (the last full recompute); null: none yet. */
  cutsAsOf: string | null;
  currency: string;
  recency: RfmBandTrace & { score: number | null };
  frequency: RfmBandTrace & { score: number | null };
  monetary: RfmBandTrace & { score: number | null };
  segment: string | null;
  /** The cells of the segment table that name the segment the R and F scores matched. */
  segmentCells: RfmSegmentCells[];
}

export interface RecomputeSummary {
  customers: number;
  tagsEvaluated: number;
  membershipsAdded: number;
  membershipsRemoved: number;
  asOf: string;
  durationMs: number;
}

const id = z.number().int().positive();

export const customersContract = {
  'customers.page': method<{ rows: CustomerRow[]; total: number }>()(customerQuerySchema),
  'customers.get': method<CustomerDetail>()(z.object({ id })),
  'customers.explainTag': method<TagExplanation>()(z.object({ customerId: id, tagId: id })),
  'customers.merge': method<MergeInfo>()(
    z.object({ intoId: id, fromId: id, reason: z.string().min(1).max(500) }),
  ),
  'customers.undoMerge': method<MergeInfo>()(z.object({ mergeId: id })),
  /**
   * Full recompute of metrics, RFM and tags as of now; a job whose result is a
   * RecomputeSummary.
   */
  'customers.recompute': method<JobStatus>()(z.object({})),
};
