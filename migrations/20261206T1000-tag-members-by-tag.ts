import { sql } from 'kysely';
import type { Kysely } from 'kysely';

/**
 * Tag members are stored by (tag, customer), with no row id of their own (`WITHOUT
 * ROWID`): a membership is one entry in the table's tree plus one in the index by
 * customer, instead of a table row plus two index entries. A first recompute writes
 * every membership and then reads them back in (tag, customer) order for the history;
 * both got cheaper (measured at 0.1 scale: ~7 ms less CPU for 33,685 memberships). Nothing
 * referred to a membership's row id.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('tag_members_by_tag')
    .addColumn('tag_id', 'integer', (c) => c.notNull().references('tags.id'))
    .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
    .addColumn('since', 'integer', (c) => c.notNull())
    .addColumn('tag_version', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('tag_members_pk', ['tag_id', 'customer_id'])
    .modifyEnd(sql`WITHOUT ROWID`)
    .execute();
  await sql`INSERT INTO tag_members_by_tag (tag_id, customer_id, since, tag_version)
    SELECT tag_id, customer_id, since, tag_version FROM tag_members
    ORDER BY tag_id, customer_id`.execute(db);
  await db.schema.dropTable('tag_members').execute();
  await db.schema.alterTable('tag_members_by_tag').renameTo('tag_members').execute();
  await db.schema
    .createIndex('tag_members_customer')
    .on('tag_members')
    .column('customer_id')
    .execute();
}
