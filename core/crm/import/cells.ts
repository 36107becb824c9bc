import { targetFields, type DateOrder, type RowError, type TargetField } from '../../api/imports';
import { normalizeEmail, normalizeMemberId, normalizePhone } from '../identity/normalize';
import { parseLocalDateTime, type LocalDateTime } from './dates';
import type { EffectiveImport } from './mapping';
import { decimalText, decimalToMinor, isMissing } from './numbers';
import type { ZoneClock } from './zone';

const noErrors: RowError[] = [];
// Most rows of most exports carry no phone: they share one empty answer.
const noPhone: { phone?: string; maskedPhone?: string } = Object.freeze({});

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

/**
 * Reads the mapped cells of one row, collecting a RowError (line, header, value,
 * reason) for every cell that cannot be taken. One instance serves a whole file, so
 * it keeps the last date it read: lines of one order share their timestamp.
 */
export class CellReader {
  cells: string[] = [];
  line = 0;
  errors: RowError[] = [];
  private lastDateText: string | null = null;
  private lastMoment: Moment | null = null;

  /**
   * Column index of every target field, -1 when unmapped. A Map: one property lookup
   * site reading some thirty field names from a plain object is slower per cell.
   */
  private readonly index: Map<TargetField, number>;

  constructor(
    private readonly effective: EffectiveImport,
    private readonly dateOrder: DateOrder | null,
    private readonly clock: ZoneClock,
  ) {
    this.index = new Map(targetFields.map((field) => [field, effective.columns[field] ?? -1]));
  }

  start(line: number, cells: string[]): void {
    this.line = line;
    this.cells = cells;
    // Most rows have no error: share one empty list and make a new one on the first error.
    this.errors = noErrors;
  }

  /** The raw cell of a field, or undefined when the field is not mapped. */
  raw(field: TargetField): string | undefined {
    const index = this.index.get(field) ?? -1;
    return index < 0 ? undefined : (this.cells[index] ?? '');
  }

  text(field: TargetField, required = false): string | undefined {
    const raw = this.raw(field);
    if (raw === undefined) return undefined;
    if (cellIsMissing(raw)) return this.missing(field, required);
    return raw.trim();
  }

  number(field: TargetField, required = false): number | undefined {
    const raw = this.raw(field);
    if (raw === undefined) return undefined;
    const text = cellDecimal(raw, this.effective.decimalComma);
    if (text === undefined) return this.missing(field, required);
    if (text === null) return this.fail(field, raw, 'number.invalid', 'is not a number');
    return Number(text);
  }

  integer(field: TargetField): number | undefined {
    const value = this.number(field);
    if (value === undefined || Number.isInteger(value)) return value;
    return this.fail(field, this.raw(field) ?? '', 'number.not_integer', 'is not a whole number');
  }

  money(field: TargetField, required = false): number | undefined {
    const raw = this.raw(field);
    if (raw === undefined) return undefined;
    const text = cellDecimal(raw, this.effective.decimalComma);
    if (text === undefined) return this.missing(field, required);
    if (text === null) return this.fail(field, raw, 'money.invalid', 'is not an amount of money');
    return cellMinor(text, this.effective.currencyExponent);
  }

  moment(field: TargetField, required = false): Moment | undefined {
    const raw = this.raw(field);
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
  calendarDate(field: TargetField): string | undefined {
    const raw = this.raw(field);
    if (raw === undefined) return undefined;
    const local = cellDate(raw, this.dateOrder);
    if (local === 'missing') return undefined;
    if (typeof local === 'string') return this.fail(field, raw, 'date.invalid', this.dateReason());
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${local.year}-${pad(local.month)}-${pad(local.day)}`;
  }

  phone(field: TargetField): { phone?: string; maskedPhone?: string } {
    const raw = this.raw(field);
    if (raw === undefined) return noPhone;
    const key = cellPhone(raw);
    if (key.kind === 'phone') return { phone: key.e164 };
    if (key.kind === 'masked') return { maskedPhone: key.masked };
    if (key.kind === 'invalid') this.fail(field, raw, 'phone.invalid', 'is not a phone number');
    return noPhone;
  }

  email(field: TargetField): string | undefined {
    const raw = this.raw(field);
    if (raw === undefined) return undefined;
    const email = cellEmail(raw);
    if (email === null) return this.fail(field, raw, 'email.invalid', 'is not an e-mail address');
    return email;
  }

  id(field: TargetField, required = false): string | undefined {
    const raw = this.raw(field);
    if (raw === undefined) return undefined;
    return cellId(raw) ?? this.missing(field, required);
  }

  gender(field: TargetField): 'F' | 'M' | undefined {
    const raw = this.raw(field);
    if (raw === undefined) return undefined;
    const text = raw.trim().toLowerCase();
    if (['f', 'female', 'woman', '女', '女士'].includes(text)) return 'F';
    if (['m', 'male', 'man', '男', '男士'].includes(text)) return 'M';
    if (['', 'na', 'u', 'unknown', '未知', '保密'].includes(text)) return undefined;
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
    if (required) this.fail(field, this.raw(field) ?? '', 'value.missing', 'is empty but required');
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
