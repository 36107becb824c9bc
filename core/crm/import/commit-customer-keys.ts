import type { CustomerKeys } from './types';

/** Every field of a row's customer; the type check fails when one is added and not listed. */
const customerFields = Object.keys({
  memberId: 0,
  phone: 0,
  maskedPhone: 0,
  email: 0,
  platformId: 0,
  externalId: 0,
  name: 0,
  gender: 0,
  birthDate: 0,
  city: 0,
} satisfies Record<keyof CustomerKeys, 0>) as (keyof CustomerKeys)[];

/** Whether two rows name their customer with the same keys and the same profile. */
export function sameCustomer(a: CustomerKeys, b: CustomerKeys): boolean {
  for (const field of customerFields) if (a[field] !== b[field]) return false;
  return true;
}

/** Whether a row's customer has a key that can name a person (a masked phone cannot). */
export function hasKey(c: CustomerKeys): boolean {
  return Boolean(c.memberId || c.phone || c.email || c.platformId || c.externalId);
}
