/**
 * Amounts of an import: a line's amount is its line amount, else unit price × quantity,
 * less discount and refund, with the sign the export wrote (UCI cancellation invoices
 * carry negative quantities). An order's amount is the sum of its lines (or its own
 * order amount when it has no lines) and is its signed effect on spend. A cancelled
 * or returned order never adds to spend: when its rows carry positive amounts (the
 * status says it was cancelled, not a reversing invoice) its amount is 0 (see
 * `spendEffect` in commit-kinds.ts).
 */
import type { ImportRecord } from './types';

/**
 * What a line or order really moved, from its amount before discount: a sale's amount less
 * its discount and its refund (refunded in whole: 0); a negative amount (a return written
 * as money going back) less its discount, in size: −37.00 with 2.00 off is −35.00. The
 * refund of a negative amount is that same money, already in it, so it is not taken again.
 */
export function netAmount(gross: number, r: ImportRecord): number {
  const discount = r.discountFen ?? 0;
  return gross >= 0 ? gross - discount - (r.refundFen ?? 0) : gross + discount;
}
