import type { Kysely } from 'kysely';

/**
 * A merge an import makes records why in parts (`reason_json`: the two keys, the file and
 * its line), so that the console can say it in the person's language; `reason` keeps the
 * English sentence for logs and for merges recorded before. Null for merges by hand,
 * whose reason is the person's own words.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('customer_merges').addColumn('reason_json', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('customer_merges').dropColumn('reason_json').execute();
}
