import { sql } from 'kysely';
import type { Kysely } from 'kysely';

/**
 * Order lines are stored by their order: the table's key is (order, line number), with no
 * row id of its own (`WITHOUT ROWID`). A line is then one entry in one tree instead of a
 * table row plus two index entries (the unique (order, line number) index and the covering
 * (order, product, amount) index of the preferred category), so an import writes a line
 * in about a third of the work, and reading an order's lines (the customer page, the
 * category preference) still finds them side by side. Nothing referred to a line's id.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('order_lines_by_order')
    .addColumn('order_id', 'integer', (c) => c.notNull().references('orders.id'))
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('product_id', 'integer', (c) => c.references('products.id'))
    .addColumn('quantity', 'real', (c) => c.notNull())
    .addColumn('unit_price_fen', 'integer', (c) => c.notNull())
    .addColumn('amount_fen', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('order_lines_key', ['order_id', 'line_no'])
    .modifyEnd(sql`WITHOUT ROWID`)
    .execute();
  await sql`INSERT INTO order_lines_by_order
      (order_id, line_no, product_id, quantity, unit_price_fen, amount_fen)
    SELECT order_id, line_no, product_id, quantity, unit_price_fen, amount_fen
    FROM order_lines ORDER BY order_id, line_no`.execute(db);
  await db.schema.dropTable('order_lines').execute();
  await db.schema.alterTable('order_lines_by_order').renameTo('order_lines').execute();
}
