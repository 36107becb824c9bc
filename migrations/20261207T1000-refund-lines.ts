import type { Kysely } from 'kysely';

/**
 * A refund of part of a sold line (a till writes the receipt again with quantity -1 of a
 * line sold as 3, under the same line number) is kept as a line of the sale's own return
 * order (see core/crm/import/commit-refunds.ts); `refund_of` names the sale's line number
 * it takes back, so that refunds of one line never come to more than was sold and a
 * refund imported again is known. NULL for every other line.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('order_lines').addColumn('refund_of', 'integer').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('order_lines').dropColumn('refund_of').execute();
}
