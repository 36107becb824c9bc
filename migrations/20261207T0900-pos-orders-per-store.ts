import { sql } from 'kysely';
import type { Kysely } from 'kysely';

/**
 * A till's receipt numbers restart per store, so the store POS preset now knows an order
 * by its receipt number and its store code together (`000123@S01`, the code's `%` and `@`
 * escaped as core/crm/import/order-key.ts does; before, store B's
 * receipt 000123 was taken for store A's). The orders earlier imports made through that
 * preset, and the demo chain's till orders (which its POS export reads back as), get the
 * same form, so that importing their files again finds them instead of making each order
 * twice. Orders of other sources (saved mappings keep their own keying) and orders
 * without a store are left as they are.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`UPDATE orders
    SET external_id = external_id || '@' || (SELECT replace(replace(s.code, '%', '%25'), '@', '%40')
      FROM stores s WHERE s.id = orders.store_id)
    WHERE channel = 'pos' AND store_id IS NOT NULL
      AND batch_id IN (SELECT b.id FROM import_batches b WHERE b.source IN ('pos-standard', 'demo'))
      AND NOT EXISTS (SELECT 1 FROM orders o JOIN stores s ON s.id = orders.store_id
        WHERE o.channel = orders.channel AND o.external_id = orders.external_id || '@' ||
          replace(replace(s.code, '%', '%25'), '@', '%40'))
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`UPDATE orders
    SET external_id = substr(external_id, 1, length(external_id) - length(
      (SELECT replace(replace(s.code, '%', '%25'), '@', '%40') FROM stores s
        WHERE s.id = orders.store_id)) - 1)
    WHERE channel = 'pos' AND store_id IS NOT NULL
      AND batch_id IN (SELECT b.id FROM import_batches b WHERE b.source IN ('pos-standard', 'demo'))
      AND substr(external_id, -length((SELECT replace(replace(s.code, '%', '%25'), '@', '%40')
        FROM stores s WHERE s.id = orders.store_id)) - 1) = '@' ||
        (SELECT replace(replace(s.code, '%', '%25'), '@', '%40') FROM stores s
          WHERE s.id = orders.store_id)
  `.execute(db);
}
