import type SQLite from 'better-sqlite3';
import type { OrderKind } from '../../db/schema';
import { countKey, kindBits, newState, settledKind, spendEffect } from './commit-kinds';
import { noOrders, sameLine, settleOrder } from './commit-settle';
import type { OrderCounts, OrderState } from './commit-kinds';
import { prepareOrderStatements } from './commit-order-sql';
import { StoredLines } from './commit-stored-lines';
import { RefundLines, refundKey } from './commit-refunds';
import type { LineValues } from './commit-refunds';

export type { OrderCounts, OrderState } from './commit-kinds';
export { insertLineSql, insertOrderSql } from './commit-order-sql';

export interface OrderFacts {
  storeId: number | null;
  customerId: number | null;
  kind: OrderKind;
  orderedAt: number;
  businessDay: string;
  currency: string;
}

/** The order a file's lines are creating right now, not yet written. */
interface OpenOrder {
  state: OrderState;
  channel: string;
  externalId: string;
  facts: OrderFacts;
}

/** Values kept per line of the open order, flat in one array (no object per line). */
const LINE_VALUES = 5;
/** An open order with more lines than this is written at once (the duplicate check scans). */
const OPEN_LINES_MAX = 256;

/**
 * The orders of one import: found by (channel, external id) or created, then, once
 * every row is in, given their final kind and amount from their lines.
 *
 * An order created by a line stays open, in memory with its lines, until a row of
 * any other order (or anything else that needs it in the database: a payment, a
 * merge, the end of the file) comes; then it is written once with its final kind
 * and amount, followed by its lines. Exports list an order's lines together, so most
 * orders are written once and never updated. Rows are still written in file order,
 * so ids come out as if every row had been written at once.
 */
export class BatchOrders {
  /** Channel → external id → order: no key string is built per row. */
  private readonly byChannel = new Map<string, Map<string, OrderState>>();
  private open: OpenOrder | null = null;
  /** The open order's lines: line number, product, quantity, unit price, amount. */
  private readonly openLines: (number | null)[] = [];
  private readonly stmt: ReturnType<typeof prepareOrderStatements>;
  /**
   * Set with every 'differs' from `writeLine`, and with every line written again negated
   * (no object per row): the product, quantity, unit price and amount of the line already
   * under that number.
   */
  differing: readonly (number | null)[] = [];
  /**
   * Set with every 'repeated' or 'known' from `writeLine`: the row wrote the line's numbers
   * with the other sign (a refund of that very line), not the same numbers again.
   */
  negated = false;
  /** The lines earlier imports stored, for rows that come without a line number. */
  readonly stored: StoredLines;
  /** Refunds of part of a line, for rows that undo or conflict (commit-refunds.ts). */
  readonly refunds: RefundLines;
  /**
   * Per channel: whether it had no order before this import (decided at its first look-up,
   * which comes before this import creates any order of it). Then every order of that
   * channel this import has not created is new, and needs no look-up.
   */
  private readonly channelNew = new Map<string, boolean>();
  /**
   * Orders an earlier import stored as a refund of part of a line, whose sale this import
   * brought: their refund moved to a new return order (commit-refunds.ts), which stands for
   * the return that import counted, so this import counts the order in its final kind.
   */
  private readonly takenOver: OrderState[] = [];
  /** Orders whose refund, stored first, this import refused when their sale came. */
  private readonly takenBack: OrderState[] = [];

  constructor(
    raw: SQLite.Database,
    private readonly batchId: number,
    /** Order ids starting with this are cancellation invoices (UCI: `C536379`). */
    private readonly cancelPrefix: string | undefined,
  ) {
    this.stmt = prepareOrderStatements(raw);
    this.stored = new StoredLines(raw);
    this.refunds = new RefundLines(raw);
  }

  /** The order, if this import or the database knows it; its id is 0 while it is open. */
  find(channel: string, externalId: string): OrderState | undefined {
    const known = this.ordersOf(channel).get(externalId);
    if (known) return known;
    if (this.isChannelNew(channel)) return undefined;
    const row = this.stmt.select.get(channel, externalId);
    if (!row) return undefined;
    const state = newState(row.id, false, row.kind, row.amount_fen, row.customer_id);
    state.kindFromOrderRow = true;
    state.cancelledById =
      this.cancelPrefix !== undefined && externalId.startsWith(this.cancelPrefix);
    this.ordersOf(channel).set(externalId, state);
    return state;
  }

  /** Who the order belongs to now: read again when it is written (a merge may move it). */
  ownerNow(order: OrderState): number | null {
    if (order.id !== 0 && order.customerId !== null) {
      order.customerId = this.stmt.customerOfOrder.get(order.id) ?? null;
    }
    return order.customerId;
  }

  /**
   * A row names a customer for an order this file began without one (its first rows named
   * nobody): the order is that customer's. Orders an earlier import stored stay as they are
   * (another source's order may share the id).
   */
  adopt(order: OrderState, customerId: number): void {
    if (!order.isNew || order.customerId !== null) return;
    order.customerId = customerId;
    order.anonymous = false;
    if (this.open?.state === order) this.open.facts.customerId = customerId;
    else this.stmt.setCustomer.run(customerId, order.id);
  }

  /**
   * A refund row names a customer for a sale an earlier import stored without one: the
   * member who returns part of it owns the sale (and its return), whichever file came first.
   */
  adoptForRefund(order: OrderState, customerId: number | null): void {
    if (customerId === null || order.customerId !== null || order.id === 0) return;
    order.customerId = customerId;
    this.stmt.setCustomer.run(customerId, order.id);
  }

  /**
   * Whether a row naming `customerId` may add to an order (of an earlier import, or begun
   * earlier in this file): yes unless the order belongs to another customer. A written
   * order's customer is read again, for a merge since it was found (a merge writes the
   * open order first, so an order still open has had none). Rows without a customer, and
   * orders without one, never conflict.
   */
  ownedBy(order: OrderState, customerId: number | null): boolean {
    if (customerId === null || order.customerId === null) return true;
    if (order.customerId === customerId) return true;
    if (order.id === 0) return false;
    order.customerId = this.stmt.customerOfOrder.get(order.id) ?? null;
    return order.customerId === null || order.customerId === customerId;
  }

  /**
   * A new order: written at once when an order row creates it, left open when a line
   * does (its kind and amount then come from its lines).
   */
  create(
    channel: string,
    externalId: string,
    f: OrderFacts,
    amount: number,
    fromOrderRow: boolean,
  ): OrderState {
    this.isChannelNew(channel); // decided before this import writes an order of the channel
    this.closeOpen();
    const effect = spendEffect(f.kind, amount);
    const state = newState(0, true, f.kind, effect, f.customerId);
    state.kindFromOrderRow = fromOrderRow;
    state.cancelledById =
      this.cancelPrefix !== undefined && externalId.startsWith(this.cancelPrefix);
    this.ordersOf(channel).set(externalId, state);
    if (fromOrderRow) state.id = this.insertOrder(channel, externalId, f, f.kind, effect);
    else this.open = { state, channel, externalId, facts: f };
    return state;
  }

  /**
   * Adds a line to an order. A line number the order already has is a duplicate when
   * the line is the same ('repeated' when this file wrote it, the order being new; 'known'
   * when an earlier import did), and 'differs' when it is not.
   */
  writeLine(
    order: OrderState,
    lineNo: number,
    productId: number | null,
    quantity: number,
    unit: number,
    amount: number,
    kind: OrderKind,
  ): 'imported' | 'repeated' | 'known' | 'differs' {
    if (this.open?.state === order) {
      const at = this.openLineAt(lineNo);
      if (at >= 0) {
        const kept = this.openLines.slice(at + 1, at + LINE_VALUES);
        return this.compare(kept, [productId, quantity, unit, amount], kind, true);
      }
      this.openLines.push(lineNo, productId, quantity, unit, amount);
      addLine(order, kind, amount);
      if (this.openLines.length >= OPEN_LINES_MAX * LINE_VALUES) this.closeOpen();
      return 'imported';
    }
    this.closeOpen();
    const res = this.stmt.insertLine.run(order.id, lineNo, productId, quantity, unit, amount);
    if (res.changes === 0) {
      const kept = this.stmt.lineAt.get(order.id, lineNo) ?? [];
      return this.compare(kept, [productId, quantity, unit, amount], kind, order.isNew);
    }
    addLine(order, kind, amount);
    return 'imported';
  }

  /** Writes the open order, with its kind and amount so far, and its lines. */
  closeOpen(): void {
    const open = this.open;
    if (!open) return;
    this.open = null;
    const { state } = open;
    const kind = state.newLines > 0 ? settledKind(state, state.lineSum) : state.kind;
    const amount = state.newLines > 0 ? spendEffect(kind, state.lineSum) : state.amount;
    state.id = this.insertOrder(open.channel, open.externalId, open.facts, kind, amount);
    state.kind = kind;
    state.amount = amount;

    const lines = this.openLines;
    for (let i = 0; i < lines.length; i += LINE_VALUES) {
      this.stmt.insertLine.run(
        state.id,
        lines[i],
        lines[i + 1],
        lines[i + 2],
        lines[i + 3],
        lines[i + 4],
      );
    }
    lines.length = 0;
  }

  /**
   * A line an earlier import stored came again with a status that undoes its order
   * (cancelled, refunded) while the order is stored as a sale: the order takes that kind
   * when the import finishes. Whether it did (the row then changed a fact).
   */
  restatus(order: OrderState, kind: OrderKind): boolean {
    if (!this.undoable(order, kind)) return false;
    if (order.restatus === null) order.restatus = kind;
    return true;
  }

  /** Whether a row of kind `kind` that repeats a stored line of the order undoes it. */
  undoable(order: OrderState, kind: OrderKind): boolean {
    return order.kind === 'sale' && (kind === 'cancellation' || kind === 'return');
  }

  /**
   * The return order of the sale keyed `saleKey` (commit-refunds.ts), if there is one. It is
   * never left open: its lines are in the database.
   */
  returnOf(channel: string, saleKey: string): OrderState | undefined {
    return this.find(channel, refundKey(saleKey));
  }

  /**
   * Makes the return order of a sale, written at once: from a refund row's facts (a refund
   * after its sale), or from the sale order itself (a refund stored first moves out of it).
   */
  createReturn(
    channel: string,
    saleKey: string,
    from: OrderFacts | OrderState,
    customerId: number | null,
  ): OrderState {
    this.closeOpen();
    const key = refundKey(saleKey);
    let id: number;
    if ('isNew' in from) {
      id = this.refunds.returnFrom(from.id, key, this.batchId);
      // The import that stored the refund counted a return; this one counts the sale.
      if (!from.isNew) this.takenOver.push(from);
    } else {
      id = this.insertOrder(channel, key, { ...from, customerId }, 'return', 0);
    }
    const state = newState(id, true, 'return', 0, customerId);
    // A return whatever its lines: the settled kind stays the one it was made with.
    state.kindFromOrderRow = true;
    this.ordersOf(channel).set(key, state);
    return state;
  }

  /** Adds a refund of the sale's line `lineNo` to the sale's return order. */
  addRefund(returnOrder: OrderState, lineNo: number, refund: LineValues): void {
    this.refunds.add(returnOrder.id, lineNo, refund);
    addLine(returnOrder, 'return', refund[3] ?? 0);
  }

  /**
   * The sale's row of a line whose refund was stored first (`kept`, under the same number):
   * the line takes the sale's numbers and the order the sale's (earlier) time. A refund of
   * the whole line leaves the order undone, as the same refund after its sale does.
   */
  takeLineBack(
    order: OrderState,
    lineNo: number,
    kept: LineValues,
    row: LineValues,
    time: { orderedAt?: number; businessDay?: string },
    whole: boolean,
  ): void {
    this.closeOpen();
    this.refunds.replaceLine(order.id, lineNo, row);
    if (time.orderedAt !== undefined && time.businessDay !== undefined) {
      this.refunds.takeEarlierTime(order.id, time.orderedAt, time.businessDay);
    }
    // Its kind now comes from its lines (a sale's among them), or from the undoing status.
    order.kindFromOrderRow = false;
    addLine(order, 'sale', (row[3] ?? 0) - (kept[3] ?? 0));
    if (whole) order.restatus = order.kind === 'cancellation' ? 'cancellation' : 'return';
  }

  /**
   * An order an earlier import stored from a refund, whose sale this import brought and kept
   * while refusing that refund: this import counts the order in its final kind.
   */
  countTakenBack(order: OrderState): void {
    this.takenBack.push(order);
  }

  /** Settles kind and amount of every order that got new lines; counts the new orders. */
  finish(): OrderCounts {
    this.closeOpen();
    const counts = noOrders();
    for (const orders of this.byChannel.values()) {
      for (const order of orders.values()) {
        if (order.newLines > 0 || order.restatus !== null) settleOrder(this.stmt, order);
        if (!order.isNew) continue;
        counts[countKey[order.kind]] += 1;
        if (order.anonymous) counts.anonymous += 1;
      }
    }
    for (const sale of this.takenOver) {
      counts.returns -= 1;
      counts[countKey[sale.kind]] += 1;
    }
    for (const sale of this.takenBack) counts[countKey[sale.kind]] += 1;
    return counts;
  }

  private insertOrder(
    channel: string,
    externalId: string,
    f: OrderFacts,
    kind: OrderKind,
    amount: number,
  ): number {
    const res = this.stmt.insert.run(
      channel,
      externalId,
      f.storeId,
      f.customerId,
      kind,
      f.orderedAt,
      f.businessDay,
      amount,
      f.currency,
      this.batchId,
    );
    return Number(res.lastInsertRowid);
  }

  /** Where the open order's line with this number starts in `openLines`, or -1. */
  private openLineAt(lineNo: number): number {
    const lines = this.openLines;
    for (let i = 0; i < lines.length; i += LINE_VALUES) if (lines[i] === lineNo) return i;
    return -1;
  }

  /**
   * A row whose line number the order already has: the same line again (repeated in this
   * file, or known from an earlier import) when product, quantity, unit price and amount
   * agree; otherwise another sale under the same order id and line number, kept in
   * `differing` for the refusal.
   */
  private compare(
    kept: readonly (number | null)[],
    row: readonly (number | null)[],
    kind: OrderKind,
    inFile: boolean,
  ): 'repeated' | 'known' | 'differs' {
    const undoes = kind === 'cancellation' || kind === 'return';
    const same = sameLine(kept, row, undoes);
    if (same) {
      this.negated = same === 'negated';
      if (this.negated) this.differing = kept;
      return inFile ? 'repeated' : 'known';
    }
    this.differing = kept;
    return 'differs';
  }

  private isChannelNew(channel: string): boolean {
    let isNew = this.channelNew.get(channel);
    if (isNew === undefined) {
      isNew = this.stmt.anyOfChannel.get(channel) === undefined;
      this.channelNew.set(channel, isNew);
    }
    return isNew;
  }

  private ordersOf(channel: string): Map<string, OrderState> {
    let orders = this.byChannel.get(channel);
    if (!orders) {
      orders = new Map();
      this.byChannel.set(channel, orders);
    }
    return orders;
  }
}

function addLine(order: OrderState, kind: OrderKind, amount: number): void {
  order.newLines += 1;
  order.lineSum += amount;
  order.lineKinds |= kindBits[kind];
}
