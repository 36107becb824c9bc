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
  return new Intl.NumberFormat(locale === 'zh-CN' ? 'zh-CN' : 'en-US', {
    style: 'currency',
    currency: 'CNY',
  }).format(fen / 100);
}
