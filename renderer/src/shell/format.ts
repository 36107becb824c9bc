import { formatAmount, formatYuan } from '../../../core/shared/money';
import { zonedParts } from '../../../core/shared/zoned-time';
import type { ZonedParts } from '../../../core/shared/zoned-time';
import type { Locale } from '../i18n';

export { formatYuan };

/** The stores' zone: instants are shown as the store saw them. */
const STORE_ZONE = 'Asia/Shanghai';

export function formatNumber(value: number | null | undefined, locale: Locale): string {
  if (value === null || value === undefined) return '—';
  return new Intl.NumberFormat(locale === 'zh-CN' ? 'zh-CN' : 'en-US').format(value);
}

/**
 * An amount in its currency's minor unit (fen by default; whole yen or won, see
 * `minorUnitDigits` in core/shared/money.ts), with that currency's sign: a customer's or
 * order's money is always passed with its own currency, never shown as ¥.
 */
export function formatMoney(
  fen: number | null | undefined,
  locale: Locale,
  currency = 'CNY',
): string {
  if (fen === null || fen === undefined) return '—';
  return currency === 'CNY' ? formatYuan(fen, locale) : formatAmount(fen, currency, locale);
}

/** The yuan's sign as money is written in the console's language: `¥`, or `CN¥` in English. */
export function yuanSign(locale: Locale): string {
  const parts = new Intl.NumberFormat(locale === 'zh-CN' ? 'zh-CN' : 'en-US', {
    style: 'currency',
    currency: 'CNY',
  }).formatToParts(0);
  return parts.find((p) => p.type === 'currency')?.value ?? '¥';
}

export function formatPercent(share: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'zh-CN' ? 'zh-CN' : 'en-US', {
    style: 'percent',
    maximumFractionDigits: 1,
  }).format(share);
}

/** A store's clock at an ISO instant, or null when it is not one. */
function storeClock(iso: string, zone: string): ZonedParts | null {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : zonedParts(ms, zone);
}

const BUSINESS_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The one way the console writes a date: store-local (Asia/Shanghai) 'YYYY-MM-DD', the same
 * in Chinese and English so no reader mistakes day for month. Business days pass through.
 */
export function formatDate(iso: string | null | undefined, _locale: Locale): string {
  if (!iso) return '—';
  if (BUSINESS_DAY.test(iso)) return iso;
  return storeClock(iso, STORE_ZONE)?.date ?? iso;
}

/**
 * The one way the console writes an instant: store-local 'YYYY-MM-DD HH:mm' (24-hour). A
 * store in another zone than Shanghai's (a UK shop's orders) shows its own time, followed by
 * the zone's name in the person's language, e.g. '2011-12-05 17:17 英国时间' ('United
 * Kingdom Time'), so it is never read as Shanghai time.
 */
export function formatDateTime(
  iso: string | null | undefined,
  locale: Locale,
  zone: string = STORE_ZONE,
): string {
  if (!iso) return '—';
  if (BUSINESS_DAY.test(iso)) return iso;
  const clock = storeClock(iso, zone);
  if (!clock) return iso;
  const shown = `${clock.date} ${clock.time}`;
  return zone === STORE_ZONE ? shown : `${shown} ${zoneName(zone, locale)}`;
}

/**
 * A zone by its city as the language says it: 'Europe/London' → '英国时间' / 'United Kingdom
 * Time', 'America/New_York' → '纽约时间' / 'New York Time'.
 */
function zoneName(zone: string, locale: Locale): string {
  const parts = new Intl.DateTimeFormat(locale === 'zh-CN' ? 'zh-CN' : 'en-GB', {
    timeZone: zone,
    timeZoneName: 'shortGeneric',
  }).formatToParts(new Date(0));
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? zone;
}

/** A tag's or field's name in the person's language. */
export function localName(item: { nameZh: string; nameEn: string }, locale: Locale): string {
  return locale === 'zh-CN' ? item.nameZh : item.nameEn;
}

export function localLabel(item: { labelZh: string; labelEn: string }, locale: Locale): string {
  return locale === 'zh-CN' ? item.labelZh : item.labelEn;
}
