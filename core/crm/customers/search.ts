import { sql } from 'kysely';
import type { RawBuilder, SqlBool } from 'kysely';
import { normalizePhone } from '../identity/normalize';
import { maskPhone, mobileIdForms, mobileInAccountId } from '../../shared/mask';

/*
 * The customers screen's search box: a name (contains), an id the customer's files show
 * (member, platform or external id, whole), an e-mail (whole) or a phone. Text with any
 * letter is never read as a phone (`DP-13000` is Superstore's customer id, not a phone
 * starting 13000). A phone is found only by what the grid already shows or by the whole
 * number: its last four digits, or all of it in any form; a part that would tell hidden
 * digits (`138 0000`, the middle of `138****1234`) finds nobody. A phone typed masked as
 * the grid shows it (`138****1234`) finds the phones the grid shows so.
 */

/**
 * The condition of the unique index on (kind, value), which leaves masked phones out:
 * SQLite uses that index only when the query says so in the same words.
 */
const keyIndex = sql<SqlBool>`i.kind <> 'masked_phone'`;

/** The condition of the index on (kind, lower(value)): ids and masked phones. */
const foldedIndex = sql<SqlBool>`i.kind IN ('member', 'platform', 'external', 'masked_phone')`;

/** LIKE pattern for "contains", with the user's % and _ taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/** Digits, spaces, hyphens, brackets and a leading plus: what a typed phone looks like. */
const phoneLike = /^\+?[\d\s()-]+$/;

/** A phone typed as the grid shows it: three digits, four stars, four digits. */
const maskedLike = /^(\d{3})\*{4}(\d{4})$/;

/**
 * Phones the grid shows exactly as `text` (`137****4321`), or none when it is not of that
 * shape: a platform's masked phone written so, and a full phone that `maskPhone` shows so
 * (`+8613712344321`; a number of another country by the first three and last four digits
 * of its E.164 form, a mainland one by those of its 11 national digits). The typed text
 * shows no digit the grid hides, so finding by it tells nothing more.
 */
function maskedPhoneSql(text: string): RawBuilder<SqlBool> | null {
  const parts = maskedLike.exec(text);
  if (!parts) return null;
  const [, head = '', tail = ''] = parts;
  const mainland = `+86${head}[0-9][0-9][0-9][0-9]${tail}`;
  const other = `+${head}*${tail}`;
  return sql<SqlBool>`((i.kind = 'masked_phone' AND ${foldedIndex}
      AND lower(i.value) = ${text} AND i.value = ${text})
    OR (i.kind = 'phone' AND ${keyIndex} AND (i.value GLOB ${mainland}
      OR (i.value GLOB ${other} AND NOT (i.value GLOB '+86*' AND length(i.value) = 14)))))`;
}

/** The phone conditions for the typed text (NFKC, trimmed), or none. */
function phoneSql(text: string): RawBuilder<SqlBool> | null {
  const asShown = maskedPhoneSql(text);
  if (asShown) return asShown;
  if (!phoneLike.test(text)) return null;
  const digits = text.replace(/\D/g, '');
  if (digits.length === 4) {
    // The last four digits show in the grid: finding a phone by them tells nothing hidden.
    const tail = `%${digits}`;
    return sql<SqlBool>`(i.kind IN ('phone', 'masked_phone') AND i.value LIKE ${tail})`;
  }
  if (digits.length < 7) return null;
  const key = normalizePhone(text);
  if (key.kind !== 'phone') return null;
  // A platform's masked phone shows the same digits as the whole number masked.
  const national = key.e164.startsWith('+86') ? key.e164.slice(3) : digits;
  // A masked phone has no letters: its value in small letters is itself, so the index on
  // lower(value) finds it (the unique index leaves masked phones out).
  const masked = maskPhone(national);
  return sql<SqlBool>`((i.kind = 'phone' AND ${keyIndex} AND i.value = ${key.e164})
    OR (i.kind = 'masked_phone' AND ${foldedIndex}
      AND lower(i.value) = ${masked} AND i.value = ${masked}))`;
}

/**
 * The letters A–Z in small letters, and nothing else: what SQLite's `lower` does, so that
 * the typed id and the stored one are folded alike (the index is on `lower(value)`).
 */
export function foldIdCase(text: string): string {
  return text.replace(/[A-Z]/g, (ch) => ch.toLowerCase());
}

/**
 * Member, platform and external ids equal to the typed text in any case of A–Z (`Dp-13000`
 * finds `DP-13000`); other letters are found as typed or in capitals or small letters.
 * Both lookups are served by an index on the identities (the second by the one on
 * `lower(value)`), so the search reads no identity it does not return.
 */
function idSql(text: string): RawBuilder<SqlBool> {
  const forms = new Set([text, text.toUpperCase(), text.toLowerCase()]);
  // An id that is a mobile number is found by the whole number in its usual forms.
  const mobile = mobileInAccountId(text);
  if (mobile !== undefined) for (const f of mobileIdForms(mobile)) forms.add(f);
  // Each side names the kinds, so that each is one index lookup.
  return sql<SqlBool>`(i.kind IN ('member', 'platform', 'external') AND ${keyIndex}
      AND i.value IN (${sql.join([...forms])}))
    OR (i.kind IN ('member', 'platform', 'external') AND ${foldedIndex}
      AND lower(i.value) = ${foldIdCase(text)})`;
}

/**
 * The search box's text as a condition on customer `c`: any of name, id, e-mail or phone
 * matches (rules above). The identities that match are found in one pass.
 */
export function searchSql(search: string): RawBuilder<SqlBool> {
  const text = search.normalize('NFKC').trim();
  const phone = phoneSql(text);
  const phoneOr = phone === null ? sql`` : sql`OR ${phone}`;
  return sql<SqlBool>`(c.name LIKE ${containsPattern(text)} ESCAPE '\\'
    OR c.id IN (SELECT i.customer_id FROM customer_identities i WHERE
      ${idSql(text)}
      OR (i.kind = 'email' AND ${keyIndex} AND i.value = ${text.toLowerCase()}) ${phoneOr}))`;
}
