import { sql } from 'kysely';
import type { Kysely } from 'kysely';

/**
 * Whether a store's zone is known (`time_zone_unknown` 0) or may be the default an older
 * version gave every store (1). Stores made from now on take their zone from the import
 * that makes them, on purpose: known. A store existing when this runs at the default zone,
 * Asia/Shanghai, may have been made before stores kept their preset's zone, so an import
 * in another zone may still correct it, once; one in any other zone was set on purpose.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('stores')
    .addColumn('time_zone_unknown', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`time_zone_unknown IN (0, 1)`),
    )
    .execute();
  await sql`UPDATE stores SET time_zone_unknown = 1 WHERE time_zone = 'Asia/Shanghai'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('stores').dropColumn('time_zone_unknown').execute();
}
