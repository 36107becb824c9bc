import { sql } from 'kysely';
import type { RawBuilder, SqlBool } from 'kysely';
import type { CustomerKey } from '../../api/customers';
import {
  maskAccountId,
  maskMaskedPhone,
  maskPhone,
  mobileIdForms,
  mobileInAccountId,
} from '../../shared/mask';
import { containsPattern } from './search';

/*
 * A customer's key: who they are by the id their files show, for the grid's customers
 * who have no name (UCI Online Retail has only a CustomerID, kept as a member id).
 *
 * The order: member id, else platform id, else phone, else e-mail, else an external id
 * (a platform's id for one order's buyer), the first recorded of each kind. A phone is
 * shown masked as everywhere in the grid (a full phone wins over a platform's masked
 * one, and a masked one that hides too little is masked again). An e-mail is shown as
 * the first two characters of its name, "***" and its domain ("li***@example.com"):
 * enough to tell customers apart on a screen others may see, while the customer's own
 * page shows it whole. A member, platform or external id that is a mainland mobile number
 * (shops often make the mobile the member id) is masked like a phone (`maskAccountId`).
 */

/** The identity kinds a key may come from, best first ('masked_phone' counts as phone). */
export const keyIdentityKinds = [
  'member',
  'platform',
  'phone',
  'masked_phone',
  'email',
  'external',
] as const;

const rank: Record<string, number> = {
  member: 0,
  platform: 1,
  phone: 2,
  masked_phone: 3,
  email: 4,
  external: 5,
};

/** One identity of a customer as read: customer id, kind, value, identity id. */
export type IdentityCells = [number, string, string, number];

/**
 * An e-mail as the grid shows it: the name's first two characters (one when the name is
 * two or three characters, none when it is one, so some of it is always hidden), "***",
 * then the domain. Text without an "@" is masked the same way as a name.
 */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  const name = at < 0 ? email : email.slice(0, at);
  const chars = Array.from(name);
  const kept = chars.slice(0, chars.length > 3 ? 2 : chars.length > 1 ? 1 : 0).join('');
  return at < 0 ? `${kept}***` : `${kept}***${email.slice(at)}`;
}

function shown(kind: string, value: string): CustomerKey {
  if (kind === 'phone') return { kind: 'phone', value: maskPhone(value) };
  // Masked again for rows kept before the importer did it (a stray star beside a phone).
  if (kind === 'masked_phone') return { kind: 'phone', value: maskMaskedPhone(value) };
  if (kind === 'email') return { kind: 'email', value: maskEmail(value) };
  return { kind: kind as CustomerKey['kind'], value: maskAccountId(value) };
}

/**
 * Each customer's key and first phone (masked) from their identities, in any order:
 * the best kind wins, then the identity recorded first.
 */
export function keysAndPhones(identities: Iterable<IdentityCells>): {
  keys: Map<number, CustomerKey>;
  phones: Map<number, string>;
} {
  const bestKey = new Map<number, { rank: number; id: number; kind: string; value: string }>();
  const bestPhone = new Map<number, { rank: number; id: number; kind: string; value: string }>();
  const better = (held: { rank: number; id: number } | undefined, r: number, id: number) =>
    !held || r < held.rank || (r === held.rank && id < held.id);

  for (const [customerId, kind, value, id] of identities) {
    const r = rank[kind];
    if (r === undefined) continue;
    const candidate = { rank: r, id, kind, value };
    if (better(bestKey.get(customerId), r, id)) bestKey.set(customerId, candidate);
    const isPhone = kind === 'phone' || kind === 'masked_phone';
    if (isPhone && better(bestPhone.get(customerId), r, id)) bestPhone.set(customerId, candidate);
  }

  const keys = new Map<number, CustomerKey>();
  for (const [customerId, k] of bestKey) keys.set(customerId, shown(k.kind, k.value));
  const phones = new Map<number, string>();
  for (const [customerId, p] of bestPhone) phones.set(customerId, shown(p.kind, p.value).value);
  return { keys, phones };
}

/**
 * Text typed into the key filter, read as member and platform ids are stored: trimmed and
 * NFKC-normalised, so full-width digits from a Chinese input method (`１７８５０`) and an
 * id pasted with spaces around it find the half-width id the grid shows.
 */
export function keyFilterText(typed: string): string {
  return typed.normalize('NFKC').trim();
}

/** An id as `mobileInAccountId` reads it, in SQL: spaces and hyphens dropped. */
const compactValue = sql`replace(replace(i.value, ' ', ''), '-', '')`;

/** The id is a mainland mobile number (`mobileInAccountId`), alone or after +86/0086/86. */
const isMobile = sql`(${compactValue} GLOB '1[3-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'
  OR ${compactValue} GLOB '+861[3-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'
  OR ${compactValue} GLOB '00861[3-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]'
  OR ${compactValue} GLOB '861[3-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9][0-9]')`;

/**
 * The key filter as a condition on the customer `m.customer_id`: any of their member or
 * platform ids contains `typed`, the filter's text as `keyFilterText` made it (a merged
 * customer holds several). Phones and e-mails are
 * left out on purpose: matching their full values would let a filter find the digits and
 * letters the grid hides. For the same reason an id that is a mobile number (shown masked)
 * is not matched by part of it, only by the whole number in any of its forms, when `typed`
 * is one: `13812345678` finds `+86 138-1234-5678`.
 * One lookup on the customer's identities index per customer checked, so the grid does not
 * sort by the key.
 */
export function keyContainsSql(typed: string): RawBuilder<SqlBool> {
  const pattern = containsPattern(typed);
  const mobile = mobileInAccountId(typed);
  const whole =
    mobile === undefined ? sql`` : sql`OR ${compactValue} IN (${sql.join(mobileIdForms(mobile))})`;
  return sql<SqlBool>`EXISTS (SELECT 1 FROM customer_identities i
    WHERE i.customer_id = m.customer_id AND i.kind IN ('member', 'platform')
      AND ((NOT ${isMobile} AND i.value LIKE ${pattern} ESCAPE '\\') ${whole}))`;
}
