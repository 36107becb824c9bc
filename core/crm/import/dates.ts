import type { DateOrder } from '../../api/imports';

/**
 * Dates and times as exports write them, read into local wall-clock parts. Which of
 * day and month comes first is decided once per file (see date-order.ts) and passed
 * in; a year written first (`2024-05-31`, `2024/5/31`, `2024年5月31日`) is never
 * ambiguous. Also read: Excel serial day numbers (`45000` is 2023-03-15), compact
 * `20240531`, times with seconds, fractions, AM/PM or 上午/下午, and an explicit
 * offset (`Z`, `+08:00`) that then wins over the file's zone.
 *
 * Two-digit years pivot at 70: `00`–`69` are 2000–2069, `70`–`99` are 1970–1999.
 * Years outside 1900–2100 (`0024-05-31`, `2999-01-01`) are typing slips, not sales:
 * they are reported as `year_out_of_range`, never read.
 */

export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** Minutes east of UTC when the text carried its own offset. */
  offsetMinutes?: number;
  /** False when the cell held a date only. */
  hasTime: boolean;
}

export type DateProblem = 'missing' | 'invalid' | 'order_unknown' | 'year_out_of_range';

export const twoDigitYearPivot = 70;

/** The first and last year a date of an export may carry (both included). */
export const firstYear = 1900;
export const lastYear = 2100;

const yearFirst =
  /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:(?:T|\s+|,\s*)(.+))?$/;
const yearLast = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})(?:(?:T|\s+|,\s*)(.+))?$/;
const compact = /^(\d{4})(\d{2})(\d{2})$/;
const serial = /^\d{1,7}(?:\.\d+)?$/;
const timeOfDay =
  /^(上午|下午)?\s*(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*([AaPp][Mm])?\s*(Z|[+-]\d{2}:?\d{2})?$/;

/** Reads a date or date-time cell; `order` says how `a/b/yyyy` is meant (null: not known). */
export function parseLocalDateTime(
  raw: string,
  order: DateOrder | null,
): LocalDateTime | DateProblem {
  const fixed = fixedIso(raw);
  if (fixed !== null) return fixed;
  const text = raw.trim();
  if (text === '' || text === 'NA' || text === 'N/A' || text === 'NULL') return 'missing';

  let match = yearFirst.exec(text);
  if (match) return build(Number(match[1]), Number(match[2]), Number(match[3]), match[4]);

  match = yearLast.exec(text);
  if (match) return fromYearLast(match, order);

  match = compact.exec(text);
  if (match) return build(Number(match[1]), Number(match[2]), Number(match[3]), undefined);

  if (serial.test(text)) return fromExcelSerial(Number(text));
  return 'invalid';
}

function fromYearLast(
  match: RegExpExecArray,
  order: DateOrder | null,
): LocalDateTime | DateProblem {
  const a = Number(match[1]);
  const b = Number(match[2]);
  const yearText = match[3] ?? '';
  if (order === null) return 'order_unknown';
  if (order === 'ymd') {
    // A file declared year-first that writes `19/01/03` means 2019-01-03.
    return yearText.length === 2 ? build(fullYear(a), b, Number(yearText), match[4]) : 'invalid';
  }
  const year = yearText.length === 2 ? fullYear(Number(yearText)) : Number(yearText);
  return order === 'dmy' ? build(year, b, a, match[4]) : build(year, a, b, match[4]);
}

/**
 * The shape most exports write, `2024-05-31 14:03:09` (or with `T`), or `2024-05-31`
 * alone, read by position without regular expressions: it runs for every line of
 * million-line files. Null when the text has another shape (the general path reads it);
 * the result is the one the general path gives for the same text.
 */
function fixedIso(text: string): LocalDateTime | DateProblem | null {
  const length = text.length;
  if (length !== 19 && length !== 10) return null;
  if (text.charCodeAt(4) !== DASH || text.charCodeAt(7) !== DASH) return null;
  const year = digits4(text, 0);
  const month = digits2(text, 5);
  const day = digits2(text, 8);
  if (year < 0 || month < 0 || day < 0) return null;
  if (length === 10) return build(year, month, day, undefined);

  const separator = text.charCodeAt(10);
  if (separator !== SPACE && separator !== LETTER_T) return null;
  if (text.charCodeAt(13) !== COLON || text.charCodeAt(16) !== COLON) return null;
  const hour = digits2(text, 11);
  const minute = digits2(text, 14);
  const second = digits2(text, 17);
  if (hour < 0 || minute < 0 || second < 0) return null;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return 'invalid';
  if (hour > 23 || minute > 59 || second > 59) return 'invalid';
  if (year < firstYear || year > lastYear) return 'year_out_of_range';
  return { year, month, day, hour, minute, second, millisecond: 0, hasTime: true };
}

const DASH = 45;
const COLON = 58;
const SPACE = 32;
const LETTER_T = 84;

/** The number of two ASCII digits at `at`, or -1. */
function digits2(text: string, at: number): number {
  const a = text.charCodeAt(at) - 48;
  const b = text.charCodeAt(at + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

function digits4(text: string, at: number): number {
  const high = digits2(text, at);
  const low = digits2(text, at + 2);
  return high < 0 || low < 0 ? -1 : high * 100 + low;
}

/** Two-digit years: 00–69 → 2000–2069, 70–99 → 1970–1999. */
export function fullYear(twoDigits: number): number {
  return twoDigits < twoDigitYearPivot ? 2000 + twoDigits : 1900 + twoDigits;
}

/**
 * Excel's day number (1900 date system): 1 is 1900-01-01 and, because Excel counts a
 * 29 February 1900 that never was, from 61 on it is days since 1899-12-30. The
 * fraction is the time of day, rounded to the second.
 */
export function fromExcelSerial(value: number): LocalDateTime | DateProblem {
  if (!(value >= 1) || value >= 2958466 || Math.floor(value) === 60) return 'invalid';
  const days = Math.floor(value);
  const epochDays = days < 60 ? days - 25568 : days - 25569;
  const seconds = Math.round((value - days) * 86400);
  const date = new Date((epochDays * 86400 + seconds) * 1000);
  if (date.getUTCFullYear() > lastYear) return 'year_out_of_range';
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
    millisecond: 0,
    hasTime: seconds > 0,
  };
}

function build(
  year: number,
  month: number,
  day: number,
  timeText: string | undefined,
): LocalDateTime | DateProblem {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return 'invalid';
  const result: LocalDateTime = {
    year,
    month,
    day,
    hour: 0,
    minute: 0,
    second: 0,
    millisecond: 0,
    hasTime: false,
  };
  if (timeText !== undefined && !readTime(timeText.trim(), result)) return 'invalid';
  // A real calendar date and time whose year is a slip: said apart from a non-date.
  return year < firstYear || year > lastYear ? 'year_out_of_range' : result;
}

function readTime(text: string, into: LocalDateTime): boolean {
  const match = timeOfDay.exec(text);
  if (!match) return false;
  let hour = Number(match[2]);
  const meridiem = (match[6] ?? match[1] ?? '').toLowerCase();
  if (meridiem) {
    if (hour < 1 || hour > 12) return false;
    const afternoon = meridiem === 'pm' || meridiem === '下午';
    hour = (hour % 12) + (afternoon ? 12 : 0);
  }
  into.hour = hour;
  into.minute = Number(match[3]);
  into.second = match[4] ? Number(match[4]) : 0;
  into.millisecond = match[5] ? Number(match[5].slice(0, 3).padEnd(3, '0')) : 0;
  into.hasTime = true;
  if (match[7]) into.offsetMinutes = offsetMinutes(match[7]);
  return into.hour <= 23 && into.minute <= 59 && into.second <= 59;
}

function offsetMinutes(text: string): number {
  if (text === 'Z') return 0;
  const digits = text.replace(':', '');
  const sign = digits.startsWith('-') ? -1 : 1;
  return sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** What a date cell says about the file's day/month order. */
export type OrderEvidence = 'yearFirst' | 'dayFirst' | 'monthFirst' | 'ambiguous' | 'none';

/** Evidence one cell gives: `13/01/19` proves day-first, `01/13/19` month-first, `01/02/19` nothing. */
export function orderEvidence(raw: string): OrderEvidence {
  const text = raw.trim();
  // `2024-05-31 14:03:09` and `2024-05-31`, the shape most exports write, put the year
  // first: told by position, without the regular expressions (the scan reads 5,000 rows).
  if (fixedIso(text) !== null) return 'yearFirst';
  const match = yearLast.exec(text);
  if (!match) return yearFirst.test(text) ? 'yearFirst' : 'none';
  const a = Number(match[1]);
  const b = Number(match[2]);
  if (a > 12 && b <= 12) return 'dayFirst';
  if (b > 12 && a <= 12) return 'monthFirst';
  return 'ambiguous';
}
