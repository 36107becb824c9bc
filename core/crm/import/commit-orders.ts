import type SQLite from 'better-sqlite3';
import type { OrderKind } from '../../db/schema';

/** An order this import has touched, as far as the import needs to know it. */
export interface OrderState {
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
  /** Rows of this order seen in this file: the next line number when the file has none. */
  rowsInFile: number;
  newLines: number;
  lineSum: number;
  /** The kinds of its new lines, one bit each (see kindBits): no Set per order. */
  lineKinds: number;
}

export interface OrderFacts {
  storeId: number | null;
  customerId: number | null;
  kind: OrderKind;
  orderedAt: number;
  businessDay: string;
  currency: string;
}

export interface OrderCounts {
  sales: number;
  returns: number;
  cancellations: number;
  writeoffs: number;
  adjustments: number;
  anonymous: number;
}

/**
 * The orders of one import: found by (channel, external id) or created, then, once
 * every row is in, given their final kind and amount from their lines.
 */
export class BatchOrders {
  /** Channel → external id → order: no key string is built per row. */
  private readonly byChannel = new Map<string, Map<string, OrderState>>();
  private readonly select: SQLite.Statement<
    [string, string],
    { id: number; kind: OrderKind; amount_fen: number; customer_id: number | null }
  >;
  private readonly insert: SQLite.Statement;
  private readonly update: SQLite.Statement;
  private readonly sumLines: SQLite.Statement<[number], { total: number | null }>;
  /** No order existed before this import (the first one): every order is new, no look-up. */
  private readonly noneBefore: boolean;

  constructor(
    raw: SQLite.Database,
    private readonly batchId: number,
    /** Order ids starting with this are cancellation invoices (UCI: `C536379`). */
    private readonly cancelPrefix: string | undefined,
  ) {
    this.select = raw.prepare(
      `SELECT id, kind, amount_fen, customer_id FROM orders WHERE channel = ? AND external_id = ?`,
    );
    this.insert = raw.prepare(
      `INSERT INTO orders (channel, external_id, store_id, customer_id, kind, ordered_at,
         business_day, amount_fen, currency, batch_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.noneBefore = raw.prepare('SELECT 1 FROM orders LIMIT 1').get() === undefined;
    this.update = raw.prepare('UPDATE orders SET kind = ?, amount_fen = ? WHERE id = ?');
    this.sumLines = raw.prepare(
      'SELECT sum(amount_fen) AS total FROM order_lines WHERE order_id = ?',
    );
  }

  find(channel: string, externalId: string): OrderState | undefined {
    const known = this.ordersOf(channel).get(externalId);
    if (known) return known;
    if (this.noneBefore) return undefined;
    const row = this.select.get(channel, externalId);
    if (!row) return undefined;
    const state = newState(row.id, false, row.kind, row.amount_fen, row.customer_id === null);
    state.kindFromOrderRow = true;
    this.ordersOf(channel).set(externalId, state);
    return state;
  }

  create(
    channel: string,
    externalId: string,
    f: OrderFacts,
    amount: number,
    fromOrderRow: boolean,
  ): OrderState {
    const effect = spendEffect(f.kind, amount);
    const res = this.insert.run(
      channel,
      externalId,
      f.storeId,
      f.customerId,
      f.kind,
      f.orderedAt,
      f.businessDay,
      effect,
      f.currency,
      this.batchId,
    );
    const state = newState(
      Number(res.lastInsertRowid),
      true,
      f.kind,
      effect,
      f.customerId === null,
    );
    state.kindFromOrderRow = fromOrderRow;
    state.cancelledById =
      this.cancelPrefix !== undefined && externalId.startsWith(this.cancelPrefix);
    this.ordersOf(channel).set(externalId, state);
    return state;
  }

  private ordersOf(channel: string): Map<string, OrderState> {
    let orders = this.byChannel.get(channel);
    if (!orders) {
      orders = new Map();
      this.byChannel.set(channel, orders);
    }
    return orders;
  }

  addLine(order: OrderState, kind: OrderKind, amount: number): void {
    order.newLines += 1;
    order.lineSum += amount;
    order.lineKinds |= kindBits[kind];
  }

  /** Settles kind and amount of every order that got new lines; counts the new orders. */
  finish(): OrderCounts {
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
        if (order.newLines > 0) this.settle(order);
        if (!order.isNew) continue;
        counts[countKey[order.kind]] += 1;
        if (order.anonymous) counts.anonymous += 1;
      }
    }
    return counts;
  }

  private settle(order: OrderState): void {
    const total = order.isNew ? order.lineSum : (this.sumLines.get(order.id)?.total ?? 0);
    // A cancellation invoice cancels as a whole, its postage or discount lines included.
    const kind = order.cancelledById
      ? 'cancellation'
      : order.kindFromOrderRow
        ? order.kind
        : kindOfLines(order.lineKinds, total);
    const amount = spendEffect(kind, total);
    if (kind === order.kind && amount === order.amount) return;
    this.update.run(kind, amount, order.id);
    order.kind = kind;
    order.amount = amount;
  }
}

const countKey: Record<OrderKind, keyof OrderCounts> = {
  sale: 'sales',
  return: 'returns',
  cancellation: 'cancellations',
  writeoff: 'writeoffs',
  adjustment: 'adjustments',
};

function newState(
  id: number,
  isNew: boolean,
  kind: OrderKind,
  amount: number,
  anonymous: boolean,
): OrderState {
  return {
    id,
    isNew,
    kindFromOrderRow: false,
    cancelledById: false,
    kind,
    amount,
    anonymous,
    rowsInFile: 0,
    newLines: 0,
    lineSum: 0,
    lineKinds: 0,
  };
}

const kindBits: Record<OrderKind, number> = {
  sale: 1,
  return: 2,
  cancellation: 4,
  writeoff: 8,
  adjustment: 16,
};
const kindOfBit = new Map(Object.entries(kindBits).map(([k, bit]) => [bit, k as OrderKind]));

/**
 * An order's kind from its lines' kinds (bits of kindBits): their one kind; a
 * cancellation when any line is one (cancellation invoices cancel as a whole); sales
 * mixed with returns (an exchange at the till) by the sign of the total; any other
 * mix is an adjustment.
 */
export function kindOfLines(kinds: number, total: number): OrderKind {
  const single = kindOfBit.get(kinds);
  if (single) return single;
  if (kinds & kindBits.cancellation) return 'cancellation';
  if (kinds === (kindBits.sale | kindBits.return)) return total >= 0 ? 'sale' : 'return';
  return 'adjustment';
}

/**
 * An order's effect on spend. A cancellation never adds to it: with positive amounts
 * the order was cancelled by its status before it counted, so its effect is 0.
 */
export function spendEffect(kind: OrderKind, amount: number): number {
  return kind === 'cancellation' && amount > 0 ? 0 : amount;
}
