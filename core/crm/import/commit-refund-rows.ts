import type { RowError, TargetField } from '../../api/imports';
import type { BatchOrders, OrderFacts, OrderState } from './commit-orders';
import {
  isKnownRefund,
  refundedWith,
  refundsPart,
  refundsRefund,
  sellsRefunded,
  wholeRefund,
  withinSold,
} from './commit-refunds';
import type { LineValues } from './commit-refunds';
import type { OrderConflicts } from './order-conflict';
import type { ImportRecord } from './types';

/**
 * What a row did whose line number its order holds with other numbers: the sale took its
 * line back ('line'), a refund went to a return order made now ('refund') or by an earlier
 * import ('refundToEarlier'), the refund was there already (a duplicate), or the refusal.
 */
export type DiffersResult =
  'line' | 'refund' | 'refundToEarlier' | 'refund_known' | 'refund_repeated' | RowError;

/**
 * The rows of an import that refund part of a line, or that sell a refund stored first
 * (the model: commit-refunds.ts), and the check that the refunds of a line never take
 * back more than it sold. Only rows that undo or conflict come here.
 */
export class RefundRows {
  constructor(
    private readonly orders: BatchOrders,
    private readonly conflicts: OrderConflicts,
    private readonly columns: Partial<Record<TargetField, string>>,
    /** The file being imported, named in the refusal of a refund stored before its sale. */
    private readonly fileName: string,
  ) {}

  /**
   * A row whose line number its order holds with other numbers (`orders.differing`): a
   * refund of part of that line, or the sale of a refund stored first; otherwise another
   * sale under the same order id (or a second refund before the sale), refused. `factsOf`
   * gives a new return order's facts from the row, for the customer it belongs to;
   * `customerId` is the customer the row names.
   */
  differs(
    r: ImportRecord,
    order: OrderState,
    n: number,
    row: LineValues,
    factsOf: (customerId: number | null) => OrderFacts,
    customerId: number | null,
  ): DiffersResult {
    const kept = this.orders.differing;
    if (refundsPart(kept, row, r.kind)) {
      return this.refundPart(r, order, n, kept, row, factsOf, customerId);
    }
    const sells = sellsRefunded(kept, row, r.kind);
    if (!sells && refundsRefund(kept, row, r.kind)) {
      return this.conflicts.refuseRefundBeforeSale(r, n, kept, row, this.columns);
    }
    if (!sells) return this.conflicts.refuseLine(r, n, kept, row, this.columns);
    // A sale a whole-line refund undid has nothing left of its other lines to refund.
    if (sells === 'over' || (sells === 'part' && order.restatus !== null)) {
      return this.refuseStored(r, order, n, kept, row);
    }

    // A whole line's refund joins the refunds of part of the receipt's other lines, if any.
    const joins = sells === 'whole' && this.orders.returnOf(r.channel, r.orderId!) !== undefined;
    if (sells === 'part' || joins) {
      // The refund stored first moves to the sale's return order, as if it came after.
      const saleKey = r.orderId!;
      const over = this.over(r, n, row, kept);
      if (over) return over;
      const returnOrder =
        this.orders.returnOf(r.channel, saleKey) ??
        this.orders.createReturn(r.channel, saleKey, order, this.orders.ownerNow(order));
      this.orders.addRefund(returnOrder, n, kept);
    }
    this.orders.takeLineBack(order, n, kept, row, r, sells === 'whole' && !joins);
    return 'line';
  }

  /**
   * A returned row that gives back the whole sold line `sold` (line `n`). Refused when the
   * line has refunds of part of it already; when the sale's return order holds refunds of
   * its other lines, the line joins them (a refund of all of it: the receipt stays a
   * purchase, as those refunds left it) and the result says so; null when the row undoes
   * the whole receipt (its status).
   */
  undoLine(r: ImportRecord, order: OrderState, n: number, sold: LineValues): DiffersResult | null {
    const known = this.orders.returnOf(r.channel, r.orderId!);
    const whole = wholeRefund(sold);
    if (known && isKnownRefund(this.orders.refunds.of(known.id, n), whole)) {
      return known.isNew ? 'refund_repeated' : 'refund_known';
    }
    const over = this.overOnUndo(r, n, sold);
    if (over) return over;
    if (!known || r.kind !== 'return' || order.restatus !== null) return null;
    this.orders.addRefund(known, n, whole);
    return known.isNew ? 'refund' : 'refundToEarlier';
  }

  /**
   * The refusal of a row that gives back the whole sold line `sold` (line `n`: its status
   * refunded or cancelled, or its numbers negated) after refunds of part of it; null when
   * there were none.
   */
  overOnUndo(r: ImportRecord, n: number, sold: LineValues): RowError | null {
    return this.over(r, n, sold, wholeRefund(sold));
  }

  /**
   * The sale (`row`) of a refund stored first (`kept`) that takes back more than it sold:
   * the sale is kept and the refund refused, on the import that stored it (commit-refunds.ts);
   * within one file, the sale row is refused.
   */
  private refuseStored(
    r: ImportRecord,
    order: OrderState,
    n: number,
    kept: LineValues,
    row: LineValues,
  ): DiffersResult {
    const undone = order.restatus !== null ? [wholeRefund(row)] : [];
    const refusal = this.conflicts.refuseRefund(
      r,
      n,
      row,
      refundedWith(undone, kept),
      this.columns,
    );
    if (order.isNew) return refusal;
    const stored = this.conflicts.refusedLater(refusal, this.fileName);
    this.orders.takeLineBack(order, n, kept, row, r, false);
    this.orders.refunds.refuseLater(order.id, stored);
    this.orders.countTakenBack(order);
    return 'line';
  }

  /** A refund of part of the sold line `kept`: a line of the sale's return order. */
  private refundPart(
    r: ImportRecord,
    order: OrderState,
    n: number,
    kept: LineValues,
    row: LineValues,
    factsOf: (customerId: number | null) => OrderFacts,
    customerId: number | null,
  ): DiffersResult {
    const saleKey = r.orderId!;
    this.orders.closeOpen(); // the sale's kind settled from its lines so far
    const known = this.orders.returnOf(r.channel, saleKey);
    if (known && isKnownRefund(this.orders.refunds.of(known.id, n), row)) {
      return known.isNew ? 'refund_repeated' : 'refund_known';
    }
    // A sale refunded or cancelled as a whole (by its status) has nothing left to refund.
    const undone =
      order.restatus !== null ||
      order.kind === 'cancellation' ||
      (order.kind === 'return' && order.amount === 0);
    const over = this.over(r, n, kept, row, undone);
    if (over) return over;
    // The member the refund names owns a sale stored without one (as when it came first).
    this.orders.adoptForRefund(order, customerId);
    const owner = this.orders.ownerNow(order);
    const returnOrder =
      known ?? this.orders.createReturn(r.channel, saleKey, factsOf(owner), owner);
    this.orders.addRefund(returnOrder, n, row);
    return returnOrder.isNew ? 'refund' : 'refundToEarlier';
  }

  /**
   * The refusal of a refund of the sold line `sold` (line `n` of the row's order) that
   * would take back more than it sold with the refunds its return order holds (or with
   * the whole line, when its order was `undone` as a whole); null when it stays within.
   */
  private over(
    r: ImportRecord,
    n: number,
    sold: LineValues,
    refund: LineValues,
    undone = false,
  ): RowError | null {
    const known = undone ? undefined : this.orders.returnOf(r.channel, r.orderId!);
    const done = undone ? [wholeRefund(sold)] : known ? this.orders.refunds.of(known.id, n) : [];
    const refunded = refundedWith(done, refund);
    if (withinSold(refunded, sold)) return null;
    return this.conflicts.refuseRefund(r, n, sold, refunded, this.columns);
  }
}
