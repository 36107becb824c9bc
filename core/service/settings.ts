import type { Db } from '../db/open';

/** Reads one setting stored as JSON; `fallback` when it was never set. */
export async function getSetting<T>(db: Db, key: string, fallback: T): Promise<T> {
  const row = await db.k
    .selectFrom('settings')
    .select('value_json')
    .where('key', '=', key)
    .executeTakeFirst();
  return row ? (JSON.parse(row.value_json) as T) : fallback;
}

export async function putSetting(db: Db, key: string, value: unknown): Promise<void> {
  const value_json = JSON.stringify(value);
  await db.k
    .insertInto('settings')
    .values({ key, value_json })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value_json }))
    .execute();
}
