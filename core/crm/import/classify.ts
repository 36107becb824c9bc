import type { OrderKind } from '../../db/schema';
import type { ClassificationRules } from './presets';

const cancelledStatuses = new Set([
  'cancelled',
  'canceled',
  'cancel',
  'void',
  'voided',
  'unavailable',
  '已取消',
  '取消',
  '已作废',
  '作废',
  '交易关闭',
]);

const refundedStatuses = new Set([
  'refunded',
  'returned',
  '已退款',
  '退款成功',
  '已退货',
  '全额退款',
]);

type StatusMeaning = 'cancelled' | 'refunded' | 'other';

// A file writes a handful of distinct statuses on a million lines: each is trimmed,
// lower-cased and looked up once. Bounded, in case a column holds free text.
const knownStatuses = new Map<string, StatusMeaning>();

function statusMeaning(written: string): StatusMeaning {
  const known = knownStatuses.get(written);
  if (known !== undefined) return known;
  const status = written.trim().toLowerCase();
  let meaning: StatusMeaning = 'other';
  if (cancelledStatuses.has(status)) meaning = 'cancelled';
  else if (refundedStatuses.has(status)) meaning = 'refunded';
  if (knownStatuses.size < 1000) knownStatuses.set(written, meaning);
  return meaning;
}

/** The facts of a row that decide what kind of order line it is. */
export interface KindFacts {
  orderId?: string;
  orderStatus?: string;
  quantity?: number;
  unitPriceFen?: number;
  lineAmountFen?: number;
  refundFen?: number;
}

/**
 * What a row is, in this order: a product code the source uses for adjustments
 * (postage, bad debt, manual, discount) is an adjustment whatever its sign; an order
 * id with the source's cancellation prefix or a cancelled status is a cancellation; a
 * refunded status, or a refund of the whole line, is a return (a refund of part of it
 * leaves a sale of what the customer kept); a negative quantity at price 0 is a
 * write-off (stock written off as damaged, lost, "check"); any other negative quantity
 * or amount is a return; everything else is a sale.
 */
export function classifyRow(
  facts: KindFacts,
  sku: string | undefined,
  rules: ClassificationRules,
): OrderKind {
  if (sku !== undefined && rules.adjustmentSkus.includes(sku)) return 'adjustment';

  const status = facts.orderStatus === undefined ? 'other' : statusMeaning(facts.orderStatus);
  if (rules.cancelPrefix && facts.orderId?.startsWith(rules.cancelPrefix)) return 'cancellation';
  if (status === 'cancelled') return 'cancellation';
  if (status === 'refunded' || refundsAll(facts)) return 'return';

  const negative = (facts.quantity ?? 0) < 0 || (facts.lineAmountFen ?? 0) < 0;
  if (!negative) return 'sale';
  const priceless = facts.unitPriceFen === 0 || facts.lineAmountFen === 0;
  return priceless ? 'writeoff' : 'return';
}

/**
 * A refund of the line's whole amount (or more); a refund without an amount to compare it
 * to is taken as whole.
 */
function refundsAll(facts: KindFacts): boolean {
  const refund = facts.refundFen ?? 0;
  if (refund <= 0) return false;
  const gross =
    facts.lineAmountFen ??
    (facts.unitPriceFen !== undefined ? facts.unitPriceFen * (facts.quantity ?? 1) : undefined);
  return gross === undefined || refund >= Math.abs(gross);
}
