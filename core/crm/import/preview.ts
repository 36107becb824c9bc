import type { MoneyField, PreviewRow, TargetField } from '../../api/imports';
import { maskAccountId, maskPhone } from '../../shared/mask';
import { netAmount } from './commit-amounts';
import type { EffectiveImport } from './mapping';
import type { ImportRecord } from './types';
import { formatInstant } from './zone';

type Values = PreviewRow['values'];

/**
 * A record as the wizard shows it before importing: each value as it will be stored, written for
 * people (instants in the stores' zone with their offset, money in units of the currency, phones
 * and ids that are mobile numbers masked), what the row is (its row kind; the kind of order only
 * for orders and their lines), and its money as minor units with the currency, for a screen to
 * write in the person's locale.
 */
export function previewRow(record: ImportRecord, effective: EffectiveImport): PreviewRow {
  // Only an order or its line has a kind of order; a customer or payment row is not a sale.
  const isOrder = record.rowKind === 'order' || record.rowKind === 'orderLine';
  const values: Values = isOrder ? { kind: record.kind } : {};
  const amounts: Partial<Record<MoneyField, number>> = {};
  const putMoney = (field: MoneyField, minor: number | undefined) => {
    if (minor === undefined) return;
    amounts[field] = minor;
    values[field] = formatMinor(minor, record.currency, effective.currencyExponent);
  };
  const put = (field: TargetField | 'businessDay', value: string | number | undefined) => {
    if (value !== undefined) values[field] = String(value);
  };

  put('orderId', record.orderId);
  put('lineNo', record.lineNo);
  if (record.orderedAt !== undefined) {
    put('orderedAt', formatInstant(record.orderedAt, effective.storeTimeZone));
  }
  put('businessDay', record.businessDay);
  put('orderStatus', record.orderStatus);
  putCustomer(record, put);
  put('storeCode', record.store?.code);
  put('storeName', record.store?.name);
  put('region', record.store?.region);
  put('sku', record.product?.sku);
  put('productName', record.product?.name);
  put('category', record.product?.category);
  put('quantity', record.quantity);
  putMoney('unitPrice', record.unitPriceFen);
  // The commit stores a line's or order's amount after its discount and refund; the
  // reader hands over the amount before them, so show what the commit will store.
  putMoney('lineAmount', stored(record.lineAmountFen, record));
  putMoney('orderAmount', stored(record.orderAmountFen, record));
  putMoney('discountAmount', record.discountFen);
  putMoney('refundAmount', record.refundFen);
  putMoney('paymentAmount', record.paymentFen);
  const { line, rowKind, currency } = record;
  return { line, rowKind, values, money: amounts, currency };
}

function stored(gross: number | undefined, record: ImportRecord): number | undefined {
  return gross === undefined ? undefined : netAmount(gross, record);
}

function putCustomer(
  record: ImportRecord,
  put: (field: TargetField, value: string | undefined) => void,
): void {
  const customer = record.customer;
  // An id that is a mobile number is masked as the customers grid masks it.
  const account = (id: string | undefined) => (id === undefined ? undefined : maskAccountId(id));
  put('customerMemberId', account(customer.memberId));
  put('customerPhone', customer.phone ? maskE164(customer.phone) : customer.maskedPhone);
  put('customerEmail', customer.email);
  put('customerPlatformId', account(customer.platformId));
  put('customerExternalId', account(customer.externalId));
  put('customerName', customer.name);
  put('customerGender', customer.gender);
  put('customerBirthDate', customer.birthDate);
  put('customerCity', customer.city);
}

/** `+8613800001234` → `+86 138****1234`; other countries keep their code and last four digits. */
function maskE164(e164: string): string {
  if (e164.startsWith('+86')) return `+86 ${maskPhone(e164)}`;
  return `${e164.slice(0, 3)}****${e164.slice(-4)}`;
}

/** 123456 fen → "1,234.56 CNY": digits of the minor unit, no float arithmetic. */
export function formatMinor(minor: number, currency: string, exponent: number): string {
  const sign = minor < 0 ? '-' : '';
  const digits = String(Math.abs(minor)).padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent).replace(/\B(?=(\d{3})+$)/g, ',');
  const fraction = exponent > 0 ? '.' + digits.slice(-exponent) : '';
  return `${sign}${whole}${fraction} ${currency}`;
}
