import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { maskMaskedPhone } from '../../shared/mask';

/**
 * How a customer's identities are written as keys: phones in E.164, e-mails trimmed
 * and lower-cased, member ids trimmed. The same person exported by two channels
 * (`138 0000 1234` at the till, `+86-138-0000-1234` in the mini-program) gets the
 * same key, which is what lets one customer be found across channels.
 */

export type PhoneKey =
  | { kind: 'phone'; e164: string }
  /**
   * Digits hidden by the exporting platform (`138****1234`): kept for display, never a key.
   * A cell with a mask mark is masked even when the mark hid no digit (`13812341234*`): it
   * is then kept masked the console's way (`138****1234`, see `maskMaskedPhone`).
   */
  | { kind: 'masked'; masked: string }
  | { kind: 'missing' }
  | { kind: 'invalid' };

// Empty phone cells are common: one shared answer instead of an object per cell.
const missingPhone: PhoneKey = Object.freeze({ kind: 'missing' });
const chinaMobile = /^1[3-9]\d{9}$/;
const separators = /[\s\-().\u00a0/]/g;
const maskMarks = /[*＊•●]|[xX×]{2,}/;

/**
 * A phone number as E.164. Chinese mobiles (11 digits, 1[3-9]…) with or without
 * `+86`/`0086`/`86` take a fast path; everything else (landlines such as
 * `010-12345678`, numbers of other countries written with their `+` code) goes to
 * libphonenumber with `defaultRegion` (CN) for numbers written without a country code.
 */
export function normalizePhone(raw: string, defaultRegion: CountryCode = 'CN'): PhoneKey {
  if (raw.length === 11 && chinaMobile.test(raw)) return { kind: 'phone', e164: '+86' + raw };
  let text = raw.trim();
  if (isMissingText(text)) return missingPhone;
  if (!isAscii(text)) text = text.normalize('NFKC');

  if (maskMarks.test(text) && /\d/.test(text)) return maskedPhone(text);

  const compact = text.replace(separators, '');
  const mobile = chinaMobileDigits(compact);
  if (mobile) return { kind: 'phone', e164: '+86' + mobile };

  const international = compact.startsWith('00') ? '+' + compact.slice(2) : compact;
  const parsed = parsePhoneNumberFromString(international, defaultRegion);
  if (!parsed || !parsed.isValid()) return { kind: 'invalid' };
  return { kind: 'phone', e164: parsed.number };
}

function chinaMobileDigits(compact: string): string | null {
  if (chinaMobile.test(compact)) return compact;
  for (const prefix of ['+86', '0086', '86']) {
    if (compact.startsWith(prefix) && chinaMobile.test(compact.slice(prefix.length))) {
      return compact.slice(prefix.length);
    }
  }
  return null;
}

/**
 * `138****1234`, `+86 138 **** 1234`, `138xxxx1234` → `138****1234`. A cell that shows
 * more digits than the console's own mask is masked again, so what is kept hides digits:
 * `13812341234*` → `138****1234`.
 */
function maskedPhone(text: string): PhoneKey {
  let compact = text.replace(separators, '').replace(/[*＊•●]|[xX×](?=[xX×\d])/g, '*');
  for (const prefix of ['+86', '0086']) {
    if (compact.startsWith(prefix)) compact = compact.slice(prefix.length);
  }
  return { kind: 'masked', masked: maskMaskedPhone(compact) };
}

const emailShape = /^[^\s@]+@(?:[^\s@.]+\.)+[^\s@.]{2,}$/;

/** An e-mail trimmed and lower-cased; undefined when empty; null when it is not an address. */
export function normalizeEmail(raw: string): string | null | undefined {
  let text = raw.trim();
  if (isMissingText(text)) return undefined;
  if (!isAscii(text)) text = text.normalize('NFKC');
  text = text.replace(/^mailto:/i, '').toLowerCase();
  return emailShape.test(text) ? text : null;
}

/**
 * A member or account id trimmed; undefined when empty. A spreadsheet that stored ids
 * as numbers writes `17850.0`: the `.0` is dropped so the id matches other exports.
 */
export function normalizeMemberId(raw: string): string | undefined {
  let text = raw.trim();
  if (isMissingText(text)) return undefined;
  if (!isAscii(text)) text = text.normalize('NFKC').trim();
  if (text.includes('.') && /^\d+\.0+$/.test(text)) text = text.slice(0, text.indexOf('.'));
  return text;
}

function isMissingText(text: string): boolean {
  return text === '' || text === 'NA' || text === 'N/A' || text === 'NULL' || text === 'null';
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) return false;
  return true;
}
