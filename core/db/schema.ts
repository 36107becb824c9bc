import type { Generated } from 'kysely';

/**
 * Row types of the SQLite file, as kysely sees them. Domain types live with their
 * domain (core/crm, core/planning, …) and are mapped from these in one place each.
 * Keep in step with migrations/.
 */
export interface DbSetting {
  key: string;
  value_json: string;
}

export interface DbStore {
  id: Generated<number>;
  code: string;
  name: string;
  region: string | null;
  city: string | null;
  district_kind: string | null;
  time_zone: Generated<string>;
  opened_on: string | null;
  /**
   * 1 for a store at the default zone from before stores kept their preset's zone (an
   * import in another zone corrects it once); 0 once its zone is known.
   */
  time_zone_unknown: Generated<number>;
}

export interface DbChannel {
  code: string;
  name_zh: string;
  name_en: string;
}

export interface DbCustomer {
  id: Generated<number>;
  name: string | null;
  gender: 'F' | 'M' | null;
  birth_date: string | null;
  city: string | null;
  home_store_id: number | null;
  created_at: number;
  merged_into: number | null;
}

export type IdentityKind = 'member' | 'phone' | 'email' | 'platform' | 'masked_phone' | 'external';

export interface DbCustomerIdentity {
  id: Generated<number>;
  customer_id: number;
  kind: IdentityKind;
  value: string;
  source: string | null;
  created_at: number;
}

export interface DbCustomerMerge {
  id: Generated<number>;
  into_customer_id: number;
  from_customer_id: number;
  reason: string;
  rule: string;
  merged_at: number;
  undone_at: number | null;
  moved_json: string;
  /** An import's merge: its reason in parts (`MergeReasonDetails`); null for a hand merge. */
  reason_json: string | null;
}

export interface DbProduct {
  id: Generated<number>;
  sku: string;
  name: string | null;
  category: string | null;
  unit_price_fen: number | null;
}

export type BatchStatus = 'committed' | 'partial' | 'failed' | 'cancelled';

export interface DbImportBatch {
  id: Generated<number>;
  file_name: string;
  content_hash: string;
  source: string;
  channel: string | null;
  encoding: string;
  status: BatchStatus;
  started_at: number;
  finished_at: number | null;
  rows_total: Generated<number>;
  rows_imported: Generated<number>;
  rows_duplicate: Generated<number>;
  rows_rejected: Generated<number>;
  rejected_json: Generated<string>;
}

export type OrderKind = 'sale' | 'return' | 'cancellation' | 'writeoff' | 'adjustment';

export interface DbOrder {
  id: Generated<number>;
  channel: string;
  external_id: string;
  store_id: number | null;
  customer_id: number | null;
  kind: OrderKind;
  ordered_at: number;
  business_day: string;
  amount_fen: number;
  currency: Generated<string>;
  batch_id: number;
}

export interface DbOrderLine {
  order_id: number;
  line_no: number;
  product_id: number | null;
  quantity: number;
  unit_price_fen: number;
  amount_fen: number;
  /** A refund of part of a sold line: that line's number in the sale order (see migration). */
  refund_of: Generated<number | null>;
}

/** One payment of an order (Olist pays some orders in parts); never part of spend. */
export interface DbOrderPayment {
  id: Generated<number>;
  order_id: number;
  seq: number;
  amount_fen: number;
  batch_id: number;
}

export interface DbColumnMapping {
  name: string;
  mapping_json: string;
  updated_at: number;
}

export type Lifecycle = 'new' | 'active' | 'repeat' | 'sleeping' | 'lost' | 'none';

export interface DbCustomerMetrics {
  customer_id: number;
  as_of: number;
  first_order_at: number | null;
  last_order_at: number | null;
  recency_days: number | null;
  orders_30: number;
  orders_90: number;
  orders_365: number;
  orders_all: number;
  spend_30: number;
  spend_90: number;
  spend_365: number;
  spend_all: number;
  aov_fen: number;
  ltv_fen: number;
  preferred_channel: string | null;
  preferred_category: string | null;
  preferred_store_id: number | null;
  lifecycle: Lifecycle;
  rfm_r: number | null;
  rfm_f: number | null;
  rfm_m: number | null;
  rfm_segment: string | null;
  /** The currency of the money columns (ISO code); see migration 20261205T1000. */
  currency: Generated<string>;
  /** The customer's orders in other currencies, left out of the money columns. */
  other_currency_orders: Generated<number>;
}

export type TagKind = 'rule' | 'rfm' | 'lifecycle' | 'manual';

export interface DbTag {
  id: Generated<number>;
  key: string;
  name_zh: string;
  name_en: string;
  kind: TagKind;
  rule_json: string | null;
  version: Generated<number>;
  builtin: Generated<number>;
  created_at: number;
  updated_at: number;
}

export interface DbTagVersion {
  tag_id: number;
  version: number;
  rule_json: string | null;
  created_at: number;
}

/** Keyed by (tag, customer), WITHOUT ROWID (migrations/20261206T1000-tag-members-by-tag.ts). */
export interface DbTagMember {
  tag_id: number;
  customer_id: number;
  since: number;
  tag_version: number;
}

export interface DbTagHistory {
  id: Generated<number>;
  tag_id: number;
  customer_id: number;
  action: 'added' | 'removed';
  at: number;
  tag_version: number;
  reason: string;
}

export interface Database {
  settings: DbSetting;
  stores: DbStore;
  channels: DbChannel;
  customers: DbCustomer;
  customer_identities: DbCustomerIdentity;
  customer_merges: DbCustomerMerge;
  products: DbProduct;
  import_batches: DbImportBatch;
  orders: DbOrder;
  order_lines: DbOrderLine;
  order_payments: DbOrderPayment;
  column_mappings: DbColumnMapping;
  customer_metrics: DbCustomerMetrics;
  tags: DbTag;
  tag_versions: DbTagVersion;
  tag_members: DbTagMember;
  tag_history: DbTagHistory;
}

// Planning (migrations/20261204T1600-planning.ts). Added to `Database` by interface
// merging, so this block stays apart from the CRM tables above.

export interface DbPlanningProject {
  id: Generated<number>;
  name: string;
  owner: string | null;
  goal_json: string | null;
  scope_json: string;
  anchor_day: string;
  calendar_json: string;
  kpis_json: string;
  template_key: string | null;
  template_version: number | null;
  created_at: number;
  updated_at: number;
}

export interface DbPlanningPhase {
  id: Generated<number>;
  project_id: number;
  seq: number;
  key: string;
  name: string;
}

export type DbTaskStatus = 'not_started' | 'in_progress' | 'done' | 'cancelled';

export interface DbPlanningTask {
  id: Generated<number>;
  project_id: number;
  phase_id: number | null;
  seq: number;
  key: string;
  name: string;
  department: string | null;
  owner: string | null;
  start_day: string;
  duration_days: number;
  /** The day a done task was really finished; NULL while not done (or done before it was kept). */
  finish_day: Generated<string | null>;
  status: DbTaskStatus;
  progress: Generated<number>;
  pinned: Generated<number>;
  checklist_json: string;
  links_json: string;
  created_at: number;
  updated_at: number;
}

export interface DbPlanningDependency {
  id: Generated<number>;
  project_id: number;
  predecessor_id: number;
  successor_id: number;
  type: 'FS' | 'SS' | 'FF' | 'SF';
  lag_days: Generated<number>;
}

export interface DbPlanningOverride {
  id: Generated<number>;
  task_id: number;
  at: number;
  from_status: DbTaskStatus;
  to_status: DbTaskStatus;
  reason: string;
  holds_json: string;
  /** The name given by whoever overrode the freeze; null when none was given. */
  by_name: string | null;
}

export interface DbPlanningTemplate {
  key: string;
  version: number;
  json: string;
  saved_at: number;
}

export interface Database {
  planning_projects: DbPlanningProject;
  planning_phases: DbPlanningPhase;
  planning_tasks: DbPlanningTask;
  planning_dependencies: DbPlanningDependency;
  planning_overrides: DbPlanningOverride;
  planning_templates: DbPlanningTemplate;
}
