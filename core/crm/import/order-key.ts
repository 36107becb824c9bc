/*
 * How an order is known when its source numbers orders per store (a till's receipts): its
 * id, `@`, and the store's code, e.g. `000123@S01`. The code is written with `%` and `@`
 * escaped (`%25`, `%40`), so the last `@` always starts the store: receipt `A@B` of store
 * `C` (`A@B@C`) and receipt `A` of store `B@C` (`A@B%40C`) never meet.
 */

/** The key of order `orderId` of the store coded `storeCode`. */
export function orderKeyInStore(orderId: string, storeCode: string): string {
  return `${orderId}@${storeCode.replaceAll('%', '%25').replaceAll('@', '%40')}`;
}

/** The order id a key of `orderKeyInStore` was made from, or the key when it is not one. */
export function orderIdOfKey(key: string, storeCode: string): string {
  const suffix = orderKeyInStore('', storeCode);
  return key.endsWith(suffix) ? key.slice(0, -suffix.length) : key;
}
