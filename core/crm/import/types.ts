import type { ChannelCode, DateOrder, RowError, RowKind } from '../../api/imports';
import type { OrderKind } from '../../db/schema';

/**
 * One row of an export after column mapping and conversion, ready to be written:
 * the hand-over between reading a file (parse side) and committing a batch
 * (write side). Everything is normalised: instants in UTC milliseconds, money in
 * integer minor units, phones in E.164, e-mails trimmed and lower-cased.
 */
export interface ImportRecord {
  /** 1-based line of the file this came from (header is line 1 for CSV). */
  line: number;
  rowKind: RowKind;
  channel: ChannelCode;
  /** sale | return | cancellation | writeoff | adjustment, decided from the row's values. */
  kind: OrderKind;
  currency: string;
  orderId?: string;
  lineNo?: number;
  orderedAt?: number;
  /** 'YYYY-MM-DD' in the store's time zone. */
  businessDay?: string;
  orderStatus?: string;
  customer: CustomerKeys;
  store?: { code: string; name?: string; region?: string };
  product?: { sku: string; name?: string; category?: string };
  quantity?: number;
  unitPriceFen?: number;
  /**
   * Before discount, whatever the file wrote: a column already net of its discount
   * (mapping `amountAfterDiscount`) gets it added back when read, and the commit takes
   * `discountFen` off exactly once (`netAmount` in commit-rows.ts; the preview uses it too).
   */
  lineAmountFen?: number;
  orderAmountFen?: number;
  /** The row's discount, positive whatever sign the file wrote; taken off the line amount. */
  discountFen?: number;
  /** Refunded on the row, positive whatever sign the file wrote. */
  refundFen?: number;
  paymentFen?: number;
}

/** What a row says about who bought; any subset may be present, or none (anonymous). */
export interface CustomerKeys {
  memberId?: string;
  /** E.164, e.g. +8613800001234. */
  phone?: string;
  /** A phone with hidden digits as delivery platforms export it, e.g. 138****1234: never a key. */
  maskedPhone?: string;
  email?: string;
  /** A platform's id for the person (Olist's customer_unique_id). */
  platformId?: string;
  /** A platform's id for one order's buyer (Olist's customer_id): links rows of other files. */
  externalId?: string;
  name?: string;
  gender?: 'F' | 'M';
  birthDate?: string;
  city?: string;
}

export type RecordOutcome = { ok: true; record: ImportRecord } | { ok: false; errors: RowError[] };

/** Facts about the file that the batch keeps. */
export interface SourceFacts {
  fileName: string;
  contentHash: string;
  source: string;
  encoding: string;
  dateOrder: DateOrder | null;
}
