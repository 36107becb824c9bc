import type SQLite from 'better-sqlite3';
import type { RowError, TargetField } from '../../api/imports';
import type { IdentityKind } from '../../db/schema';
import { formatAmount } from '../../shared/money';
import { describeKey, keysOf, shownKeyValue } from '../identity/keys';
import type { OrderState } from './commit-orders';
import type { ImportRecord } from './types';

/** A customer as a person finds them in the files: a key, phones masked. */
interface ShownKey {
  kind: IdentityKind | 'customer_id';
  value: string;
}

/**
 * The refusals of rows that conflict with what their order already holds. First, a row
 * that names another customer than its order's: the order was stored
 * by an earlier import (`order_other_customer`), or begun by an earlier row of the same file
 * (`order_customers_differ`). Both customers are named by a key the files show (the
 * strongest key of the row; the order's customer's first key), never by an internal id, so
 * that the person can find the rows; `details` carries them for the console's sentence.
 */
export class OrderConflicts {
  private readonly firstKey: SQLite.Statement<[number], { kind: IdentityKind; value: string }>;

  private readonly skuOf: SQLite.Statement<[number], string>;

  constructor(raw: SQLite.Database) {
    this.skuOf = raw.prepare<[number], string>('SELECT sku FROM products WHERE id = ?').pluck();
    this.firstKey = raw.prepare(
      `SELECT kind, value FROM customer_identities
       WHERE customer_id = ? AND kind <> 'masked_phone' ORDER BY id LIMIT 1`,
    );
  }

  refuse(r: ImportRecord, order: OrderState, column: string | null): RowError {
    const orderKey = this.keyOfCustomer(order.customerId);
    const masked = r.customer.maskedPhone;
    const rowKey: ShownKey =
      keysOf(r.customer)[0] ??
      (masked ? { kind: 'masked_phone', value: masked } : { kind: 'customer_id', value: '?' });
    const details = {
      orderKeyKind: orderKey.kind,
      orderKey: shownValue(orderKey),
      rowKeyKind: rowKey.kind,
      rowKey: shownValue(rowKey),
    };
    const named = `the customer with ${describe(orderKey)}`;
    if (order.isNew) {
      return refusal(
        'order_customers_differ',
        r,
        column,
        `Order ${r.orderId} was begun by an earlier row of this file for ${named}, and this ` +
          `row names ${describe(rowKey)}: an order belongs to one customer. Check the ` +
          `customer of this order's rows in the file.`,
        details,
      );
    }
    return refusal(
      'order_other_customer',
      r,
      column,
      `Order ${r.orderId} is already stored for ${named} by an earlier import, and this ` +
        `row names ${describe(rowKey)}. Two sources may use the same order ids in one ` +
        `channel: check the file, or import it under a channel of its own.`,
      details,
    );
  }

  /**
   * The refusal of a row whose line number its order already has with another product,
   * quantity, unit price or amount (`kept`, as `row`: product id, quantity, unit price,
   * amount): two sales under one order id (receipt numbers that restart per store or per
   * day, or two sources in one channel), which must not be taken for a repeated line.
   */
  refuseLine(
    r: ImportRecord,
    lineNo: number,
    kept: readonly (number | null)[],
    row: readonly (number | null)[],
    columns: Partial<Record<TargetField, string>>,
  ): RowError {
    const details = this.twoLines(r, lineNo, kept, row);
    const said = (l: 'kept' | 'row') =>
      `product ${details[`${l}Sku`]}, quantity ${details[`${l}Quantity`]}, ` +
      `amount ${details[`${l}Amount`]}`;
    return refusal(
      'line_differs',
      r,
      columns.lineNo ?? columns.orderId ?? null,
      `Line ${lineNo} of order ${r.orderId} is already there with ${said('kept')}, and ` +
        `this row has ${said('row')}: two sales seem to share the order id (receipt numbers ` +
        `that restart per store or per day, or two sources in one channel). Check the file; ` +
        `receipts numbered per store import apart through the store POS preset (or a ` +
        `mapping made from it); another source can go under a channel of its own.`,
      details,
    );
  }

  /**
   * The refusal of a second refund of part of a line (`row`) whose sale is not imported
   * yet, its first refund (`kept`) stored under the line's number: refunds of one line are
   * told apart, and kept within what it sold, only against the sale.
   */
  refuseRefundBeforeSale(
    r: ImportRecord,
    lineNo: number,
    kept: readonly (number | null)[],
    row: readonly (number | null)[],
    columns: Partial<Record<TargetField, string>>,
  ): RowError {
    const d = this.twoLines(r, lineNo, kept, row);
    return refusal(
      'refund_before_sale',
      r,
      columns.lineNo ?? columns.orderId ?? null,
      `Line ${lineNo} of order ${r.orderId} holds a refund of product ${d.keptSku} ` +
        `(quantity ${d.keptQuantity}, amount ${d.keptAmount}) whose sale is not imported ` +
        `yet, and this row is another refund of it (quantity ${d.rowQuantity}, amount ` +
        `${d.rowAmount}). Import the file with the sale first, then this one again.`,
      d,
    );
  }

  /**
   * Both lines under one line number, for a refusal's details: amounts with their
   * currency's sign as Chinese writes it (¥12.00, £2.95, US$3.00), for both languages.
   */
  private twoLines(
    r: ImportRecord,
    lineNo: number,
    kept: readonly (number | null)[],
    row: readonly (number | null)[],
  ): Record<string, string> {
    const sku = (id: number | null | undefined) =>
      id === null || id === undefined ? '—' : (this.skuOf.get(id) ?? '?');
    return {
      lineNo: String(lineNo),
      keptSku: sku(kept[0]),
      keptQuantity: shownQuantity(kept[1]),
      keptAmount: formatAmount(kept[3] ?? 0, r.currency),
      rowSku: sku(row[0]),
      rowQuantity: shownQuantity(row[1]),
      rowAmount: formatAmount(row[3] ?? 0, r.currency),
    };
  }

  /**
   * The refusal of a refund of line `lineNo` (`sold`: product id, quantity, unit price,
   * amount) that, with the refunds of that line already kept, takes back more than the line
   * sold (`refunded`: their quantity and amount, this row's included).
   */
  refuseRefund(
    r: ImportRecord,
    lineNo: number,
    sold: readonly (number | null)[],
    refunded: { quantity: number; amount: number },
    columns: Partial<Record<TargetField, string>>,
  ): RowError {
    const details = {
      lineNo: String(lineNo),
      soldQuantity: shownQuantity(sold[1]),
      soldAmount: formatAmount(sold[3] ?? 0, r.currency),
      refundedQuantity: shownQuantity(refunded.quantity),
      refundedAmount: formatAmount(refunded.amount, r.currency),
    };
    return refusal(
      'refund_exceeds',
      r,
      columns.quantity ?? columns.lineNo ?? columns.orderId ?? null,
      `Line ${lineNo} of order ${r.orderId} sold quantity ${details.soldQuantity}, amount ` +
        `${details.soldAmount}, and its refunds with this row come to quantity ` +
        `${details.refundedQuantity}, amount ${details.refundedAmount}: more than was sold. ` +
        `Check the file: the refund may belong to another receipt or line, or be written ` +
        `twice with other numbers.`,
      details,
    );
  }

  /**
   * The refusal `refusal` of a sale's row turned into that of the refund an earlier import
   * stored before the sale, for that import's rejected rows: the sale (in `fileName`) is
   * kept; the refund's line in its own file is not known (0).
   */
  refusedLater(refusal: RowError, fileName: string): RowError {
    const d = refusal.details ?? {};
    return {
      ...refusal,
      line: 0,
      column: null,
      reason:
        `Line ${d.lineNo} of order ${refusal.value} sold quantity ${d.soldQuantity}, amount ` +
        `${d.soldAmount} (line ${refusal.line} of ${fileName}, imported later), and the ` +
        `refund of it this file brought before that sale comes to quantity ` +
        `${d.refundedQuantity}, amount ${d.refundedAmount}: more than was sold. The sale is ` +
        `kept and this refund refused (its line in this file is not known). Check the file: ` +
        `the refund may belong to another receipt or line.`,
    };
  }

  private keyOfCustomer(customerId: number | null): ShownKey {
    const found = customerId === null ? undefined : this.firstKey.get(customerId);
    return found ?? { kind: 'customer_id', value: `#${customerId}` };
  }
}

/** A quantity as a person reads it: rounded to millionths, so 0.1 + 0.2 shows as 0.3. */
function shownQuantity(quantity: number | null | undefined): string {
  return quantity === null || quantity === undefined ? '—' : String(Number(quantity.toFixed(6)));
}

function shownValue(key: ShownKey): string {
  return key.kind === 'customer_id' ? key.value : shownKeyValue(key.kind, key.value);
}

function describe(key: ShownKey): string {
  return key.kind === 'customer_id' ? `customer ${key.value}` : describeKey(key.kind, key.value);
}

/** A refused row of an order: its order id is the value, the details fill the sentence. */
function refusal(
  code: string,
  r: ImportRecord,
  column: string | null,
  reason: string,
  details: Record<string, string>,
): RowError {
  return { line: r.line, column, value: r.orderId ?? null, code, reason, details };
}
