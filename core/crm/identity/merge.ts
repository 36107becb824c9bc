import type SQLite from 'better-sqlite3';
import type { MergeInfo, MergeReasonDetails } from '../../api/customers';
import type { Db } from '../../db/open';
import type { DbCustomerMerge, IdentityKind } from '../../db/schema';
import { CoreError } from '../../shared/errors';
import { logger } from '../../shared/log';
import { shownKeyValue } from './keys';

const log = logger('identity');

/** What a merge moved from one customer to the other: enough to put it back exactly. */
interface Moved {
  identities: number[];
  orders: number[];
  /** Profile fields of the surviving customer that were empty and took the other's value. */
  filled: { name: boolean; gender: boolean; birthDate: boolean; city: boolean };
}

interface ProfileRow {
  id: number;
  merged_into: number | null;
  name: string | null;
  gender: string | null;
  birth_date: string | null;
  city: string | null;
}

type MergeRow = Omit<DbCustomerMerge, 'id'> & { id: number };

/**
 * Merges customer `fromId` into customer `intoId` because they are the same person:
 * the identities and orders of `fromId` move to `intoId`, empty profile fields of
 * `intoId` take the other's values, and `fromId` stays behind marked as merged so
 * that `undoMerge` can restore everything that moved. `reason` is shown to people
 * (mask phones in it); a manual merge records the rule 'manual'.
 */
export function mergeCustomers(
  db: Db,
  intoId: number,
  fromId: number,
  reason: string,
  at: Date,
): MergeInfo {
  const id = db.raw.transaction(() =>
    mergeOn(db.raw, intoId, fromId, reason, 'manual', at.getTime()),
  )();
  return mergeInfo(db.raw, id);
}

/**
 * Undoes a merge: the identities and orders that it moved go back to the customer
 * they came from, the profile fields it filled are emptied again, and that customer
 * is no longer marked as merged. Orders imported after the merge stay where they are.
 */
export function undoMerge(db: Db, mergeId: number, at: Date): MergeInfo {
  db.raw.transaction(() => undoOn(db.raw, mergeId, at.getTime()))();
  return mergeInfo(db.raw, mergeId);
}

/** Every merge that involved a customer, newest first, for the customer page. */
export function mergesOf(db: Db, customerId: number): MergeInfo[] {
  const rows = db.raw
    .prepare(
      `SELECT * FROM customer_merges WHERE into_customer_id = ? OR from_customer_id = ?
       ORDER BY merged_at DESC, id DESC`,
    )
    .all(customerId, customerId) as MergeRow[];
  return rows.map(toMergeInfo);
}

/** The merge itself, on a connection that is already in a transaction; returns its id. */
export function mergeOn(
  raw: SQLite.Database,
  intoId: number,
  fromId: number,
  reason: string,
  rule: string,
  at: number,
  details: MergeReasonDetails | null = null,
): number {
  const into = profile(raw, intoId);
  const from = profile(raw, fromId);
  if (intoId === fromId) {
    throw new CoreError(
      'customers.merge_same',
      `Customer ${intoId} cannot be merged into itself.`,
      { customerId: intoId },
    );
  }
  for (const c of [into, from]) {
    if (c.merged_into !== null) {
      throw new CoreError(
        'customers.already_merged',
        `Customer ${c.id} was already merged into customer ${c.merged_into}; ` +
          `merge into that customer instead, or undo the earlier merge first.`,
        { customerId: c.id, mergedInto: c.merged_into },
      );
    }
  }

  // Every identity moves to the survivor, but a masked phone it already has (two records
  // of one person saw the same masked number) stays on the merged record, not listed twice.
  const movable = raw
    .prepare(
      `SELECT f.id FROM customer_identities f WHERE f.customer_id = ? AND NOT (
         f.kind = 'masked_phone' AND EXISTS (SELECT 1 FROM customer_identities i
           WHERE i.customer_id = ? AND i.kind = 'masked_phone' AND i.value = f.value))`,
    )
    .all(fromId, intoId) as { id: number }[];
  const moved: Moved = {
    identities: movable.map((r) => r.id),
    orders: ids(raw, 'SELECT id FROM orders WHERE customer_id = ?', fromId),
    filled: {
      name: into.name === null && from.name !== null,
      gender: into.gender === null && from.gender !== null,
      birthDate: into.birth_date === null && from.birth_date !== null,
      city: into.city === null && from.city !== null,
    },
  };

  const moveIdentity = raw.prepare('UPDATE customer_identities SET customer_id = ? WHERE id = ?');
  for (const id of moved.identities) moveIdentity.run(intoId, id);
  raw.prepare('UPDATE orders SET customer_id = ? WHERE customer_id = ?').run(intoId, fromId);
  raw
    .prepare(
      `UPDATE customers SET name = coalesce(name, ?), gender = coalesce(gender, ?),
         birth_date = coalesce(birth_date, ?), city = coalesce(city, ?) WHERE id = ?`,
    )
    .run(from.name, from.gender, from.birth_date, from.city, intoId);
  raw.prepare('UPDATE customers SET merged_into = ? WHERE id = ?').run(intoId, fromId);

  const result = raw
    .prepare(
      `INSERT INTO customer_merges
         (into_customer_id, from_customer_id, reason, rule, merged_at, moved_json, reason_json)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      intoId,
      fromId,
      reason,
      rule,
      at,
      JSON.stringify(moved),
      details && JSON.stringify(details),
    );
  // Imports merge by the hundred (their summary line counts them); a hand merge is rare.
  const note = `merged customer ${fromId} into ${intoId}: ${reason}`;
  if (rule === 'manual') log.info(note);
  else log.debug(note);
  return Number(result.lastInsertRowid);
}

function undoOn(raw: SQLite.Database, mergeId: number, at: number): void {
  const merge = raw.prepare('SELECT * FROM customer_merges WHERE id = ?').get(mergeId) as
    MergeRow | undefined;
  if (!merge) {
    throw new CoreError('customers.merge_not_found', `No merge with id ${mergeId}.`, { mergeId });
  }
  if (merge.undone_at !== null) {
    throw new CoreError(
      'customers.merge_already_undone',
      `Merge ${mergeId} was already undone on ${new Date(merge.undone_at).toISOString()}.`,
      { mergeId, undoneAt: merge.undone_at },
    );
  }

  // Only what still sits on the surviving customer goes back: an identity that an
  // earlier undo already returned elsewhere stays where it is now.
  const moved = JSON.parse(merge.moved_json) as Moved;
  const into = merge.into_customer_id;
  const from = merge.from_customer_id;
  const backIdentity = raw.prepare(
    'UPDATE customer_identities SET customer_id = ? WHERE id = ? AND customer_id = ?',
  );
  for (const id of moved.identities) backIdentity.run(from, id, into);
  const backOrder = raw.prepare(
    'UPDATE orders SET customer_id = ? WHERE id = ? AND customer_id = ?',
  );
  for (const id of moved.orders) backOrder.run(from, id, into);

  const f = moved.filled;
  raw
    .prepare(
      `UPDATE customers SET
         name = CASE WHEN ? THEN NULL ELSE name END,
         gender = CASE WHEN ? THEN NULL ELSE gender END,
         birth_date = CASE WHEN ? THEN NULL ELSE birth_date END,
         city = CASE WHEN ? THEN NULL ELSE city END
       WHERE id = ?`,
    )
    .run(+f.name, +f.gender, +f.birthDate, +f.city, into);
  raw.prepare('UPDATE customers SET merged_into = NULL WHERE id = ?').run(from);
  raw.prepare('UPDATE customer_merges SET undone_at = ? WHERE id = ?').run(at, mergeId);
  log.info(`undid merge ${mergeId}: customer ${from} is separate from ${into} again`);
}

function profile(raw: SQLite.Database, id: number): ProfileRow {
  const row = raw
    .prepare('SELECT id, merged_into, name, gender, birth_date, city FROM customers WHERE id = ?')
    .get(id) as ProfileRow | undefined;
  if (!row) {
    throw new CoreError('customers.not_found', `No customer with id ${id}.`, { customerId: id });
  }
  return row;
}

function ids(raw: SQLite.Database, query: string, customerId: number): number[] {
  return (raw.prepare(query).all(customerId) as { id: number }[]).map((r) => r.id);
}

function mergeInfo(raw: SQLite.Database, id: number): MergeInfo {
  const row = raw.prepare('SELECT * FROM customer_merges WHERE id = ?').get(id) as MergeRow;
  return toMergeInfo(row);
}

/** A customer merge as the console shows it. */
export function toMergeInfo(row: MergeRow): MergeInfo {
  const stored = row.reason_json ? (JSON.parse(row.reason_json) as MergeReasonDetails) : null;
  const { reason, details } = shownMerge(row.reason, stored);
  return {
    id: row.id,
    intoCustomerId: row.into_customer_id,
    fromCustomerId: row.from_customer_id,
    reason,
    details,
    rule: row.rule,
    mergedAt: new Date(row.merged_at).toISOString(),
    undoneAt: row.undone_at === null ? null : new Date(row.undone_at).toISOString(),
  };
}

/**
 * A merge's reason and keys as people may see them. Merges recorded before member ids
 * that are mobile numbers were masked (会员号 = 手机号) kept such an id whole: it is masked
 * here, in the details and in the sentence, as `shownKeyValue` masks it now.
 */
function shownMerge(
  reason: string,
  details: MergeReasonDetails | null,
): { reason: string; details: MergeReasonDetails | null } {
  if (!details) return { reason, details };
  let text = reason;
  const shown = (kind: string, value: string) => {
    // Phones were stored masked always (and masking twice is not idempotent for them).
    if (kind === 'phone') return value;
    const masked = shownKeyValue(kind as IdentityKind, value);
    if (masked !== value) text = text.replaceAll(value, masked);
    return masked;
  };
  const fromKey = shown(details.fromKeyKind, details.fromKey);
  const intoKey = shown(details.intoKeyKind, details.intoKey);
  return { reason: text, details: { ...details, fromKey, intoKey } };
}
