/**
 * Money is exact: amounts are integers in the minor unit of their currency: fen (1/100
 * yuan), pence or cents, or whole units for a currency without one (yen, won).
 * Parsing and formatting happen at the edges only.
 */
export type Fen = number;

/** Currencies whose amounts are kept in whole units: their exports carry no decimals. */
const zeroDecimalCurrencies: ReadonlySet<string> = new Set([
  'JPY',
  'KRW',
  'VND',
  'CLP',
  'ISK',
  'TWD',
]);

/**
 * Digits of a currency's minor unit as the console stores its money: 0 for JPY, KRW, VND,
 * CLP, ISK and TWD (kept in whole units), 2 for every other (CNY fen, GBP pence, USD cents).
 * The importer, the exports and every formatter read amounts through this one answer.
 */
export function minorUnitDigits(currency: string): number {
  return zeroDecimalCurrencies.has(currency.toUpperCase()) ? 0 : 2;
}

/** An amount in its currency's minor unit as a number of whole units: 105063 GBP → 1050.63. */
export function majorUnits(minor: number, currency: string): number {
  return minor / 10 ** minorUnitDigits(currency);
}

/**
 * Multiplies a unit price in fen by a quantity that may carry decimals (weighed goods),
 * rounding half away from zero to whole fen.
 */
export function lineAmount(unitPriceFen: Fen, quantity: number): Fen {
  const raw = unitPriceFen * quantity;
  return Math.sign(raw) * Math.round(Math.abs(raw) + 1e-9);
}

/** Formats fen as yuan for people, e.g. 123456 → "¥1,234.56" (zh-CN) or "CN¥1,234.56" (en). */
export function formatYuan(fen: Fen, locale: 'zh-CN' | 'en' = 'zh-CN'): string {
  return formatAmount(fen, 'CNY', locale);
}

/**
 * Formats an amount in its currency's minor unit (fen, pence, cents; whole yen: see
 * `minorUnitDigits`) with that currency's sign, e.g. 27000 GBP → "£270.00" in both
 * languages, 3000 JPY → "¥3,000" (en). An amount is only ever shown with its own currency,
 * never as yuan.
 */
export function formatAmount(
  minor: number,
  currency: string,
  locale: 'zh-CN' | 'en' = 'zh-CN',
): string {
  const digits = minorUnitDigits(currency);
  // The digits are the stored ones: Intl's own would show TWD with two decimals.
  return new Intl.NumberFormat(locale === 'zh-CN' ? 'zh-CN' : 'en-US', {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(majorUnits(minor, currency));
}
