import type SQLite from 'better-sqlite3';
import type { OrderKind } from '../../db/schema';

/**
 * Refunds of part of a line, and sales that come after their refund.
 *
 * The model. A sale order keeps its lines as sold. A till that refunds part of a line
 * writes the receipt again with that line's number and a negative quantity (-1 of a line
 * sold as 3). Such a row becomes a line of the sale's own return order: an order of kind
 * 'return' in the same channel, keyed by the sale's key and `refundKeySuffix`, made by the
 * first partial refund of the sale and holding every later one. Each of its lines names the
 * sale's line it takes back (`order_lines.refund_of`). So the sale stays a purchase at its
 * full amount, the return takes the refunded amount off spend and is no purchase (metrics
 * count orders by kind), the import counts it as a return and the customer's orders list
 * both. A refund row the return already holds (same line, product, quantity, unit price and
 * amount) is that refund again; the refunds of a line never come to more than it sold.
 * Known limit: two refunds of one line with exactly the same numbers are taken for one.
 * Two refunds of one line before its sale are refused (`refund_before_sale`): they can be
 * told apart, and kept within what it sold, only against the sale.
 *
 * A refund stored first (its file imported before the sale's) sits under the sale's line
 * number with negative numbers. When the sale's own row comes, it takes its line number
 * back: a refund of the whole line leaves the sale restatused (as a whole-line refund after
 * its sale does), a refund of part moves to the return order; the order's time becomes the
 * sale's (the earlier). Either order of the files ends the same. So does a refund stored
 * first that takes back more than the sale sold, or part of a line of a sale a whole-line
 * refund undid: when the sale comes it keeps its line and the refund is refused, as it is
 * after its sale. The refund leaves the facts (the sale's numbers replace it) and the import
 * that stored it counts it rejected, its rejected rows naming it (at line 0: the line in that
 * file is not kept). When the refund and its sale come in one file, the sale row is refused.
 * A whole line's refund of a sale whose return order holds refunds of its other lines joins
 * them (the sale stays a purchase) rather than undoing the sale: undone, it would leave
 * those refunds below nothing. Known limit: which came first then decides the end state.
 */
export const refundKeySuffix = '↩ ';

/**
 * The key of the return order of the sale keyed `saleKey`. It ends with a space, which no
 * order id read from a file can (cells are trimmed), so it never meets a file's order.
 */
export function refundKey(saleKey: string): string {
  return saleKey + refundKeySuffix;
}

/** A line's product id, quantity, unit price and amount, as BatchOrders compares them. */
export type LineValues = readonly (number | null)[];

/**
 * Whether a row (`row`) refunds part of the sold line kept under its line number (`kept`):
 * a return with the same product and unit price, negative quantity, and an amount below
 * zero (zero for a free gift's line). All of the line is a whole-line refund (sameLine);
 * more than the line sold is still a refund of it, which `withinSold` then refuses.
 */
export function refundsPart(kept: LineValues, row: LineValues, kind: OrderKind): boolean {
  if (kind !== 'return' || row[0] !== kept[0] || !isSold(kept) || !isRefund(row)) return false;
  return Math.abs(row[2] ?? 0) === Math.abs(kept[2] ?? 0);
}

/**
 * Whether a returned row (`row`) is a second refund of part of a line whose first refund
 * (`kept`) was stored before its sale: the same product and unit price, both negative.
 */
export function refundsRefund(kept: LineValues, row: LineValues, kind: OrderKind): boolean {
  if (kind !== 'return' || row[0] !== kept[0] || !isRefund(kept) || !isRefund(row)) return false;
  return Math.abs(row[2] ?? 0) === Math.abs(kept[2] ?? 0);
}

/**
 * Whether a sale row (`row`) is the sale of the refund stored first under its line number
 * (`kept`): 'whole' when the refund wrote the line's very numbers negated, 'part' when it
 * took back less, 'over' when it took back more than the sale sold (the same product and
 * unit price), false when the two are not one line.
 */
export function sellsRefunded(
  kept: LineValues,
  row: LineValues,
  kind: OrderKind,
): 'whole' | 'part' | 'over' | false {
  if (kind !== 'sale' || row[0] !== kept[0] || !isSold(row) || !isRefund(kept)) return false;
  if (Math.abs(kept[2] ?? 0) !== Math.abs(row[2] ?? 0)) return false;
  if (!takesPart(kept, row)) return 'over';
  const whole = kept.every((v, i) => i === 0 || Math.abs(v ?? 0) === Math.abs(row[i] ?? 0));
  return whole ? 'whole' : 'part';
}

/** What the refunds of one sold line come to: quantity and amount, both positive. */
export interface Refunded {
  quantity: number;
  amount: number;
}

/** The statements of refunds, prepared once and run only for rows that undo or conflict. */
export class RefundLines {
  private readonly ofLine: SQLite.Statement<[number, number], (number | null)[]>;
  private readonly nextNo: SQLite.Statement<[number], number>;
  private readonly insert: SQLite.Statement<unknown[]>;
  private readonly replace: SQLite.Statement<unknown[]>;
  private readonly earlier: SQLite.Statement<unknown[]>;
  private readonly copyOrder: SQLite.Statement<unknown[]>;
  private readonly refusedLater: SQLite.Statement<unknown[]>;

  constructor(raw: SQLite.Database) {
    this.ofLine = raw
      .prepare<[number, number], (number | null)[]>(
        `SELECT product_id, quantity, unit_price_fen, amount_fen FROM order_lines
         WHERE order_id = ? AND refund_of = ?`,
      )
      .raw(true);
    this.nextNo = raw
      .prepare<[number], number>(
        'SELECT coalesce(max(line_no), 0) + 1 FROM order_lines WHERE order_id = ?',
      )
      .pluck();
    this.insert = raw.prepare(
      `INSERT INTO order_lines (order_id, line_no, product_id, quantity, unit_price_fen,
        amount_fen, refund_of) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    this.replace = raw.prepare(
      `UPDATE order_lines SET product_id = ?, quantity = ?, unit_price_fen = ?, amount_fen = ?
       WHERE order_id = ? AND line_no = ?`,
    );
    this.earlier = raw.prepare(
      'UPDATE orders SET ordered_at = ?, business_day = ? WHERE id = ? AND ordered_at > ?',
    );
    this.copyOrder = raw.prepare(
      `INSERT INTO orders (channel, external_id, store_id, customer_id, kind, ordered_at,
        business_day, amount_fen, currency, batch_id)
       SELECT channel, ?, store_id, customer_id, 'return', ordered_at, business_day, 0,
        currency, ? FROM orders WHERE id = ?`,
    );
    this.refusedLater = raw.prepare(
      `UPDATE import_batches SET rows_imported = rows_imported - 1,
         rows_rejected = rows_rejected + 1,
         rejected_json = json_insert(rejected_json, '$[#]', json(?))
       WHERE id = (SELECT batch_id FROM orders WHERE id = ?) AND rows_imported > 0`,
    );
  }

  /**
   * Records on the import that made the order `orderId` (the refund's file, imported before
   * its sale) that one of its rows, a refund, is refused now (`refusal`): the sale showed it
   * takes back more than was sold. That import counts it rejected, no longer imported.
   */
  refuseLater(orderId: number, refusal: object): void {
    this.refusedLater.run(JSON.stringify(refusal), orderId);
  }

  /** The refunds a return order holds of the sale's line `lineNo`. */
  of(returnId: number, lineNo: number): (number | null)[][] {
    return this.ofLine.all(returnId, lineNo);
  }

  /** Adds a refund of the sale's line `lineNo` to its return order, numbered after its last. */
  add(returnId: number, lineNo: number, refund: LineValues): void {
    const at = this.nextNo.get(returnId) ?? 1;
    this.insert.run(returnId, at, refund[0], refund[1], refund[2], refund[3], lineNo);
  }

  /** Writes the sale's numbers over the refund stored first under its line number. */
  replaceLine(orderId: number, lineNo: number, row: LineValues): void {
    this.replace.run(row[0], row[1], row[2], row[3], orderId, lineNo);
  }

  /** Gives the order the sale's time when it is earlier than the refund's it was made with. */
  takeEarlierTime(orderId: number, orderedAt: number, businessDay: string): void {
    this.earlier.run(orderedAt, businessDay, orderId, orderedAt);
  }

  /** A return order made from the stored order `saleId` (its store, customer and time). */
  returnFrom(saleId: number, key: string, batchId: number): number {
    return Number(this.copyOrder.run(key, batchId, saleId).lastInsertRowid);
  }
}

/**
 * Quantities are summed and compared in millionths, as integers: weighed goods (0.1 kg then
 * 0.2 kg back of 0.3 kg) must not drift past what was sold (0.1 + 0.2 is 0.30000000000000004).
 */
const QUANTITY_STEPS = 1_000_000;

function steps(quantity: number | null | undefined): number {
  return Math.round(Math.abs(quantity ?? 0) * QUANTITY_STEPS);
}

/** What the refunds of a line come to, with one more (the quantity rounded to millionths). */
export function refundedWith(done: readonly LineValues[], more: LineValues): Refunded {
  let quantity = steps(more[1]);
  let amount = Math.abs(more[3] ?? 0);
  for (const line of done) {
    quantity += steps(line[1]);
    amount += Math.abs(line[3] ?? 0);
  }
  return { quantity: quantity / QUANTITY_STEPS, amount };
}

/** The refund of the whole sold line `sold`: its quantity and amount negated. */
export function wholeRefund(sold: LineValues): LineValues {
  return [sold[0] ?? null, -Math.abs(sold[1] ?? 0), sold[2] ?? null, -Math.abs(sold[3] ?? 0)];
}

/** Whether refunds that come to `refunded` stay within the sold line `sold`. */
export function withinSold(refunded: Refunded, sold: LineValues): boolean {
  return steps(refunded.quantity) <= steps(sold[1]) && refunded.amount <= (sold[3] ?? 0);
}

/** Whether `refund` is one of `done` (the same product, quantity, unit price and amount). */
export function isKnownRefund(done: readonly LineValues[], refund: LineValues): boolean {
  return done.some((line) => line.every((v, i) => v === refund[i]));
}

/** A sold line: a positive quantity, for money or free (a gift's line of ¥0.00). */
function isSold(line: LineValues): boolean {
  return (line[1] ?? 0) > 0 && (line[3] ?? 0) >= 0;
}

/** A refund line: a negative quantity, money back or none (a free gift given back). */
function isRefund(line: LineValues): boolean {
  return (line[1] ?? 0) < 0 && (line[3] ?? 0) <= 0;
}

/** The refund takes back at most the sold line's quantity and amount, at its unit price. */
function takesPart(refund: LineValues, sold: LineValues): boolean {
  if (Math.abs(refund[2] ?? 0) !== Math.abs(sold[2] ?? 0)) return false;
  return steps(refund[1]) <= steps(sold[1]) && -(refund[3] ?? 0) <= (sold[3] ?? 0);
}
