import type SQLite from 'better-sqlite3';
import type { CustomerKeys } from '../import/types';
import { describeKey, keyKinds, keysOf, shownKeyValue } from './keys';
import type { IdentityKey, KeyKind } from './keys';
import type { IdentityKind } from '../../db/schema';
import { mergeOn } from './merge';

// One constant statement per kind, so that SQLite can use the partial unique index
// on (kind, value), which excludes masked phones. The planner does not infer
// `kind <> 'masked_phone'` from `kind = 'phone'`, so each statement repeats the
// index's condition word for word; without it every look-up scans the table.
const lookupSql: Record<KeyKind, string> = {
  member: `SELECT customer_id AS id FROM customer_identities
            WHERE kind = 'member' AND kind <> 'masked_phone' AND value = ?`,
  phone: `SELECT customer_id AS id FROM customer_identities
           WHERE kind = 'phone' AND kind <> 'masked_phone' AND value = ?`,
  email: `SELECT customer_id AS id FROM customer_identities
           WHERE kind = 'email' AND kind <> 'masked_phone' AND value = ?`,
  platform: `SELECT customer_id AS id FROM customer_identities
              WHERE kind = 'platform' AND kind <> 'masked_phone' AND value = ?`,
  external: `SELECT customer_id AS id FROM customer_identities
              WHERE kind = 'external' AND kind <> 'masked_phone' AND value = ?`,
};

/** Whether any customer has a key of the kind: one seek in the same partial index. */
const anyOfKindSql: Record<KeyKind, string> = {
  member: `SELECT 1 FROM customer_identities WHERE kind = 'member' AND kind <> 'masked_phone'
            LIMIT 1`,
  phone: `SELECT 1 FROM customer_identities WHERE kind = 'phone' AND kind <> 'masked_phone'
           LIMIT 1`,
  email: `SELECT 1 FROM customer_identities WHERE kind = 'email' AND kind <> 'masked_phone'
           LIMIT 1`,
  platform: `SELECT 1 FROM customer_identities WHERE kind = 'platform' AND kind <> 'masked_phone'
              LIMIT 1`,
  external: `SELECT 1 FROM customer_identities WHERE kind = 'external' AND kind <> 'masked_phone'
              LIMIT 1`,
};

/** The statements above, for a test that checks each one seeks the index, never scans. */
export const identityQueries = { lookup: lookupSql, anyOfKind: anyOfKindSql };

/** Writes a new customer; `bench/commit-sql.ts` replays imports with the same statement. */
export const insertCustomerSql = `INSERT INTO customers (name, gender, birth_date, city,
  created_at) VALUES (?, ?, ?, ?, ?)`;

/** Writes one key of a customer (member id, phone, e-mail, platform id, masked phone). */
export const insertIdentitySql = `INSERT INTO customer_identities (customer_id, kind, value,
  source, created_at) VALUES (?, ?, ?, ?, ?)`;

/**
 * Finds the one customer a row's keys name, inside an import's transaction: a new
 * customer when no key is known, the known one otherwise, and a recorded merge when
 * the keys name two different customers. Keys seen for the first time are added to
 * the customer. Caches key → customer so that a million rows cost a map look-up each.
 */
export class IdentityResolver {
  /** Key value → customer, one map per kind: no key string is built per row. */
  private readonly cache: Record<KeyKind, Map<string, number>> = {
    member: new Map(),
    phone: new Map(),
    email: new Map(),
    platform: new Map(),
    external: new Map(),
  };
  private readonly lookups: Record<KeyKind, SQLite.Statement<[string], { id: number }>>;
  private readonly insertCustomer: SQLite.Statement;
  private readonly insertIdentity: SQLite.Statement;
  private readonly fillProfile: SQLite.Statement;
  private readonly hasMasked: SQLite.Statement<[number, string]>;
  private readonly keysOfCustomer: SQLite.Statement<[number], { kind: string; value: string }>;
  /**
   * The kinds of identity (masked phones included) that no customer had before this
   * import: a key of such a kind is new unless this import cached it, so it needs no
   * look-up (a delivery export's platform ids and masked phones, when it is the first).
   */
  private readonly kindsNew: Set<IdentityKind>;
  private readonly profiled = new Set<number>();
  /** Customer → the masked phones this import has seen on them (almost always one). */
  private readonly maskedSeen = new Map<number, string[]>();
  private readonly created = new Set<number>();
  private readonly matched = new Set<number>();
  private readonly mergedAway = new Set<number>();
  merges = 0;
  /** Called before a merge moves facts: whoever holds unwritten ones writes them. */
  beforeMerge: () => void = () => undefined;
  /** Rows written so far (customers, identities, merges): tells new facts from duplicates. */
  writes = 0;

  constructor(
    private readonly raw: SQLite.Database,
    private readonly source: string,
    private readonly at: number,
    /** The file being imported, named in merge reasons with the row's line. */
    private readonly fileName: string,
  ) {
    this.lookups = {
      member: raw.prepare(lookupSql.member),
      phone: raw.prepare(lookupSql.phone),
      email: raw.prepare(lookupSql.email),
      platform: raw.prepare(lookupSql.platform),
      external: raw.prepare(lookupSql.external),
    };
    this.kindsNew = new Set(
      keyKinds.filter((k) => raw.prepare(anyOfKindSql[k]).get() === undefined),
    );
    // Masked phones are in no index of their own: only an empty table says there is none
    // (asking for the kind would read the whole table, 17 ms at 100k customers).
    if (raw.prepare('SELECT 1 FROM customer_identities LIMIT 1').get() === undefined) {
      this.kindsNew.add('masked_phone');
    }
    this.insertCustomer = raw.prepare(insertCustomerSql);
    this.insertIdentity = raw.prepare(insertIdentitySql);
    // Only a row that really fills an empty field changes it (and counts as a write).
    this.fillProfile = raw.prepare(
      `UPDATE customers SET name = coalesce(name, @name), gender = coalesce(gender, @gender),
         birth_date = coalesce(birth_date, @birth), city = coalesce(city, @city)
       WHERE id = @id AND ((name IS NULL AND @name IS NOT NULL)
         OR (gender IS NULL AND @gender IS NOT NULL)
         OR (birth_date IS NULL AND @birth IS NOT NULL) OR (city IS NULL AND @city IS NOT NULL))`,
    );
    this.hasMasked = raw.prepare(
      `SELECT 1 FROM customer_identities
       WHERE customer_id = ? AND kind = 'masked_phone' AND value = ?`,
    );
    this.keysOfCustomer = raw.prepare(
      `SELECT kind, value FROM customer_identities
       WHERE customer_id = ? AND kind <> 'masked_phone'`,
    );
  }

  /** The customer id for a row, or null when the row names nobody (an anonymous sale). */
  resolve(customer: CustomerKeys, line: number): number | null {
    const known = this.allCached(customer);
    if (known !== undefined) return this.known(known, customer);
    const keys = keysOf(customer);
    if (keys.length === 0) return null;

    const found: { key: IdentityKey; id: number }[] = [];
    const unknown: IdentityKey[] = [];
    for (const key of keys) {
      const id = this.find(key);
      if (id === undefined) unknown.push(key);
      else if (!found.some((f) => f.id === id)) found.push({ key, id });
    }

    const id = found.length === 0 ? this.create(customer) : this.unite(found, line);
    for (const key of unknown) this.addKey(id, key);
    if (customer.maskedPhone) this.addMasked(id, customer.maskedPhone);
    if (found.length > 0) this.fill(id, customer);
    return id;
  }

  /**
   * Whether any key of the row is already `customerId`'s, found without writing anything:
   * resolving the row would then keep that customer (or merge others into the same person).
   * An import asks before it lets a row join an order of that customer.
   */
  names(c: CustomerKeys, customerId: number): boolean {
    // Asked for most rows of a file: no closure or object per call.
    return (
      this.keyIs('member', c.memberId, customerId) ||
      this.keyIs('phone', c.phone, customerId) ||
      this.keyIs('email', c.email, customerId) ||
      this.keyIs('platform', c.platformId, customerId) ||
      this.keyIs('external', c.externalId, customerId)
    );
  }

  private keyIs(kind: KeyKind, value: string | undefined, customerId: number): boolean {
    return value !== undefined && value !== '' && this.findValue(kind, value) === customerId;
  }

  /**
   * The one customer every key of the row names when all of them are cached, the
   * common case of a customer's second and later rows; undefined when any key is new,
   * keys name different customers, or the row has no key. Allocates nothing.
   */
  private allCached(c: CustomerKeys): number | undefined {
    let id: number | undefined;
    const cache = this.cache;
    if (c.memberId && (id = sameId(id, cache.member.get(c.memberId))) === undefined) return;
    if (c.phone && (id = sameId(id, cache.phone.get(c.phone))) === undefined) return;
    if (c.email && (id = sameId(id, cache.email.get(c.email))) === undefined) return;
    if (c.platformId && (id = sameId(id, cache.platform.get(c.platformId))) === undefined) return;
    if (c.externalId && (id = sameId(id, cache.external.get(c.externalId))) === undefined) return;
    return id;
  }

  /** A row whose keys are all known for one customer: masked phone and profile only. */
  private known(id: number, customer: CustomerKeys): number {
    if (customer.maskedPhone) this.addMasked(id, customer.maskedPhone);
    this.fill(id, customer);
    return id;
  }

  /** Customers created by this import that still exist on their own. */
  get customersNew(): number {
    let n = 0;
    for (const id of this.created) if (!this.mergedAway.has(id)) n += 1;
    return n;
  }

  /** Customers that existed before this import and that its rows named. */
  get customersMatched(): number {
    let n = 0;
    for (const id of this.matched) if (!this.created.has(id) && !this.mergedAway.has(id)) n += 1;
    return n;
  }

  private find(key: IdentityKey): number | undefined {
    return this.findValue(key.kind, key.value);
  }

  private findValue(kind: KeyKind, value: string): number | undefined {
    const cached = this.cache[kind].get(value);
    if (cached !== undefined || this.kindsNew.has(kind)) return cached;
    const row = this.lookups[kind].get(value);
    if (row) this.cache[kind].set(value, row.id);
    return row?.id;
  }

  private create(customer: CustomerKeys): number {
    const result = this.insertCustomer.run(
      customer.name ?? null,
      customer.gender ?? null,
      customer.birthDate ?? null,
      customer.city ?? null,
      this.at,
    );
    const id = Number(result.lastInsertRowid);
    this.writes += 1;
    this.created.add(id);
    this.profiled.add(id);
    return id;
  }

  /** One row names several customers: they are one person; the oldest record survives. */
  private unite(found: { key: IdentityKey; id: number }[], line: number): number {
    const survivor = found.reduce((a, b) => (b.id < a.id ? b : a));
    this.matched.add(survivor.id);
    for (const other of found) {
      if (other.id === survivor.id) continue;
      const reason =
        `same person: ${describeKey(other.key.kind, other.key.value)} (customer ${other.id}) ` +
        `and ${describeKey(survivor.key.kind, survivor.key.value)} ` +
        `(customer ${survivor.id}) on one row of ${this.fileName}, line ${line}`;
      const details = {
        fromKeyKind: other.key.kind,
        fromKey: shownKeyValue(other.key.kind, other.key.value),
        intoKeyKind: survivor.key.kind,
        intoKey: shownKeyValue(survivor.key.kind, survivor.key.value),
        file: this.fileName,
        line,
      };
      this.beforeMerge();
      mergeOn(this.raw, survivor.id, other.id, reason, other.key.kind, this.at, details);
      // The merged customer's masked phones are the survivor's now, unseen under its id.
      this.kindsNew.delete('masked_phone');
      this.merges += 1;
      this.writes += 1;
      this.mergedAway.add(other.id);
      this.repoint(survivor.id);
    }
    return survivor.id;
  }

  /** After a merge, the cached keys of the merged customer name the survivor. */
  private repoint(into: number): void {
    for (const row of this.keysOfCustomer.all(into)) {
      this.cache[row.kind as KeyKind].set(row.value, into);
    }
  }

  private addKey(customerId: number, key: IdentityKey): void {
    this.insertIdentity.run(customerId, key.kind, key.value, this.source, this.at);
    this.writes += 1;
    this.cache[key.kind].set(key.value, customerId);
  }

  private addMasked(customerId: number, masked: string): void {
    const seen = this.maskedSeen.get(customerId);
    if (seen?.includes(masked)) return;
    if (seen) seen.push(masked);
    else this.maskedSeen.set(customerId, [masked]);
    if (!this.kindsNew.has('masked_phone') && this.hasMasked.get(customerId, masked)) return;
    this.insertIdentity.run(customerId, 'masked_phone', masked, this.source, this.at);
    this.writes += 1;
  }

  /** Fills a known customer's empty profile fields, once per customer and import. */
  private fill(id: number, customer: CustomerKeys): void {
    if (!this.created.has(id)) this.matched.add(id);
    if (this.profiled.has(id)) return;
    const { name, gender, birthDate, city } = customer;
    if (!name && !gender && !birthDate && !city) return;
    this.profiled.add(id);
    const filled = this.fillProfile.run({
      name: name ?? null,
      gender: gender ?? null,
      birth: birthDate ?? null,
      city: city ?? null,
      id,
    });
    this.writes += filled.changes;
  }
}

/** id when `next` names the same customer (or is the first key); otherwise undefined. */
function sameId(id: number | undefined, next: number | undefined): number | undefined {
  return id === undefined || id === next ? next : undefined;
}
