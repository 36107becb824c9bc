import type { Locale } from '../../i18n';

/**
 * A slice's share of the whole in hundredths of a percent, rounded half up from the exact
 * fraction in integers (amounts in fen stay exact below 9 × 10^11). Each slice keeps its own
 * share, as a reader would work it out: echarts' own percent nudges slices so that they add
 * up to 100 and can show 36.85 % for a true 36.84 %. Null when there is no positive whole.
 */
export function shareHundredths(value: number, total: number): number | null {
  if (!(total > 0)) return null;
  const scaled = value * 10_000;
  let q = Math.floor(scaled / total);
  let rest = scaled - q * total;
  // The float quotient can round up to the next whole number: step back to the true floor.
  if (rest < 0) {
    q -= 1;
    rest += total;
  }
  return 2 * rest >= total ? q + 1 : q;
}

/** A slice's exact share with two decimals in the console's language, e.g. 36.84%. */
export function formatShare(value: number, total: number, locale: Locale): string {
  const hundredths = shareHundredths(value, total);
  if (hundredths === null) return '—';
  return new Intl.NumberFormat(locale === 'zh-CN' ? 'zh-CN' : 'en-US', {
    style: 'percent',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(hundredths / 10_000);
}

/**
 * A group's sales as counted in shares: its net when positive, else 0. A net below zero
 * (refunds in the period of sales made before it) would push the others above 100 %; the
 * net itself still counts in the sales figure.
 */
export function countedInShares(fen: number): number {
  return fen > 0 ? fen : 0;
}

/** The whole a pie's slices are shares of: the sum of its positive slices. */
export function pieTotal(values: readonly number[]): number {
  return values.reduce((sum, v) => sum + countedInShares(v), 0);
}
