import type { TFunction } from 'i18next';
import type { MergeInfo } from '../../../../core/api/customers';

/**
 * Why two customers were merged, in the person's language: an import's merge from its
 * parts (the two keys, the file and line); a hand merge in the words typed for it.
 */
export function mergeReason(t: TFunction, m: MergeInfo): string {
  const d = m.details;
  if (!d) return m.reason;
  return t('customer.mergeSameRow', {
    ...d,
    fromKeyKind: t(`identity.${d.fromKeyKind}`, d.fromKeyKind),
    intoKeyKind: t(`identity.${d.intoKeyKind}`, d.intoKeyKind),
  });
}
