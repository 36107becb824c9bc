import type SQLite from 'better-sqlite3';
import type { OrderKind } from '../../db/schema';
import {
  KNOWN_VALUES,
  countKey,
  kindBits,
  newState,
  settledKind,
  spendEffect,
} from './commit-kinds';
import type { KnownLines, OrderCounts, OrderState } from './commit-kinds';

export type { OrderCounts, OrderState } from './commit-kinds';

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

/** Writes a new order; `bench/commit-sql.ts` replays imports with the same statement. */
export const insertOrderSql = `INSERT INTO orders (channel, external_id, store_id, customer_id,
  kind, ordered_at, business_day, amount_fen, currency, batch_id)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/** Writes a line of an order, unless the order has that line number already. */
export const insertLineSql = `INSERT INTO order_lines (order_id, line_no, product_id, quantity,
  unit_price_fen, amount_fen) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (order_id, line_no) DO NOTHING`;

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
  private readonly select: SQLite.Statement<
    [string, string],
    { id: number; kind: OrderKind; amount_fen: number; customer_id: number | null }
  >;
  private readonly insert: SQLite.Statement;
  private readonly insertLine: SQLite.Statement;
  private readonly update: SQLite.Statement;
  private readonly setCustomer: SQLite.Statement<[number, number]>;
  private readonly sumLines: SQLite.Statement<[number], { total: number | null; n: number }>;
  private readonly storedLines: SQLite.Statement<[number], (number | null)[]>;
  /**
   * Per channel: whether it had no order before this import (decided at its first look-up,
   * which comes before this import creates any order of it). Then every order of that
   * channel this import has not created is new, and needs no look-up.
   */
  private readonly channelNew = new Map<string, boolean>();
  private readonly anyOfChannel: SQLite.Statement<[string]>;
  private readonly customerOfOrder: SQLite.Statement<[number], number | null>;

  constructor(
    raw: SQLite.Database,
    private readonly batchId: number,
    /** Order ids starting with this are cancellation invoices (UCI: `C536379`). */
    private readonly cancelPrefix: string | undefined,
  ) {
    this.select = raw.prepare(
      `SELECT id, kind, amount_fen, customer_id FROM orders WHERE channel = ? AND external_id = ?`,
    );
    this.insert = raw.prepare(insertOrderSql);
    this.insertLine = raw.prepare(insertLineSql);
    this.anyOfChannel = raw.prepare('SELECT 1 FROM orders WHERE channel = ? LIMIT 1');
    this.customerOfOrder = raw
      .prepare<[number], number | null>('SELECT customer_id FROM orders WHERE id = ?')
      .pluck();
    this.update = raw.prepare('UPDATE orders SET kind = ?, amount_fen = ? WHERE id = ?');
    this.setCustomer = raw.prepare(
      'UPDATE orders SET customer_id = ? WHERE id = ? AND customer_id IS NULL',
    );
    this.sumLines = raw.prepare(
      'SELECT sum(amount_fen) AS total, count(*) AS n FROM order_lines WHERE order_id = ?',
    );
    this.storedLines = raw
      .prepare<[number], (number | null)[]>(
        `SELECT line_no, product_id, quantity, unit_price_fen, amount_fen FROM order_lines
         WHERE order_id = ? ORDER BY line_no`,
      )
      .raw(true);
  }

  /** The order, if this import or the database knows it; its id is 0 while it is open. */
  find(channel: string, externalId: string): OrderState | undefined {
    const known = this.ordersOf(channel).get(externalId);
    if (known) return known;
    if (this.isChannelNew(channel)) return undefined;
    const row = this.select.get(channel, externalId);
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
      order.customerId = this.customerOfOrder.get(order.id) ?? null;
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
    else this.setCustomer.run(customerId, order.id);
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
    order.customerId = this.customerOfOrder.get(order.id) ?? null;
    return order.customerId === null || order.customerId === customerId;
  }

  /**
   * For a line that comes without a line number, of an order an earlier import stored:
   * the number of a stored line of that order with the same product, quantity, unit
   * price and amount that no row of this file matched yet (it is matched now), or null
   * when the line is new. Its identity is its content, not its place in this file.
   */
  matchKnownLine(
    order: OrderState,
    productId: number | null,
    quantity: number,
    unit: number,
    amount: number,
  ): number | null {
    const v = this.knownLines(order).values;
    for (let i = 0; i < v.length; i += KNOWN_VALUES) {
      if (v[i + 5] !== 0 || v[i + 1] !== productId || v[i + 2] !== quantity) continue;
      if (v[i + 3] !== unit || v[i + 4] !== amount) continue;
      v[i + 5] = 1;
      return v[i] as number;
    }
    return null;
  }

  /** The next free line number of an order an earlier import stored; the caller takes it. */
  takeLineNo(order: OrderState): number {
    const known = this.knownLines(order);
    const lineNo = known.nextLineNo;
    known.nextLineNo += 1;
    return lineNo;
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
   * Adds a line to an order. A line number the order already has is a duplicate:
   * 'repeated' when this file wrote it (the order is new), 'known' when an earlier
   * import did.
   */
  writeLine(
    order: OrderState,
    lineNo: number,
    productId: number | null,
    quantity: number,
    unit: number,
    amount: number,
    kind: OrderKind,
  ): 'imported' | 'repeated' | 'known' {
    if (this.open?.state === order) {
      if (this.openHasLine(lineNo)) return 'repeated';
      this.openLines.push(lineNo, productId, quantity, unit, amount);
      addLine(order, kind, amount);
      if (this.openLines.length >= OPEN_LINES_MAX * LINE_VALUES) this.closeOpen();
      return 'imported';
    }
    this.closeOpen();
    const res = this.insertLine.run(order.id, lineNo, productId, quantity, unit, amount);
    if (res.changes === 0) return order.isNew ? 'repeated' : 'known';
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
      this.insertLine.run(
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
    if (order.isNew || order.kind !== 'sale') return false;
    if (kind !== 'cancellation' && kind !== 'return') return false;
    if (order.restatus === null) order.restatus = kind;
    return true;
  }

  /** Settles kind and amount of every order that got new lines; counts the new orders. */
  finish(): OrderCounts {
    this.closeOpen();
    const counts: OrderCounts = {
      sales: 0,
      returns: 0,
      cancellations: 0,
      writeoffs: 0,
      adjustments: 0,
      anonymous: 0,
    };
    for (const orders of this.byChannel.values()) {
      for (const order of orders.values()) {
        if (order.newLines > 0 || order.restatus !== null) this.settle(order);
        if (!order.isNew) continue;
        counts[countKey[order.kind]] += 1;
        if (order.anonymous) counts.anonymous += 1;
      }
    }
    return counts;
  }

  private insertOrder(
    channel: string,
    externalId: string,
    f: OrderFacts,
    kind: OrderKind,
    amount: number,
  ): number {
    const res = this.insert.run(
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

  private openHasLine(lineNo: number): boolean {
    const lines = this.openLines;
    for (let i = 0; i < lines.length; i += LINE_VALUES) if (lines[i] === lineNo) return true;
    return false;
  }

  private isChannelNew(channel: string): boolean {
    let isNew = this.channelNew.get(channel);
    if (isNew === undefined) {
      isNew = this.anyOfChannel.get(channel) === undefined;
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

  /**
   * The stored lines of an order found in the database, read once. An order that had
   * lines got its kind from them (an order row's status makes an order without lines),
   * so its kind is settled again from that kind and the kinds of the lines it gains,
   * as if the lines had all come in one file.
   */
  private knownLines(order: OrderState): KnownLines {
    if (order.known) return order.known;
    const values: (number | null)[] = [];
    let maxLineNo = 0;
    for (const row of this.storedLines.iterate(order.id)) {
      values.push(row[0]!, row[1]!, row[2]!, row[3]!, row[4]!, 0);
      maxLineNo = Math.max(maxLineNo, row[0] as number);
    }
    const hadLines = values.length > 0;
    if (hadLines && !order.isNew) {
      order.kindFromOrderRow = false;
      order.lineKinds |= kindBits[order.kind];
    }
    order.known = { values, nextLineNo: maxLineNo + 1, hadLines };
    return order.known;
  }

  private settle(order: OrderState): void {
    let total = order.lineSum;
    if (!order.isNew) {
      const stored = this.sumLines.get(order.id);
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
    this.update.run(kind, amount, order.id);
    order.kind = kind;
    order.amount = amount;
  }
}

function addLine(order: OrderState, kind: OrderKind, amount: number): void {
  order.newLines += 1;
  order.lineSum += amount;
  order.lineKinds |= kindBits[kind];
}
