import type { Kysely } from 'kysely';

/**
 * The day a done task was actually finished ('YYYY-MM-DD' in the project's zone), kept as
 * it happened: a task started and finished on a Saturday shows that Saturday, whatever
 * the working calendar says. NULL for a task not done, and for one finished before this
 * column existed (its finish is then worked out from its start and duration as before).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('planning_tasks').addColumn('finish_day', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('planning_tasks').dropColumn('finish_day').execute();
}
