import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { maskMaskedPhone } from '../core/shared/mask';

/**
 * Masked phones kept by earlier versions hide digits. A phone cell with a mask mark was
 * kept as written, so a whole number with a stray mark (`13812341234*`) was stored with
 * every digit, and the segment export and the phone search read it so. Such values are
 * masked the console's way (`138****1234`, rules in `maskMaskedPhone`); values that already
 * hide enough are left as they are. Rows keep their ids (merges refer to them); a customer
 * who also held the masked form then lists it twice, as harmless as it is rare.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const { rows } = await sql<{ id: number; value: string }>`SELECT id, value
    FROM customer_identities WHERE kind = 'masked_phone'`.execute(db);
  for (const row of rows) {
    const masked = maskMaskedPhone(row.value);
    if (masked === row.value) continue;
    await sql`UPDATE customer_identities SET value = ${masked} WHERE id = ${row.id}`.execute(db);
  }
}

/** The digits hidden are gone: nothing to restore. */
export async function down(): Promise<void> {}
