import { targetFields, type DateOrder, type RowError, type TargetField } from '../../api/imports';
import { normalizeEmail, normalizeMemberId, normalizePhone } from '../identity/normalize';
import { parseLocalDateTime, type LocalDateTime } from './dates';
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
    return raw.trim();
  }

  number(column: number, field: TargetField, required = false): number | undefined {
    const raw = this.raw(column);
    if (raw === undefined) return undefined;
    const text = cellDecimal(raw, this.effective.decimalComma);
    if (text === undefined) return this.missing(field, required);
    if (text === null) return this.fail(field, raw, 'number.invalid', 'is not a number');
    return Number(text);
  }

  integer(column: number, field: TargetField): number | undefined {
    const value = this.number(column, field);
    if (value === undefined || Number.isInteger(value)) return value;
    return this.fail(field, this.raw(column) ?? '', 'number.not_integer', 'is not a whole number');
  }

  money(column: number, field: TargetField, required = false): number | undefined {
    const raw = this.raw(column);
    if (raw === undefined) return undefined;
    const text = cellDecimal(raw, this.effective.decimalComma);
    if (text === undefined) return this.missing(field, required);
    if (text === null) return this.fail(field, raw, 'money.invalid', 'is not an amount of money');
    return cellMinor(text, this.effective.currencyExponent);
  }

  moment(column: number, field: TargetField, required = false): Moment | undefined {
    const raw = this.raw(column);
    if (raw === undefined) return undefined;
    if (raw === this.lastDateText && this.lastMoment) return this.lastMoment;

    const local = cellDate(raw, this.dateOrder);
    if (local === 'missing') return this.missing(field, required);
    if (local === 'order_unknown') {
      const reason = 'could be day-first or month-first; choose the date order of this file';
      return this.fail(field, raw, 'date.order_unknown', reason);
    }
    if (local === 'invalid') return this.fail(field, raw, 'date.invalid', this.dateReason());

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
    if (typeof local === 'string') return this.fail(field, raw, 'date.invalid', this.dateReason());
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
    const said = value === null ? '' : `"${value}" `;
    const where = column === null ? '' : ` in column "${column}"`;
    const error = { line: this.line, column, value, code, reason: `${said}${reason}${where}` };
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

  private dateReason(): string {
    const order = { dmy: 'day-first', mdy: 'month-first', ymd: 'year-first' };
    const hint = this.dateOrder ? ` (this file is read ${order[this.dateOrder]})` : '';
    return `is not a date${hint}`;
  }
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
