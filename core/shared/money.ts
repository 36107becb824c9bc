/**
 * Money is exact: amounts are integers in fen (1/100 yuan), or cents for exports
 * priced in other currencies. Parsing and formatting happen at the edges only.
 */
export type Fen = number;

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
 * Formats an amount in hundredths of its currency (fen, pence, cents: how the importer
 * stores every currency) with that currency's sign, e.g. 27000 GBP → "£270.00" in both
 * languages. An amount is only ever shown with its own currency, never as yuan.
 */
export function formatAmount(
  minor: number,
  currency: string,
  locale: 'zh-CN' | 'en' = 'zh-CN',
): string {
  return new Intl.NumberFormat(locale === 'zh-CN' ? 'zh-CN' : 'en-US', {
    style: 'currency',
    currency,
  }).format(minor / 100);
}
