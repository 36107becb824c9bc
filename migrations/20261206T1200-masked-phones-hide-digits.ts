import { sql } from 'kysely';
import type { Kysely } from 'kysely';

/**
 * Masked phones kept by earlier versions hide digits. A phone cell with a mask mark was
 * kept as written, so a whole number with a stray mark (`13812341234*`) was stored with
 * every digit, and the segment export and the phone search read it so. Such values are
 * masked the console's way (`138****1234`, the rules of `maskMaskedPhone` in
 * core/shared/mask.ts as of this migration, kept here so that it never changes what it
 * did); values that already
 * hide enough are left as they are. Rows keep their ids (merges refer to them); a customer
 * who also held the masked form then lists it twice, as harmless as it is rare.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const { rows } = await sql<{ id: number; value: string }>`SELECT id, value
    FROM customer_identities WHERE kind = 'masked_phone'`.execute(db);
  for (const row of rows) {
    const masked = hideDigits(row.value);
    if (masked === row.value) continue;
    await sql`UPDATE customer_identities SET value = ${masked} WHERE id = ${row.id}`.execute(db);
  }
}

const wholeMobile = /^(?:86)?1[3-9]\d{9}$/;

/** A masked phone showing more than seven digits, with the digits it should hide hidden. */
function hideDigits(masked: string): string {
  const digits = masked.replace(/\D/g, '');
  if (digits.length <= 7) return masked;
  if (wholeMobile.test(digits)) {
    const national = digits.length === 13 ? digits.slice(2) : digits;
    return `${national.slice(0, 3)}****${national.slice(-4)}`;
  }
  const chars = Array.from(masked);
  const middle = chars.slice(3, -4).map((ch) => (/\d/.test(ch) ? '*' : ch));
  return [...chars.slice(0, 3), ...middle, ...chars.slice(-4)].join('');
}

/** The digits hidden are gone: nothing to restore. */
export async function down(): Promise<void> {}
