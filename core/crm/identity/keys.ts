import type { CustomerKeys } from '../import/types';
import type { IdentityKind } from '../../db/schema';
import { maskAccountId, maskPhone } from '../../shared/mask';

/** An identity that names one person: unique per kind in `customer_identities`. */
export type KeyKind = Exclude<IdentityKind, 'masked_phone'>;

export interface IdentityKey {
  kind: KeyKind;
  value: string;
}

/** The order in which keys are tried, strongest first; also the order reasons name them. */
export const keyKinds: readonly KeyKind[] = ['member', 'phone', 'email', 'platform', 'external'];

/**
 * The keys a row carries, strongest first. A masked phone is left out on purpose:
 * many people share `138****1234`, so it is stored on a customer but never finds one.
 */
export function keysOf(customer: CustomerKeys): IdentityKey[] {
  const keys: IdentityKey[] = [];
  if (customer.memberId) keys.push({ kind: 'member', value: customer.memberId });
  if (customer.phone) keys.push({ kind: 'phone', value: customer.phone });
  if (customer.email) keys.push({ kind: 'email', value: customer.email });
  if (customer.platformId) keys.push({ kind: 'platform', value: customer.platformId });
  if (customer.externalId) keys.push({ kind: 'external', value: customer.externalId });
  return keys;
}

/**
 * A key's value as people may see it: a phone masked (138****1234), a member, platform or
 * external id that is a mobile number too (`maskAccountId`), any other as it is.
 */
export function shownKeyValue(kind: IdentityKind, value: string): string {
  if (kind === 'phone') return maskPhone(value);
  return kind === 'email' || kind === 'masked_phone' ? value : maskAccountId(value);
}

/**
 * A key as logs and merge reasons may show it: phones (and ids that are mobile numbers)
 * masked, e.g. "phone +86 138****1234", "member 138****1234".
 */
export function describeKey(kind: IdentityKind, value: string): string {
  if (kind === 'phone') {
    const country = value.startsWith('+86') ? '+86 ' : '';
    return `phone ${country}${maskPhone(value)}`;
  }
  if (kind === 'masked_phone') return `masked phone ${value}`;
  return `${kind} ${shownKeyValue(kind, value)}`;
}
