import { targetFields, type DateOrder, type RowError, type TargetField } from '../../api/imports';
import { normalizeEmail, normalizeMemberId, normalizePhone } from '../identity/normalize';
import {
  firstYear,
  lastYear,
  orderEvidence,
  parseLocalDateTime,
  type LocalDateTime,
} from './dates';
import type { EffectiveImport } from './mapping';
import { decimalText, decimalToMinor, isMissing } from './numbers';
import type { ZoneClock } from './zone';

const noErrors: RowError[] = [];

type PhoneAnswer = { phone?: string; maskedPhone?: string };
// Most rows of most exports carry no phone: they share one empty answer.
const noPhone: PhoneAnswer = Object.freeze({});

const female = new Set(['f', 'female', 'woman', '女', '女士']);
const male = new Set(['m', 'male', 'man', '男', '男士']);
const noGender = new Set(['', 'na', 'u', 'unknown', '未知', '保密']);

// A customer's phone, gender and birthday come back on each of their lines: the answer
// for a cell's text is kept, up to this many distinct texts per file and kind.
const answersKept = 100_000;

/**
 * Plausible bounds of one cell: an amount beyond ±10^12 fen (¥10 billion) or a quantity
 * beyond ±10^7 is a slip of the keyboard or a broken export, and a longer text than
 * `maxTextLength` characters is no name, code or status. Such a row is rejected with the
 * reason, never stored truncated or as a float in an integer column.
 */
export const maxMinorUnits = 1e12;
export const maxQuantity = 1e7;
export const maxTextLength = 500;

// An error quotes at most this many characters of a cell (a 50 MB cell stays out of logs).
const quotedLength = 60;

// Number words that JavaScript would read but an export never means as a value.
const notNumbers = new Set(['nan', 'infinity', '+infinity', '-infinity', 'inf', '-inf']);

// tsx (which runs the CLI and the benchmark) compiles each module to CommonJS, where a
// call of an imported function goes through two property getters. These helpers run
// for every cell of million-line files, so they are looked up once, here.
const cellIsMissing = isMissing;
const cellDecimal = decimalText;
const cellMinor = decimalToMinor;
const cellDate = parseLocalDateTime;
const cellPhone = normalizePhone;
const cellEmail = normalizeEmail;
const cellId = normalizeMemberId;

/** A moment read from a cell: the UTC instant and the stores' business day. */
export interface Moment {
  utcMs: number;
  businessDay: string;
  local: LocalDateTime;
}

/** Column index of every target field in a file, -1 when the field is not mapped. */
export type Columns = Record<TargetField, number>;

/** The columns of a file as one object of numbers, read by name at fixed call sites. */
export function columnsOf(columns: Partial<Record<TargetField, number>>): Columns {
  const all = {} as Columns;
  for (const field of targetFields) all[field] = columns[field] ?? -1;
  return all;
}

/**
 * Reads the mapped cells of one row, collecting a RowError (line, header, value,
 * reason) for every cell that cannot be taken. Each reading method takes the cell's
 * column (from `Columns`, -1 when unmapped: the value is then undefined) and its field
 * (named in errors). One instance serves a whole file, so it keeps the last date it
 * read (lines of one order share their timestamp) and the answers for repeated texts.
 */
export class CellReader {
  cells: string[] = [];
  line = 0;
  errors: RowError[] = [];
  private lastDateText: string | null = null;
  private lastMoment: Moment | null = null;
  private readonly phones = new Map<string, PhoneAnswer>();
  private readonly birthDates = new Map<string, string>();

  constructor(
    private readonly effective: EffectiveImport,
    private readonly dateOrder: DateOrder | null,
    private readonly clock: ZoneClock,
  ) {}

  start(line: number, cells: string[]): void {
    this.line = line;
    this.cells = cells;
    // Most rows have no error: share one empty list and make a new one on the first error.
    this.errors = noErrors;
  }

  /** The raw cell of a column, or undefined when the field is not mapped (-1). */
  raw(column: number): string | undefined {
    return column < 0 ? undefined : (this.cells[column] ?? '');
  }

  text(column: number, field: TargetField, required = false): string | undefined {
    const raw = this.raw(column);
    if (raw === undefined) return undefined;
    if (cellIsMissing(raw)) return this.missing(field, required);
    if (raw.length > maxTextLength) return this.tooLong(field, raw);
    return raw.trim();
  }

  /** A quantity: at most `limit` either side of zero. */
  number(
    column: number,
    field: TargetField,
    required = false,
    limit = maxQuantity,
  ): number | undefined {
    const raw = this.raw(column);
    if (raw === undefined) return undefined;
    const text = cellDecimal(raw, this.effective.decimalComma);
    if (text === null || (text === undefined && isNotNumber(raw))) {
      return this.fail(field, raw, 'number.invalid', 'is not a number');
    }
    if (text === undefined) return this.missing(field, required);
    const value = Number(text);
    if (Math.abs(value) <= limit) return value;
    const bound = limit.toLocaleString('en-US');
    return this.fail(
      field,
      raw,
      'number.out_of_range',
      `is beyond ±${bound}, not a plausible value`,
    );
  }

  /** A whole number such as a line number: any safe integer. */
  integer(column: number, field: TargetField): number | undefined {
    const value = this.number(column, field, false, Number.MAX_SAFE_INTEGER);
    if (value === undefined || Number.isInteger(value)) return value;
    return this.fail(field, this.raw(column) ?? '', 'number.not_integer', 'is not a whole number');
  }

  money(column: number, field: TargetField, required = false): number | undefined {
    const raw = this.raw(column);
    if (raw === undefined) return undefined;
    const text = cellDecimal(raw, this.effective.decimalComma);
    if (text === null || (text === undefined && isNotNumber(raw))) {
      return this.fail(field, raw, 'money.invalid', 'is not an amount of money');
    }
    if (text === undefined) return this.missing(field, required);
    const minor = cellMinor(text, this.effective.currencyExponent);
    if (Number.isSafeInteger(minor) && Math.abs(minor) <= maxMinorUnits) return minor;
    const bound = (maxMinorUnits / 10 ** this.effective.currencyExponent).toLocaleString('en-US');
    const reason = `is beyond ±${bound} (in the file's currency), not a plausible amount`;
    return this.fail(field, raw, 'money.out_of_range', reason);
  }

  moment(column: number, field: TargetField, required = false): Moment | undefined {
    const raw = this.raw(column);
    if (raw === undefined) return undefined;
    if (raw === this.lastDateText && this.lastMoment) return this.lastMoment;

    const local = cellDate(raw, this.dateOrder);
    if (local === 'missing') return this.missing(field, required);
    if (typeof local === 'string') return this.badDate(field, raw, local);

    const utcMs = this.clock.toUtc(local);
    const moment = { utcMs, businessDay: this.clock.businessDay(utcMs, local), local };
    this.lastDateText = raw;
    this.lastMoment = moment;
    return moment;
  }

  /** A calendar date such as a birthday, as 'YYYY-MM-DD' (no zone: it is not an instant). */
  calendarDate(column: number, field: TargetField): string | undefined {
    const raw = this.raw(column);
    if (raw === undefined) return undefined;
    const known = this.birthDates.get(raw);
    if (known !== undefined) return known;

    const local = cellDate(raw, this.dateOrder);
    if (local === 'missing') return undefined;
    if (typeof local === 'string') return this.badDate(field, raw, local);
    const date = `${local.year}-${pad2(local.month)}-${pad2(local.day)}`;
    if (this.birthDates.size < answersKept) this.birthDates.set(raw, date);
    return date;
  }

  phone(column: number, field: TargetField): PhoneAnswer {
    const raw = this.raw(column);
    if (raw === undefined) return noPhone;
    const known = this.phones.get(raw);
    if (known !== undefined) return known;

    const key = cellPhone(raw);
    if (key.kind === 'invalid') {
      this.fail(field, raw, 'phone.invalid', 'is not a phone number');
      return noPhone;
    }
    let answer = noPhone;
    if (key.kind === 'phone') answer = Object.freeze({ phone: key.e164 });
    if (key.kind === 'masked') answer = Object.freeze({ maskedPhone: key.masked });
    if (this.phones.size < answersKept) this.phones.set(raw, answer);
    return answer;
  }

  email(column: number, field: TargetField): string | undefined {
    const raw = this.raw(column);
    if (raw === undefined) return undefined;
    const email = cellEmail(raw);
    if (email === null) return this.fail(field, raw, 'email.invalid', 'is not an e-mail address');
    return email;
  }

  id(column: number, field: TargetField, required = false): string | undefined {
    const raw = this.raw(column);
    if (raw === undefined) return undefined;
    if (raw.length > maxTextLength) return this.tooLong(field, raw);
    return cellId(raw) ?? this.missing(field, required);
  }

  gender(column: number, field: TargetField): 'F' | 'M' | undefined {
    const raw = this.raw(column);
    if (raw === undefined) return undefined;
    const text = raw.trim().toLowerCase();
    if (female.has(text)) return 'F';
    if (male.has(text)) return 'M';
    if (noGender.has(text)) return undefined;
    return this.fail(field, raw, 'gender.invalid', 'is not a gender (男/女, F/M)');
  }

  /** Records a problem with the row as a whole or with a named field. */
  fail(field: TargetField | null, value: string | null, code: string, reason: string): undefined {
    const column = field === null ? null : this.header(field);
    const shown = value !== null && value.length > quotedLength ? quote(value) : value;
    const said = shown === null ? '' : `"${shown}" `;
    const where = column === null ? '' : ` in column "${column}"`;
    const error = {
      line: this.line,
      column,
      value: shown,
      code,
      reason: `${said}${reason}${where}`,
    };
    this.errors = this.errors === noErrors ? [error] : [...this.errors, error];
    return undefined;
  }

  private missing(field: TargetField, required: boolean): undefined {
    const raw = this.raw(this.effective.columns[field] ?? -1) ?? '';
    if (required) this.fail(field, raw, 'value.missing', 'is empty but required');
    return undefined;
  }

  private header(field: TargetField): string | null {
    const index = this.effective.columns[field];
    return index === undefined ? null : (this.effective.headers[index] ?? null);
  }

  private tooLong(field: TargetField, raw: string): undefined {
    const reason = `has ${raw.length} characters, more than the ${maxTextLength} a value may have`;
    return this.fail(field, raw, 'text.too_long', reason);
  }

  /** A date cell that could not be read ('missing' is handled by the caller). */
  private badDate(field: TargetField, raw: string, problem: string): undefined {
    if (problem === 'year_out_of_range') {
      const reason = `has a year outside ${firstYear}–${lastYear}`;
      return this.fail(field, raw, 'date.year_out_of_range', reason);
    }
    if (problem === 'order_unknown') {
      const reason = 'could be day-first or month-first; choose the date order of this file';
      return this.fail(field, raw, 'date.order_unknown', reason);
    }
    return this.fail(field, raw, 'date.invalid', this.dateReason(raw));
  }

  private dateReason(raw: string): string {
    // The file's order only matters to a value written `a/b/c`: a year-first value is
    // read the same whatever the order, so the remark would mislead.
    const evidence = orderEvidence(raw);
    const orderMatters = evidence !== 'yearFirst' && evidence !== 'none';
    const order = { dmy: 'day-first', mdy: 'month-first', ymd: 'year-first' };
    const hint =
      this.dateOrder && orderMatters ? ` (this file is read ${order[this.dateOrder]})` : '';
    return `is not a date${hint}`;
  }
}

/** `NaN`, `Infinity` and the like: number words, not numbers (isMissing takes `nan` as empty). */
function isNotNumber(raw: string): boolean {
  const text = raw.trim().toLowerCase();
  return text.length >= 3 && notNumbers.has(text);
}

/** The start of a long cell, marked as cut. */
function quote(value: string): string {
  return `${value.slice(0, quotedLength)}…`;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
