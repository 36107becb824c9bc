import type SQLite from 'better-sqlite3';
import type { OrderKind } from '../../db/schema';

/** Writes a new order; `bench/commit-sql.ts` replays imports with the same statement. */
export const insertOrderSql = `INSERT INTO orders (channel, external_id, store_id, customer_id,
  kind, ordered_at, business_day, amount_fen, currency, batch_id)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/** Writes a line of an order, unless the order has that line number already. */
export const insertLineSql = `INSERT INTO order_lines (order_id, line_no, product_id, quantity,
  unit_price_fen, amount_fen) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (order_id, line_no) DO NOTHING`;

/** The statements with which an import finds, writes and settles orders, prepared once. */
export function prepareOrderStatements(raw: SQLite.Database) {
  return {
    select: raw.prepare<
      [string, string],
      { id: number; kind: OrderKind; amount_fen: number; customer_id: number | null }
    >(`SELECT id, kind, amount_fen, customer_id FROM orders WHERE channel = ? AND external_id = ?`),
    insert: raw.prepare(insertOrderSql),
    insertLine: raw.prepare(insertLineSql),
    anyOfChannel: raw.prepare<[string]>('SELECT 1 FROM orders WHERE channel = ? LIMIT 1'),
    customerOfOrder: raw
      .prepare<[number], number | null>('SELECT customer_id FROM orders WHERE id = ?')
      .pluck(),
    update: raw.prepare('UPDATE orders SET kind = ?, amount_fen = ? WHERE id = ?'),
    setCustomer: raw.prepare<[number, number]>(
      'UPDATE orders SET customer_id = ? WHERE id = ? AND customer_id IS NULL',
    ),
    /** A stored line's product, quantity, unit price and amount (when its number is taken). */
    lineAt: raw
      .prepare<[number, number], (number | null)[]>(
        `SELECT product_id, quantity, unit_price_fen, amount_fen FROM order_lines
         WHERE order_id = ? AND line_no = ?`,
      )
      .raw(true),
    sumLines: raw.prepare<[number], { total: number | null; n: number }>(
      'SELECT sum(amount_fen) AS total, count(*) AS n FROM order_lines WHERE order_id = ?',
    ),
  };
}
