import { refundKeySuffix } from './commit-refunds';
import { orderIdOfKey } from './order-key';

/**
 * An order's number as its till or platform wrote it, for display: the key without the
 * store suffix of a source that numbers orders per store (`000123@S01` of store S01 is
 * 000123; the store is shown beside it), and a return made from a partial refund by its
 * sale's number (the till writes the refund on the sale's receipt). Search and filters keep
 * the stored key: two stores' receipt 000123 are different orders.
 */
export function orderNumberShown(key: string, storeCode: string | null): string {
  const saleKey = key.endsWith(refundKeySuffix) ? key.slice(0, -refundKeySuffix.length) : key;
  return storeCode === null ? saleKey : orderIdOfKey(saleKey, storeCode);
}
