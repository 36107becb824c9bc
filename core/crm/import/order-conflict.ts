import type SQLite from 'better-sqlite3';
import type { RowError } from '../../api/imports';
import type { IdentityKind } from '../../db/schema';
import { describeKey, keysOf, shownKeyValue } from '../identity/keys';
import type { OrderState } from './commit-orders';
import type { ImportRecord } from './types';

/** A customer as a person finds them in the files: a key, phones masked. */
interface ShownKey {
  kind: IdentityKind | 'customer_id';
  value: string;
}

/**
 * The refusal of a row that names another customer than its order's: the order was stored
 * by an earlier import (`order_other_customer`), or begun by an earlier row of the same file
 * (`order_customers_differ`). Both customers are named by a key the files show (the
 * strongest key of the row; the order's customer's first key), never by an internal id, so
 * that the person can find the rows; `details` carries them for the console's sentence.
 */
export class OrderConflicts {
  private readonly firstKey: SQLite.Statement<[number], { kind: IdentityKind; value: string }>;

  constructor(raw: SQLite.Database) {
    this.firstKey = raw.prepare(
      `SELECT kind, value FROM customer_identities
       WHERE customer_id = ? AND kind <> 'masked_phone' ORDER BY id LIMIT 1`,
    );
  }

  refuse(r: ImportRecord, order: OrderState, column: string | null): RowError {
    const orderKey = this.keyOfCustomer(order.customerId);
    const masked = r.customer.maskedPhone;
    const rowKey: ShownKey =
      keysOf(r.customer)[0] ??
      (masked ? { kind: 'masked_phone', value: masked } : { kind: 'customer_id', value: '?' });
    const details = {
      orderKeyKind: orderKey.kind,
      orderKey: shownValue(orderKey),
      rowKeyKind: rowKey.kind,
      rowKey: shownValue(rowKey),
    };
    const named = `the customer with ${describe(orderKey)}`;
    const refusal = (code: string, reason: string): RowError => ({
      line: r.line,
      column,
      value: r.orderId ?? null,
      code,
      reason,
      details,
    });
    if (order.isNew) {
      return refusal(
        'order_customers_differ',
        `Order ${r.orderId} was begun by an earlier row of this file for ${named}, and this ` +
          `row names ${describe(rowKey)}: an order belongs to one customer. Check the ` +
          `customer of this order's rows in the file.`,
      );
    }
    return refusal(
      'order_other_customer',
      `Order ${r.orderId} is already stored for ${named} by an earlier import, and this ` +
        `row names ${describe(rowKey)}. Two sources may use the same order ids in one ` +
        `channel: check the file, or import it under a channel of its own.`,
    );
  }

  private keyOfCustomer(customerId: number | null): ShownKey {
    const found = customerId === null ? undefined : this.firstKey.get(customerId);
    return found ?? { kind: 'customer_id', value: `#${customerId}` };
  }
}

function shownValue(key: ShownKey): string {
  return key.kind === 'customer_id' ? key.value : shownKeyValue(key.kind, key.value);
}

function describe(key: ShownKey): string {
  return key.kind === 'customer_id' ? `customer ${key.value}` : describeKey(key.kind, key.value);
}
