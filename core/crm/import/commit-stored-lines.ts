import type SQLite from 'better-sqlite3';
import { KNOWN_VALUES, kindBits } from './commit-kinds';
import type { KnownLines, OrderState } from './commit-kinds';

/**
 * The lines an earlier import stored for an order, for rows of a later export that come
 * without a line number: such a row is known by its content (product, quantity, unit price,
 * amount), not by its place in the file. Each order's stored lines are read once.
 */
export class StoredLines {
  private readonly storedLines: SQLite.Statement<[number], (number | null)[]>;

  constructor(raw: SQLite.Database) {
    this.storedLines = raw
      .prepare<[number], (number | null)[]>(
        `SELECT line_no, product_id, quantity, unit_price_fen, amount_fen FROM order_lines
         WHERE order_id = ? ORDER BY line_no`,
      )
      .raw(true);
  }

  /**
   * The number of a stored line of the order with the same product, quantity, unit price
   * and amount that no row of this file matched yet (it is matched now), or null when the
   * line is new.
   */
  match(
    order: OrderState,
    productId: number | null,
    quantity: number,
    unit: number,
    amount: number,
  ): number | null {
    const v = this.of(order).values;
    for (let i = 0; i < v.length; i += KNOWN_VALUES) {
      if (v[i + 5] !== 0 || v[i + 1] !== productId || v[i + 2] !== quantity) continue;
      if (v[i + 3] !== unit || v[i + 4] !== amount) continue;
      v[i + 5] = 1;
      return v[i] as number;
    }
    return null;
  }

  /** The next free line number of the order; the caller takes it. */
  takeLineNo(order: OrderState): number {
    const known = this.of(order);
    const lineNo = known.nextLineNo;
    known.nextLineNo += 1;
    return lineNo;
  }

  /**
   * The stored lines of an order found in the database, read once. An order that had
   * lines got its kind from them (an order row's status makes an order without lines),
   * so its kind is settled again from that kind and the kinds of the lines it gains,
   * as if the lines had all come in one file.
   */
  private of(order: OrderState): KnownLines {
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
}
