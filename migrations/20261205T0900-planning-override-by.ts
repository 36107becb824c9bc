import type { Kysely } from 'kysely';

/**
 * Who overrode a freeze: the console has no sign-in, so the name the person gives in
 * the override dialog is kept beside the reason. Older overrides have none (null).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('planning_overrides').addColumn('by_name', 'text').execute();
}
