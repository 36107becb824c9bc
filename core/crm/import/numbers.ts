/**
 * Numbers and money as exports write them: `1,234.50`, `1.234,50`, `1 234,50`,
 * `¥12.80`, `R$ 1.299,00`, ` -6`, `(5.00)`, `NA`. Parsing works on the decimal text
 * and never multiplies floats, so money lands in integer minor units exactly.
 *
 * Results: a number; `undefined` when the cell is empty or a missing-value marker;
 * `NaN` when the text is not a number.
 */

const missingMarkers = new Set(['', 'na', 'n/a', '#n/a', 'null', 'nan', 'none', '-', '--']);

/** True when a cell says "no value": empty, `NA`, `N/A`, `NULL`, `-` and the like. */
export function isMissing(raw: string): boolean {
  if (raw.length === 0) return true;
  // Every marker starts with n, N, # or -: a cell starting otherwise (and not with a
  // space) holds a value, decided without trimming, which matters at a million rows.
  const first = raw.charCodeAt(0);
  const maybe = first <= 32 || first === 78 || first === 110 || first === 35 || first === 45;
  if (!maybe && first !== 0xa0 && first !== 0x3000) return false;
  const text = raw.trim();
  return text.length <= 4 && missingMarkers.has(text.toLowerCase());
}

// Longest first, so `R$` and `US$` are removed before `$`.
const currencyMarks = [
  'US$',
  'HK$',
  'R$',
  'RMB',
  'CNY',
  'USD',
  'EUR',
  'GBP',
  'BRL',
  '¥',
  '￥',
  '$',
  '€',
  '£',
  '元',
];

const POINT = 46;
const COMMA = 44;
const MINUS = 45;

/**
 * True for plain decimal text such as `12`, `-6` or `12.80` (with `mark` as the decimal
 * mark): digits, at most one mark with digits on both sides. A loop over char codes
 * rather than a regular expression: it runs for every number cell.
 */
function isPlainDecimal(raw: string, mark: number): boolean {
  const length = raw.length;
  let i = length > 0 && raw.charCodeAt(0) === MINUS ? 1 : 0;
  const wholeStart = i;
  while (i < length && isDigit(raw.charCodeAt(i))) i++;
  if (i === wholeStart) return false;
  if (i === length) return true;
  if (raw.charCodeAt(i) !== mark) return false;
  const fractionStart = ++i;
  while (i < length && isDigit(raw.charCodeAt(i))) i++;
  return i === length && i > fractionStart;
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * The canonical decimal text of a number cell (`-1234.50`), or undefined when missing,
 * or null when it is not a number. With `decimalComma` the comma is the decimal mark
 * and dots group thousands; otherwise the reverse. A value carrying both marks is
 * read by their order (the last one is the decimal mark) whatever the file's setting.
 */
export function decimalText(raw: string, decimalComma = false): string | null | undefined {
  if (!decimalComma && isPlainDecimal(raw, POINT)) return raw;
  if (decimalComma && isPlainDecimal(raw, COMMA)) return raw.replace(',', '.');
  if (isMissing(raw)) return undefined;

  let text = raw.normalize('NFKC').trim();
  let negative = false;
  if (text.startsWith('(') && text.endsWith(')')) {
    negative = true;
    text = text.slice(1, -1).trim();
  }
  text = stripSignAndCurrency(text, (minus) => (negative = negative !== minus));
  text = text.replace(/[\s\u00a0\u2009\u202f']/g, '');
  if (!/^[\d.,]+$/.test(text)) return null;

  const digits = ungroup(text, decimalComma);
  if (digits === null) return null;
  return negative && /[1-9]/.test(digits) ? '-' + digits : digits;
}

/** A number cell as a JavaScript number (quantities, rates). */
export function parseNumber(raw: string, decimalComma = false): number | undefined {
  const text = decimalText(raw, decimalComma);
  if (text === undefined) return undefined;
  return text === null ? NaN : Number(text);
}

/**
 * A money cell in integer minor units (fen, cents), exact: `12.345` → 1235 with
 * `exponent` 2, rounding half away from zero on the digits beyond the minor unit.
 */
export function parseMinor(raw: string, decimalComma = false, exponent = 2): number | undefined {
  const text = decimalText(raw, decimalComma);
  if (text === undefined) return undefined;
  if (text === null) return NaN;
  return decimalToMinor(text, exponent);
}

/** `-12.345` → -1235 (exponent 2): shifts the decimal point in the text, then rounds. */
export function decimalToMinor(text: string, exponent = 2): number {
  const counted = minorByDigits(text, exponent);
  if (counted !== null) return counted;
  const negative = text.startsWith('-');
  const body = negative ? text.slice(1) : text;
  const dot = body.indexOf('.');
  const whole = dot === -1 ? body : body.slice(0, dot);
  const fraction = dot === -1 ? '' : body.slice(dot + 1);
  const kept = fraction.slice(0, exponent).padEnd(exponent, '0');
  let minor = Number((whole || '0') + kept);
  if ((fraction.charCodeAt(exponent) || 0) >= 53 /* '5' */) minor += 1;
  return negative && minor !== 0 ? -minor : minor;
}

/**
 * `decimalToMinor` by char codes, without substrings, for text of at most 15 digits
 * (exact in a double); null for anything else, which the text-shifting path reads.
 */
function minorByDigits(text: string, exponent: number): number | null {
  const length = text.length;
  const negative = length > 0 && text.charCodeAt(0) === MINUS;
  let i = negative ? 1 : 0;
  let minor = 0;
  let digits = 0;
  for (; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code === POINT) break;
    if (!isDigit(code)) return null;
    minor = minor * 10 + (code - 48);
    digits++;
  }
  // Past the point: `exponent` digits are kept (missing ones count as 0), the next rounds.
  const fractionStart = i + 1;
  for (let kept = 0; kept < exponent; kept++) {
    const at = fractionStart + kept;
    const code = at < length ? text.charCodeAt(at) : 48;
    if (!isDigit(code)) return null;
    minor = minor * 10 + (code - 48);
  }
  for (let at = fractionStart + exponent; at < length; at++) {
    if (!isDigit(text.charCodeAt(at))) return null;
  }
  if (digits + exponent > 15) return null;
  const beyond = fractionStart + exponent;
  if (beyond < length && text.charCodeAt(beyond) >= 53 /* '5' */) minor += 1;
  return negative && minor !== 0 ? -minor : minor;
}

/** Removes signs and currency marks on either side of the digits, e.g. `-¥12`, `¥-12`, `12 元`. */
function stripSignAndCurrency(text: string, onMinus: (minus: boolean) => void): string {
  let changed = true;
  while (changed) {
    changed = false;
    const upper = text.toUpperCase();
    for (const mark of currencyMarks) {
      if (upper.startsWith(mark)) {
        text = text.slice(mark.length).trim();
        changed = true;
      } else if (upper.endsWith(mark)) {
        text = text.slice(0, -mark.length).trim();
        changed = true;
      }
    }
    const first = text.charAt(0);
    if (first === '-' || first === '−' || first === '+') {
      if (first !== '+') onMinus(true);
      text = text.slice(1).trim();
      changed = true;
    }
  }
  return text;
}

/** Removes thousands grouping and turns the decimal mark into `.`; null if the grouping is wrong. */
function ungroup(text: string, decimalComma: boolean): string | null {
  const lastDot = text.lastIndexOf('.');
  const lastComma = text.lastIndexOf(',');
  let decimal = decimalComma ? ',' : '.';
  if (lastDot !== -1 && lastComma !== -1) decimal = lastDot > lastComma ? '.' : ',';
  const group = decimal === '.' ? ',' : '.';

  let whole = text;
  let fraction = '';
  const at = text.lastIndexOf(decimal);
  if (at !== -1 && text.indexOf(decimal) === at) {
    whole = text.slice(0, at);
    fraction = text.slice(at + 1);
  } else if (at !== -1) {
    // The decimal mark appears several times: it can only be grouping (`1.234.567`).
    return validGroups(text, decimal) ? text.split(decimal).join('') : null;
  }
  if (fraction.includes(group)) return null;
  if (whole.includes(group) && !validGroups(whole, group)) return null;
  whole = whole.split(group).join('');
  if (whole === '' && fraction === '') return null;
  return fraction ? `${whole || '0'}.${fraction}` : whole;
}

/** `1,234,567` groups as thousands: 1–3 digits, then groups of exactly 3. */
function validGroups(text: string, group: string): boolean {
  const parts = text.split(group);
  const head = parts[0] ?? '';
  if (head.length < 1 || head.length > 3) return false;
  return parts.slice(1).every((part) => part.length === 3);
}

/**
 * Decides from sample cells whether a file writes decimal commas: values such as
 * `12,5` or `1.234,50` vote for the comma, `12.50` or `1,234.50` for the point;
 * `1,234` alone says nothing. Ties and silence mean the point.
 */
export function detectDecimalComma(cells: Iterable<string>): boolean {
  let comma = 0;
  let point = 0;
  for (const raw of cells) {
    // Only a value with a comma or a point can vote; most cells of a sample have neither.
    if (raw.indexOf(',') === -1 && raw.indexOf('.') === -1) continue;
    const text = raw.trim().replace(/^[^\d-]+|[^\d]+$/g, '');
    if (/^-?\d{1,3}(\.\d{3})+,\d+$/.test(text) || /^-?\d+,(\d{1,2}|\d{4,})$/.test(text)) comma++;
    else if (/^-?\d{1,3}(,\d{3})+\.\d+$/.test(text) || /^-?\d+\.(\d{1,2}|\d{4,})$/.test(text)) {
      point++;
    }
  }
  return comma > point;
}
