import { kindBits, settledKind, spendEffect } from './commit-kinds';
import type { OrderCounts, OrderState } from './commit-kinds';
import type { prepareOrderStatements } from './commit-order-sql';

type OrderStatements = ReturnType<typeof prepareOrderStatements>;

/** The counts of an import that made no order yet. */
export function noOrders(): OrderCounts {
  return { sales: 0, returns: 0, cancellations: 0, writeoffs: 0, adjustments: 0, anonymous: 0 };
}

/**
 * Whether a row's line (product, quantity, unit price, amount) is the one kept under its
 * line number: the same line again, not another sale that shares the order's id. A row
 * that undoes its order (cancelled, refunded) is that line too when it writes the line's
 * numbers with the other sign, as some tills export a refunded receipt ('negated').
 */
export function sameLine(
  kept: readonly (number | null)[],
  row: readonly (number | null)[],
  undoes: boolean,
): 'same' | 'negated' | false {
  if (row.every((value, i) => value === kept[i])) return 'same';
  if (!undoes || row[0] !== kept[0]) return false;
  const negated = row.every((v, i) => i === 0 || Math.abs(v ?? 0) === Math.abs(kept[i] ?? 0));
  return negated ? 'negated' : false;
}

/**
 * Gives an order that got new lines (or a new status) its kind and amount from all its
 * lines, stored ones included, and writes them when they changed.
 */
export function settleOrder(stmt: OrderStatements, order: OrderState): void {
  let total = order.lineSum;
  if (!order.isNew) {
    const stored = stmt.sumLines.get(order.id);
    total = stored?.total ?? 0;
    // An order an earlier import made from lines: its kind counts with the new lines'
    // kinds, as if all had come in one file. An order row's status (Olist's orders, then
    // their items) stays the order's kind.
    if (order.kindFromOrderRow && (stored?.n ?? 0) > order.newLines) {
      order.kindFromOrderRow = false;
      order.lineKinds |= kindBits[order.kind];
    }
  }
  const kind = order.restatus ?? settledKind(order, total);
  const amount = spendEffect(kind, total);
  if (kind === order.kind && amount === order.amount) return;
  stmt.update.run(kind, amount, order.id);
  order.kind = kind;
  order.amount = amount;
}
