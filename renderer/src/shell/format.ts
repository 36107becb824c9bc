import { formatYuan } from '../../../core/shared/money';
import type { Locale } from '../i18n';

export { formatYuan };

/** The stores' zone: instants are shown as the store saw them. */
const STORE_ZONE = 'Asia/Shanghai';

export function formatNumber(value: number | null | undefined, locale: Locale): string {
  if (value === null || value === undefined) return '—';
  return new Intl.NumberFormat(locale === 'zh-CN' ? 'zh-CN' : 'en-US').format(value);
}

export function formatMoney(fen: number | null | undefined, locale: Locale): string {
  return fen === null || fen === undefined ? '—' : formatYuan(fen, locale);
}

export function formatPercent(share: number, locale: Locale): string {
  return new Intl.NumberFormat(locale === 'zh-CN' ? 'zh-CN' : 'en-US', {
    style: 'percent',
    maximumFractionDigits: 1,
  }).format(share);
}

/** An ISO instant as a store-local date and time; business days ('YYYY-MM-DD') pass through. */
export function formatInstant(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return '—';
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(locale === 'zh-CN' ? 'zh-CN' : 'en-GB', {
    timeZone: STORE_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
}

export function formatDay(iso: string | null | undefined): string {
  if (!iso) return '—';
  if (/^\d{4}-\d{2}-\d{2}/.test(iso) && iso.length <= 10) return iso;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleDateString('sv-SE', { timeZone: STORE_ZONE });
}

/** A tag's or field's name in the person's language. */
export function localName(item: { nameZh: string; nameEn: string }, locale: Locale): string {
  return locale === 'zh-CN' ? item.nameZh : item.nameEn;
}

export function localLabel(item: { labelZh: string; labelEn: string }, locale: Locale): string {
  return locale === 'zh-CN' ? item.labelZh : item.labelEn;
}
