import { CoreError } from '../shared/errors';
import type { Q } from './repo';

/** A store as a planner picks it for a project's scope or a task: its code, name and region. */
export interface StoreChoice {
  id: number;
  code: string;
  name: string;
  region: string | null;
  city: string | null;
}

/** Every store the database knows, by code: what the scope picker offers. */
export async function listStores(q: Q): Promise<StoreChoice[]> {
  return q
    .selectFrom('stores')
    .select(['id', 'code', 'name', 'region', 'city'])
    .orderBy('code')
    .orderBy('id')
    .execute();
}

/**
 * Refuses store ids the database does not have, naming each one and where it was given
 * (`scope.storeIds`, `links.storeIds`): a scope is never saved with a store dropped or
 * unknown. The next step is to pick stores from the list the console offers.
 */
export async function checkStoreIds(q: Q, ids: readonly number[], where: string): Promise<void> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return;
  const found = new Set<number>();
  // Chunks keep each statement well inside SQLite's limit on bound parameters.
  for (let i = 0; i < wanted.length; i += 500) {
    const rows = await q
      .selectFrom('stores')
      .select('id')
      .where('id', 'in', wanted.slice(i, i + 500))
      .execute();
    for (const r of rows) found.add(r.id);
  }
  const unknown = wanted.filter((id) => !found.has(id));
  if (unknown.length === 0) return;

  const named = unknown.map((id) => `#${id}`).join(', ');
  throw new CoreError(
    'planning.unknown_store',
    `${where}: no store ${named} in this database; nothing was saved. ` +
      'Pick stores from the list of stores (stores.list).',
    { where, storeIds: unknown, stores: named },
  );
}
