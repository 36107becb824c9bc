import type { OrderKind } from '../../db/schema';

/** An order this import has touched, as far as the import needs to know it. */
export interface OrderState {
  /** 0 while the order is still open (its row not yet written; see BatchOrders). */
  id: number;
  /** Created by this import (counted in its summary) rather than found. */
  isNew: boolean;
  /** Its kind came from an order row (a status), not from its lines. */
  kindFromOrderRow: boolean;
  /** Its id carries the source's cancellation prefix. */
  cancelledById: boolean;
  kind: OrderKind;
  amount: number;
  anonymous: boolean;
  /** Whose order it is, as stored when it was found (or as this import creates it). */
  customerId: number | null;
  /** Rows of this order seen in this file: the next line number when the file has none. */
  rowsInFile: number;
  newLines: number;
  lineSum: number;
  /** The kinds of its new lines, one bit each (see kindBits): no Set per order. */
  lineKinds: number;
  /**
   * A later export's status for a stored order: a line it stored comes again cancelled or
   * refunded (the till voided or refunded the receipt since). Null when none came.
   */
  restatus: OrderKind | null;
  /**
   * The lines an earlier import stored for this order, loaded the first time a row of
   * it comes without a line number (see BatchOrders.matchKnownLine); null until then.
   */
  known: KnownLines | null;
}

/** An order's stored lines, flat (see KNOWN_VALUES), and its next free line number. */
export interface KnownLines {
  /** Per stored line: line number, product, quantity, unit price, amount, matched (0/1). */
  values: (number | null)[];
  nextLineNo: number;
  /** The order had lines before this import: its kind came from them, not from a status. */
  hadLines: boolean;
}

/** Values kept per stored line in KnownLines.values. */
export const KNOWN_VALUES = 6;

export interface OrderCounts {
  sales: number;
  returns: number;
  cancellations: number;
  writeoffs: number;
  adjustments: number;
  anonymous: number;
}

export const countKey: Record<OrderKind, keyof OrderCounts> = {
  sale: 'sales',
  return: 'returns',
  cancellation: 'cancellations',
  writeoff: 'writeoffs',
  adjustment: 'adjustments',
};

export function newState(
  id: number,
  isNew: boolean,
  kind: OrderKind,
  amount: number,
  customerId: number | null,
): OrderState {
  return {
    id,
    isNew,
    kindFromOrderRow: false,
    cancelledById: false,
    kind,
    amount,
    anonymous: customerId === null,
    customerId,
    rowsInFile: 0,
    newLines: 0,
    lineSum: 0,
    lineKinds: 0,
    restatus: null,
    known: null,
  };
}

export const kindBits: Record<OrderKind, number> = {
  sale: 1,
  return: 2,
  cancellation: 4,
  writeoff: 8,
  adjustment: 16,
};
const kindOfBit = new Map(Object.entries(kindBits).map(([k, bit]) => [bit, k as OrderKind]));

/** An order's kind once its lines, totalling `total`, are in. */
export function settledKind(order: OrderState, total: number): OrderKind {
  // A cancellation invoice cancels as a whole, its postage or discount lines included.
  if (order.cancelledById) return 'cancellation';
  if (order.kindFromOrderRow) return order.kind;
  return kindOfLines(order.lineKinds, total);
}

/**
 * An order's kind from its lines' kinds (bits of kindBits): their one kind; a
 * cancellation when any line is one (cancellation invoices cancel as a whole). Goods
 * decide over the lines that only adjust them: an invoice of goods with postage, a
 * discount or a rounding line is a sale, and goods with write-offs too; with returns among
 * them (an exchange at the till) the sign of the total decides, money in a sale, money
 * back a return. Returns with adjustments (a refund with its postage) are a return. Only
 * adjustments and write-offs without goods make an adjustment.
 */
export function kindOfLines(kinds: number, total: number): OrderKind {
  const single = kindOfBit.get(kinds);
  if (single) return single;
  if (kinds & kindBits.cancellation) return 'cancellation';
  if (kinds & kindBits.sale) return total >= 0 ? 'sale' : 'return';
  if (kinds & kindBits.return) return 'return';
  return 'adjustment';
}

/**
 * An order's effect on spend. A cancellation or a return never adds to it: with positive
 * amounts the order was cancelled or refunded by its status (the money came back), so its
 * effect is 0; a reversing document's negative amount takes spend off.
 */
export function spendEffect(kind: OrderKind, amount: number): number {
  return (kind === 'cancellation' || kind === 'return') && amount > 0 ? 0 : amount;
}
