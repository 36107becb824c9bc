import type { StoreChoice } from '../../../../core/api/planning';

/** "SH02 静安店": how a store is named wherever a scope is picked or shown. */
export function storeLabel(store: Pick<StoreChoice, 'code' | 'name'>): string {
  return store.name && store.name !== store.code ? `${store.code} ${store.name}` : store.code;
}

/** Whether a store's code or name holds the typed text, in any case. */
export function storeMatches(store: Pick<StoreChoice, 'code' | 'name'>, text: string): boolean {
  const wanted = text.trim().toLowerCase();
  return (
    wanted === '' ||
    store.code.toLowerCase().includes(wanted) ||
    store.name.toLowerCase().includes(wanted)
  );
}
