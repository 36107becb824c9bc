/**
 * Writes the records of one import into the facts, inside the import's transaction:
 * stores, products, customers (through the identity resolver), orders, order lines
 * and payments. Every statement is prepared once with constant SQL.
 *
 * Orders are unique on (channel, external id) and lines on (order, line number), so
 * a row already in the database is a duplicate and changes nothing.
 *
 * Line numbers: the file's own (Olist's order_item_id) when mapped; a known line number is then a
 * duplicate. Otherwise a line of an order new to this import is the n-th row of that order in this
 * file, and a line of an order an earlier import stored is known by its content: it is a duplicate
 * when a stored line of that order with the same product, quantity, unit price and amount is not
 * yet matched by a row of this file (each stored line matches once), else a new line numbered
 * after the order's last. So two exports that split an order between them give it the lines of
 * both, and a second export of the same rows changes nothing. Known limit: a row of a later export
 * that repeats a stored line of its order exactly cannot be told from that line, and is taken for
 * it. A row whose line number its order already has with another product, quantity, unit price or
 * amount is refused (`line_differs`): another sale under the same order id, never taken for a
 * duplicate; unless it is a refund of part of that line, or the sale of a refund stored first
 * (commit-refunds.ts). A row that names an order an earlier import stored for another customer
 * is refused (`order_other_customer`): two sources that share order ids in one channel, not
 * more of that order. So is a row naming another customer than the rows of its order before
 * it in the same file (`order_customers_differ`: Superstore has two orders whose four lines
 * name four customer ids): an order belongs to one customer, and which one is for the person
 * to decide. Rows without a customer, and orders without one, never conflict.
 *
 * Amounts are netted as commit-amounts.ts says. Payments (Olist's payments table) are kept
 * per order in `order_payments` and are never part of the amount: they include freight and
 * instalment interest, and a file of payments changes no spend.
 */
import type SQLite from 'better-sqlite3';
import { DateTime } from 'luxon';
import type { RowError, TargetField } from '../../api/imports';
import { lineAmount } from '../../shared/money';
import { IdentityResolver } from '../identity/resolver';
import { BatchOrders } from './commit-orders';
import { netAmount } from './commit-amounts';
import { StoresAndProducts } from './commit-catalog';
import { hasKey, sameCustomer } from './commit-customer-keys';
import { OrderConflicts } from './order-conflict';
import { RefundRows } from './commit-refund-rows';
import type { DiffersResult } from './commit-refund-rows';
import type { LineValues } from './commit-refunds';
import type { OrderState } from './commit-orders';
import type { CustomerKeys, ImportRecord } from './types';

/** What one record did: something new, nothing new, or why it was refused. */
export type RowResult = 'imported' | 'duplicate' | RowError;

/** Why the last 'duplicate' added nothing: which fact was already there, and since when. */
export type DuplicateCode =
  | 'customer_known'
  | 'order_known'
  | 'order_repeated'
  | 'line_known'
  | 'line_repeated'
  | 'refund_known'
  | 'refund_repeated'
  | 'payment_known';

export interface WriterSetup {
  batchId: number;
  fileName: string;
  channel: string;
  /** Target field → the file's header, so that errors name the column people see. */
  columns: Partial<Record<TargetField, string>>;
  /** Order ids starting with this are cancellation invoices, whatever their lines say. */
  cancelPrefix?: string;
  /** The zone of the stores this import creates. */
  storeTimeZone: string;
  at: number;
}

export class RowWriter {
  readonly identities: IdentityResolver;
  readonly orders: BatchOrders;
  /** The stores and products the rows name (and the stores whose zone they corrected). */
  readonly catalog: StoresAndProducts;
  /** The previous row's customer keys and whom they named: an order's next lines repeat them. */
  private lastKeys: CustomerKeys | null = null;
  private lastCustomer: number | null = null;
  private readonly stmt: ReturnType<typeof prepare>;
  private readonly conflicts: OrderConflicts;
  /** Rows that refund part of a line, or sell a refund stored first. */
  private readonly refunds: RefundRows;
  /** Set with every 'duplicate' result (no object per row): what it matched. */
  duplicateCode: DuplicateCode = 'line_known';
  /** The order's line number a duplicate line matched; null for other rows. */
  duplicateLineNo: number | null = null;
  /** Set with every order line row that reaches its order: an earlier import's order. */
  lineOfEarlierOrder = false;

  constructor(
    raw: SQLite.Database,
    private readonly setup: WriterSetup,
  ) {
    this.stmt = prepare(raw);
    this.catalog = new StoresAndProducts(raw, setup.storeTimeZone);
    this.conflicts = new OrderConflicts(raw);
    this.identities = new IdentityResolver(raw, setup.channel, setup.at, setup.fileName);
    this.orders = new BatchOrders(raw, setup.batchId, setup.cancelPrefix);
    this.refunds = new RefundRows(this.orders, this.conflicts, setup.columns, setup.fileName);
    // A merge moves the orders of the merged customer: the open one must be written first.
    this.identities.beforeMerge = () => this.orders.closeOpen();
  }

  /** Writes one record; never throws for a bad row, returns its error instead. */
  write(r: ImportRecord): RowResult {
    switch (r.rowKind) {
      case 'customer':
        return this.writeCustomer(r);
      case 'payment':
        return this.writePayment(r);
      case 'order':
        return this.writeOrder(r);
      case 'orderLine':
        return this.writeLine(r);
    }
  }

  private writeCustomer(r: ImportRecord): RowResult {
    const before = this.identities.writes;
    this.lastKeys = null;
    const id = this.identities.resolve(r.customer, r.line);
    if (id === null) {
      return this.error(
        r,
        'customerPlatformId',
        null,
        'customer_no_key',
        'The row names no member id, phone, e-mail or platform id, so it cannot be a customer.',
      );
    }
    if (this.identities.writes > before) return 'imported';
    return this.duplicate('customer_known', null);
  }

  private writeOrder(r: ImportRecord): RowResult {
    if (!r.orderId) return this.noOrderId(r);
    const known = this.orders.find(r.channel, r.orderId);
    if (!known && r.orderedAt === undefined) return this.noTime(r);
    if (known && this.namesOther(r, known)) return this.otherCustomer(r, known);
    const customerId = this.customerOf(r);
    if (known && !this.orders.ownedBy(known, customerId)) return this.otherCustomer(r, known);
    if (known) {
      if (r.store) this.catalog.see(r.store);
      return this.duplicate(known.isNew ? 'order_repeated' : 'order_known', null);
    }

    const amount = netAmount(r.orderAmountFen ?? 0, r);
    this.orders.create(r.channel, r.orderId, this.orderFacts(r, customerId), amount, true);
    return 'imported';
  }

  private writeLine(r: ImportRecord): RowResult {
    if (!r.orderId) return this.noOrderId(r);
    const gross =
      r.lineAmountFen ??
      (r.unitPriceFen !== undefined ? lineAmount(r.unitPriceFen, r.quantity ?? 1) : undefined);
    if (gross === undefined) {
      return this.error(
        r,
        'lineAmount',
        null,
        'line_no_amount',
        'The line has no amount: map a line amount, or a unit price (and quantity).',
      );
    }

    let order = this.orders.find(r.channel, r.orderId);
    if (!order && r.orderedAt === undefined) {
      return this.error(
        r,
        'orderId',
        r.orderId,
        'order_unknown',
        `Order ${r.orderId} is neither in the database nor earlier in this file, and the ` +
          `row has no order time to create it: import the orders file first.`,
      );
    }
    if (order && this.namesOther(r, order)) return this.otherCustomer(r, order);
    const customerId = this.customerOf(r);
    if (order && !this.orders.ownedBy(order, customerId)) return this.otherCustomer(r, order);
    if (order && customerId !== null) this.orders.adopt(order, customerId);
    if (order && r.store) this.catalog.see(r.store);
    if (!order) {
      order = this.orders.create(r.channel, r.orderId, this.orderFacts(r, customerId), 0, false);
    }
    this.lineOfEarlierOrder = !order.isNew;

    let lineNo = r.lineNo ?? order.rowsInFile + 1;
    order.rowsInFile += 1;
    const quantity = r.quantity ?? 1;
    const amount = netAmount(gross, r);
    const unit = r.unitPriceFen ?? (quantity !== 0 ? Math.round(gross / quantity) : 0);
    const productId = r.product ? this.catalog.productId(r.product) : null;
    if (r.lineNo === undefined && !order.isNew) {
      // An order from an earlier export: its line is known by content, not by position.
      const matched = this.orders.stored.match(order, productId, quantity, unit, amount);
      if (matched !== null) {
        // A negative row matching a stored negative line is that refund line again.
        if (amount >= 0 && this.orders.restatus(order, r.kind)) return 'imported';
        return this.duplicate('line_known', matched);
      }
      lineNo = this.orders.stored.takeLineNo(order);
    }
    const result = this.orders.writeLine(order, lineNo, productId, quantity, unit, amount, r.kind);
    if (result === 'imported') return result;
    const row = [productId, quantity, unit, amount] as const;
    if (result === 'differs') return this.lineDiffers(r, order, lineNo, row, customerId);
    // The line again with a cancelled or refunded status, or with its numbers negated: the
    // order is undone (in this file or a later one alike); a refund line again is not.
    const undoes = amount >= 0 || this.orders.negated;
    if (undoes && this.orders.undoable(order, r.kind)) {
      // The whole line back, on top of refunds of part of it, would be more than it sold.
      const sold = amount >= 0 ? row : this.orders.differing;
      const done = this.refunds.undoLine(r, order, lineNo, sold);
      if (done !== null) return this.refunded(done, lineNo);
      this.orders.restatus(order, r.kind);
      return 'imported';
    }
    return this.duplicate(result === 'known' ? 'line_known' : 'line_repeated', lineNo);
  }

  /**
   * A row whose line number its order holds with other numbers: a refund of part of that
   * line, or the sale of a refund stored first (commit-refund-rows.ts); otherwise refused.
   */
  private lineDiffers(
    r: ImportRecord,
    order: OrderState,
    n: number,
    row: LineValues,
    customerId: number | null,
  ): RowResult {
    const factsOf = (owner: number | null) => this.orderFacts(r, owner);
    return this.refunded(this.refunds.differs(r, order, n, row, factsOf, customerId), n);
  }

  /** What a row that refunds a line, or sells a refund stored first, did (line `n`). */
  private refunded(done: DiffersResult, n: number): RowResult {
    if (typeof done === 'object') return done;
    if (done === 'refund_known' || done === 'refund_repeated') return this.duplicate(done, n);
    if (done !== 'line') this.lineOfEarlierOrder = done === 'refundToEarlier';
    return 'imported';
  }

  private writePayment(r: ImportRecord): RowResult {
    if (!r.orderId) return this.noOrderId(r);
    if (r.paymentFen === undefined) {
      return this.error(
        r,
        'paymentAmount',
        null,
        'payment_no_amount',
        'The payment has no amount.',
      );
    }
    const order = this.orders.find(r.channel, r.orderId);
    this.orders.closeOpen();
    if (!order) {
      return this.error(
        r,
        'orderId',
        r.orderId,
        'order_unknown',
        `Payment for order ${r.orderId}, which is not in the database: import the orders first.`,
      );
    }
    const seq = r.lineNo ?? 1;
    const res = this.stmt.insertPayment.run(order.id, seq, r.paymentFen, this.setup.batchId);
    return res.changes > 0 ? 'imported' : this.duplicate('payment_known', seq);
  }

  private duplicate(code: DuplicateCode, lineNo: number | null): 'duplicate' {
    this.duplicateCode = code;
    this.duplicateLineNo = lineNo;
    return 'duplicate';
  }

  /**
   * The row's customer. Keys and profile equal to the previous row's name the same
   * customer again: resolving them again would find every key cached for that
   * customer and write nothing, so the resolver is skipped.
   */
  private customerOf(r: ImportRecord): number | null {
    const keys = r.customer;
    if (this.lastKeys !== null && sameCustomer(keys, this.lastKeys)) return this.lastCustomer;
    const id = this.identities.resolve(keys, r.line);
    this.lastKeys = keys;
    this.lastCustomer = id;
    return id;
  }

  private orderFacts(r: ImportRecord, customerId: number | null) {
    const orderedAt = r.orderedAt ?? 0;
    return {
      storeId: r.store ? this.catalog.storeId(r.store) : null,
      customerId,
      kind: r.kind,
      orderedAt,
      businessDay: r.businessDay ?? shanghaiDay(orderedAt),
      currency: r.currency,
    };
  }

  /**
   * Whether the row names another customer than its order's, told before the row's keys
   * are resolved: a refused row must create, key or merge no customer. A row whose keys
   * include one of the owner's is the owner (resolving it may merge others into them).
   */
  private namesOther(r: ImportRecord, order: OrderState): boolean {
    if (order.customerId === null || !hasKey(r.customer)) return false;
    if (this.identities.names(r.customer, order.customerId)) return false;
    const owner = this.orders.ownerNow(order);
    return owner !== null && !this.identities.names(r.customer, owner);
  }

  /**
   * A row that names an order an earlier import stored for someone else: most likely two
   * sources that use the same order ids in one channel, not more of that order.
   */
  private otherCustomer(r: ImportRecord, order: OrderState): RowError {
    return this.conflicts.refuse(r, order, this.setup.columns.orderId ?? null);
  }

  private noOrderId(r: ImportRecord): RowError {
    return this.error(r, 'orderId', null, 'order_no_id', 'The row has no order id.');
  }

  private noTime(r: ImportRecord): RowError {
    return this.error(r, 'orderedAt', null, 'order_no_time', 'The order has no order time.');
  }

  private error(
    r: ImportRecord,
    field: TargetField,
    value: string | null,
    code: string,
    reason: string,
  ): RowError {
    return { line: r.line, column: this.setup.columns[field] ?? null, value, code, reason };
  }
}

/** Fallback when a reader gave no business day: the day in the default store zone. */
function shanghaiDay(at: number): string {
  return DateTime.fromMillis(at, { zone: 'Asia/Shanghai' }).toISODate() ?? '1970-01-01';
}

function prepare(raw: SQLite.Database) {
  return {
    insertPayment: raw.prepare(
      `INSERT INTO order_payments (order_id, seq, amount_fen, batch_id) VALUES (?, ?, ?, ?)
       ON CONFLICT (order_id, seq) DO NOTHING`,
    ),
  };
}
