import type SQLite from 'better-sqlite3';
import type { StoreZoneChange } from '../../api/imports';
import { defaultStoreTimeZone } from './mapping';
import type { ImportRecord } from './types';

/**
 * The stores and products an import names, found by code or SKU or created, each looked
 * up once per import. A name, region or category the file gives replaces the stored one;
 * a missing one keeps it.
 */
export class StoresAndProducts {
  private readonly stores = new Map<string, number>();
  private readonly products = new Map<string, number>();
  /** Stores named only by rows of stored orders, whose zone was looked at. */
  private readonly seen = new Set<string>();
  private readonly stmt: ReturnType<typeof prepare>;
  /** Stores this import moved from the default zone to its own, in the order first named. */
  readonly zoneChanges: StoreZoneChange[] = [];

  constructor(
    raw: SQLite.Database,
    /** The zone of the stores this import creates. */
    private readonly storeTimeZone: string,
  ) {
    this.stmt = prepare(raw);
  }

  /** The store's id, created with the import's zone when it is new. */
  storeId(store: NonNullable<ImportRecord['store']>): number {
    const cached = this.stores.get(store.code);
    if (cached !== undefined) return cached;
    const s = this.stmt;
    const found = s.selectStore.get(store.code);
    let id: number;
    if (found) {
      id = found.id;
      if (store.name || store.region)
        s.updateStore.run(store.name ?? null, store.region ?? null, id);
      this.correctZone(store.code, found);
    } else {
      const name = store.name ?? store.code;
      const zone = this.storeTimeZone;
      id = Number(s.insertStore.run(store.code, name, store.region ?? null, zone).lastInsertRowid);
    }
    this.stores.set(store.code, id);
    return id;
  }

  /**
   * A store named by a row of an order already stored (a file imported again): nothing of
   * it changes but its zone, which such a file corrects as well as a new one.
   */
  see(store: NonNullable<ImportRecord['store']>): void {
    if (this.stores.has(store.code) || this.seen.has(store.code)) return;
    this.seen.add(store.code);
    const found = this.stmt.selectStore.get(store.code);
    if (found) this.correctZone(store.code, found);
  }

  /**
   * Stores take their zone from the imports that name them (nothing else sets it). One an
   * older version made at the default zone, before stores kept their preset's zone, is
   * marked as of unknown zone (migration 20261206T1300): the first import in another zone
   * that names it corrects it, and its zone is known from then on. A store made since, at
   * the default or not, was put there on purpose by its own import and is never moved.
   */
  private correctZone(code: string, found: StoreFound): void {
    const zone = this.storeTimeZone;
    if (found.time_zone_unknown !== 1 || found.time_zone !== defaultStoreTimeZone) return;
    if (zone === defaultStoreTimeZone) return;
    this.stmt.storeZone.run(zone, found.id);
    this.zoneChanges.push({ store: code, from: found.time_zone, to: zone });
  }

  /** The product's id, created when it is new. */
  productId(product: NonNullable<ImportRecord['product']>): number {
    const cached = this.products.get(product.sku);
    if (cached !== undefined) return cached;
    const s = this.stmt;
    const found = s.selectProduct.get(product.sku);
    let id: number;
    if (found) {
      id = found.id;
      if (product.name || product.category) {
        s.updateProduct.run(product.name ?? null, product.category ?? null, id);
      }
    } else {
      const res = s.insertProduct.run(product.sku, product.name ?? null, product.category ?? null);
      id = Number(res.lastInsertRowid);
    }
    this.products.set(product.sku, id);
    return id;
  }
}

/**
 * Keeps the zone corrections of an import whose facts were rolled back because it added
 * nothing new: they correct the stores, they are no part of a batch. A store whose zone
 * another writer changed in the meantime is left as it is.
 */
export function keepZoneChanges(raw: SQLite.Database, changes: StoreZoneChange[]): void {
  if (changes.length === 0) return;
  const update = raw.prepare(
    'UPDATE stores SET time_zone = ?, time_zone_unknown = 0 ' +
      'WHERE code = ? AND time_zone = ? AND time_zone_unknown = 1',
  );
  raw.transaction(() => {
    for (const c of changes) update.run(c.to, c.store, c.from);
  })();
}

/** A stored store as the import reads it: its id and what is known of its zone. */
interface StoreFound {
  id: number;
  time_zone: string;
  time_zone_unknown: number;
}

function prepare(raw: SQLite.Database) {
  return {
    selectStore: raw.prepare<[string], StoreFound>(
      'SELECT id, time_zone, time_zone_unknown FROM stores WHERE code = ?',
    ),
    storeZone: raw.prepare('UPDATE stores SET time_zone = ?, time_zone_unknown = 0 WHERE id = ?'),
    insertStore: raw.prepare(
      'INSERT INTO stores (code, name, region, time_zone, time_zone_unknown) VALUES (?, ?, ?, ?, 0)',
    ),
    updateStore: raw.prepare(
      'UPDATE stores SET name = coalesce(?, name), region = coalesce(?, region) WHERE id = ?',
    ),
    selectProduct: raw.prepare<[string], { id: number }>('SELECT id FROM products WHERE sku = ?'),
    insertProduct: raw.prepare('INSERT INTO products (sku, name, category) VALUES (?, ?, ?)'),
    updateProduct: raw.prepare(
      'UPDATE products SET name = coalesce(?, name), category = coalesce(?, category) WHERE id = ?',
    ),
  };
}
