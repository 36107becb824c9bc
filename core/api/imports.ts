import { z } from 'zod';
import type { IssueDetail } from '../shared/issues';
import type { JobStatus } from './system';
import { method } from './method';

/**
 * Import of channel exports. A file is first registered by the host (upload in the
 * web host, an open dialog in Electron, a path in the CLI) and named by a fileId;
 * everything below refers to it by that id, never by a path the renderer chose.
 */

/** Where a column of the file goes. */
export const targetFields = [
  'orderId',
  'lineNo',
  'orderedAt',
  'orderStatus',
  'customerMemberId',
  'customerPhone',
  'customerEmail',
  'customerPlatformId',
  'customerExternalId',
  'customerName',
  'customerGender',
  'customerBirthDate',
  'customerCity',
  'storeCode',
  'storeName',
  'region',
  'sku',
  'productName',
  'category',
  'quantity',
  'unitPrice',
  'lineAmount',
  'orderAmount',
  'discountAmount',
  'refundAmount',
  'paymentAmount',
] as const;
export type TargetField = (typeof targetFields)[number];

export const channelCodes = ['pos', 'miniprogram', 'delivery', 'online', 'marketplace'] as const;
export type ChannelCode = (typeof channelCodes)[number];

export const dateOrders = ['ymd', 'dmy', 'mdy'] as const;
export type DateOrder = (typeof dateOrders)[number];

/**
 * What one row of a file describes: an order line (most exports), a whole order,
 * a customer record (e.g. Olist's customers table) or a payment of an order.
 */
export const rowKinds = ['orderLine', 'order', 'customer', 'payment'] as const;
export type RowKind = (typeof rowKinds)[number];

// ISO 4217 codes this runtime knows; built once, read for every mapping checked.
let knownCurrencies: Set<string> | null = null;

/**
 * A currency as a mapping names it: trimmed and upper-cased, `RMB` (the name people write
 * for yuan) read as `CNY`, and otherwise an ISO 4217 code or refused with the value named.
 */
export const currencySchema = z.string().transform((raw, ctx) => {
  const code = raw.trim().toUpperCase();
  const iso = code === 'RMB' ? 'CNY' : code;
  knownCurrencies ??= new Set(Intl.supportedValuesOf('currency'));
  if (knownCurrencies.has(iso)) return iso;
  ctx.issues.push({
    code: 'custom',
    input: raw,
    params: { reason: 'currency_unknown', value: raw },
    message:
      `The currency "${raw}" is not an ISO 4217 code: write a three-letter code such as ` +
      'CNY, USD or GBP (RMB is read as CNY).',
  });
  return z.NEVER;
});

export const columnMappingSchema = z.object({
  rowKind: z.enum(rowKinds),
  channel: z.enum(channelCodes),
  /** Target field → the file's header text. */
  fields: z.partialRecord(z.enum(targetFields), z.string().min(1).max(200)),
  currency: currencySchema.default('CNY'),
  /** Store code for rows that name no store (e.g. an online shop). */
  defaultStore: z.string().max(64).optional(),
  /**
   * True when the line (or order) amount column is what was paid, the discount already
   * taken off (POS `line_total`, mini-program 商品实付); absent or false when it is the
   * amount before discount (delivery platforms' 商品金额). The discount is taken off once.
   */
  amountAfterDiscount: z.boolean().optional(),
  /**
   * True when order ids restart per store (a till's receipt numbers: store A's `000123` and
   * store B's `000123` are two sales). An order is then known by its id and its store code
   * together, stored as `000123@S01`, and a row needs a store code (or `defaultStore`).
   */
  orderIdPerStore: z.boolean().optional(),
  /**
   * The preset this mapping was made from (the wizard's custom mapping starts from the
   * chosen preset's): its zone and its rules (cancellation prefix, adjustment codes) still
   * apply. A preset this version does not know is ignored.
   */
  basedOn: z.string().max(64).optional(),
});
export type ColumnMapping = z.infer<typeof columnMappingSchema>;

export const importOptionsSchema = z.object({
  source: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('preset'), id: z.string().min(1).max(64) }),
    z.object({
      kind: z.literal('mapping'),
      name: z.string().max(100).optional(),
      mapping: columnMappingSchema,
    }),
  ]),
  /** Overrides of what was detected; omitted means "use the detected value". */
  encoding: z.string().max(32).optional(),
  delimiter: z.enum([',', ';', '\t', '|']).optional(),
  sheet: z.string().max(200).optional(),
  dateOrder: z.enum(dateOrders).optional(),
  decimalComma: z.boolean().optional(),
  /** Zone the file's local timestamps are written in; default the store's (Asia/Shanghai). */
  timeZone: z.string().max(64).optional(),
  /** Saves the mapping under this name for the next file from the same source. */
  saveMappingAs: z.string().min(1).max(100).optional(),
});
export type ImportOptions = z.infer<typeof importOptionsSchema>;

export interface PresetInfo {
  id: string;
  nameZh: string;
  nameEn: string;
  descriptionZh: string;
  descriptionEn: string;
  rowKind: RowKind;
  channel: ChannelCode;
  mapping: ColumnMapping;
  /**
   * The zone of the stores a file of this layout makes (its shop's own, e.g. Europe/London
   * for the UCI sample); absent when they take the stores' default, Asia/Shanghai.
   */
  timeZone?: string;
}

export interface FileInspection {
  fileId: string;
  fileName: string;
  sizeBytes: number;
  format: 'csv' | 'xlsx';
  encoding: { detected: string; used: string; confidence: number };
  delimiter: string | null;
  sheets: string[];
  headers: string[];
  /** The first rows as text, exactly as read (before any conversion). */
  sampleRows: string[][];
  suggestedPreset: string | null;
  savedMappings: string[];
  /**
   * Saved mappings this version can no longer use (a field or value it now refuses), with
   * why: kept as they were, shown so that nobody wonders where they went.
   */
  unusableMappings: UnusableMapping[];
  dateOrder: { detected: DateOrder | null; ambiguous: boolean };
  decimalComma: boolean;
}

/**
 * A saved mapping this version cannot use. `problem` is the English reason (CLI, logs);
 * `reason` says the same as a code the console puts into words: the stored text is not
 * JSON, or the first validation failure with where and what.
 */
export interface UnusableMapping {
  name: string;
  problem: string;
  reason: { code: 'mapping.not_json' } | { code: 'mapping.invalid'; issue: IssueDetail | null };
}

/** A row the import could not take, with where and why. `line` is 1-based in the file. */
export interface RowError {
  line: number;
  column: string | null;
  value: string | null;
  code: string;
  reason: string;
  /** What the console's sentence for the code names besides the value (e.g. customers' keys). */
  details?: Record<string, string>;
}

/**
 * A row that added nothing because its fact is already there: in the database from an
 * earlier import (an overlapping export), or earlier in the same file. `line` is 1-based.
 */
export interface DuplicateRow {
  line: number;
  orderId: string | null;
  /** The order's line number the row matched, for an order line. */
  lineNo: number | null;
  code: string;
  reason: string;
}

/** The target fields that hold money. */
export const moneyFields = [
  'unitPrice',
  'lineAmount',
  'orderAmount',
  'discountAmount',
  'refundAmount',
  'paymentAmount',
] as const satisfies readonly TargetField[];
export type MoneyField = (typeof moneyFields)[number];

export interface PreviewRow {
  line: number;
  /**
   * What the row is (customer, order, order line or payment); `values.kind`, the kind of
   * order (sale, return…), is there only for order and order line rows.
   */
  rowKind?: RowKind;
  /** Target field → the value as it will be stored, formatted for reading. */
  values: Partial<Record<TargetField | 'kind' | 'businessDay', string>>;
  /**
   * The row's money as it will be stored, in its currency's minor unit (fen, pence; see
   * minorUnitDigits), for a screen to write in the person's locale with the currency's sign.
   */
  money?: Partial<Record<MoneyField, number>>;
  /** ISO 4217 code of `money`. */
  currency?: string;
}

/** The batch that already imported a file with the same bytes (same content hash). */
export interface EarlierImport {
  batchId: number;
  /** The file's name when it was imported then. */
  fileName: string;
  /** When that import started, ISO 8601 UTC. */
  startedAt: string;
  /** That instant's day in the stores' default zone (Asia/Shanghai), 'YYYY-MM-DD'. */
  day: string;
}

export interface ImportPreview {
  rows: PreviewRow[];
  errors: RowError[];
  dateOrder: DateOrder | null;
  /**
   * The latest committed (or partly committed) batch of a file with the same content, so
   * the person can stop before importing it again; null when there is none. Absent where
   * no database is asked (a preview of the file alone).
   */
  alreadyImported?: EarlierImport | null;
}

export interface ImportSummary {
  batchId: number | null;
  fileName: string;
  status: 'committed' | 'partial' | 'failed' | 'cancelled' | 'unchanged';
  encoding: string;
  dateOrder: DateOrder | null;
  rowsTotal: number;
  rowsImported: number;
  rowsDuplicate: number;
  rowsRejected: number;
  orders: {
    sales: number;
    returns: number;
    cancellations: number;
    writeoffs: number;
    adjustments: number;
  };
  anonymousOrders: number;
  customersNew: number;
  customersMatched: number;
  /**
   * Order lines the file's line rows wrote (Olist's order items: lines of orders another
   * file brought), and how many of them went to orders of earlier imports.
   */
  linesAdded: number;
  linesToEarlierOrders: number;
  /** Payments the file's payment rows recorded. */
  paymentsRecorded: number;
  /** The first rejected rows; `imports.rejected` lists them all. */
  rejected: RowError[];
  /** The first duplicate rows (`rowsDuplicate` counts them all), so none looks dropped. */
  duplicates: DuplicateRow[];
  /**
   * Stores whose zone this import corrected (kept even when the file added nothing new:
   * it corrects the store, it is no part of a batch); empty when none was.
   */
  storeZones: StoreZoneChange[];
  durationMs: number;
}

/** A store made at the default zone that an import's preset put in its own zone. */
export interface StoreZoneChange {
  /** The store's code, as the files name it. */
  store: string;
  from: string;
  to: string;
}

export interface BatchInfo {
  id: number;
  fileName: string;
  source: string;
  channel: string | null;
  encoding: string;
  status: string;
  startedAt: string;
  rowsTotal: number;
  rowsImported: number;
  rowsDuplicate: number;
  rowsRejected: number;
}

const fileId = z.string().min(1).max(64);

export const importsContract = {
  'imports.presets': method<PresetInfo[]>()(z.object({})),
  'imports.inspect': method<FileInspection>()(
    z.object({
      fileId,
      encoding: z.string().max(32).optional(),
      sheet: z.string().max(200).optional(),
    }),
  ),
  'imports.preview': method<ImportPreview>()(z.object({ fileId, options: importOptionsSchema })),
  /** Starts the import as a job; its result is an ImportSummary. */
  'imports.start': method<JobStatus>()(
    z.object({ fileId, options: importOptionsSchema, acceptPartial: z.boolean().default(false) }),
  ),
  'imports.batches': method<BatchInfo[]>()(z.object({})),
  'imports.rejected': method<RowError[]>()(z.object({ batchId: z.number().int().positive() })),
  /** The stores a batch brought to the console (their first order is the batch's), by code. */
  'imports.newStores': method<{ code: string; name: string }[]>()(
    z.object({ batchId: z.number().int().positive() }),
  ),
  'mappings.list': method<{ name: string; mapping: ColumnMapping }[]>()(z.object({})),
  /** Saved mappings this version can no longer use, with why (they stay stored). */
  'mappings.unusable': method<UnusableMapping[]>()(z.object({})),
  'mappings.save': method<{ name: string }>()(
    z.object({ name: z.string().min(1).max(100), mapping: columnMappingSchema }),
  ),
};
