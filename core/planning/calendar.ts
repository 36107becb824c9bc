import { DateTime, IANAZone } from 'luxon';
import { CoreError } from '../shared/errors';
import type { CalendarSpec, Day } from './types';

const msPerDay = 86_400_000;
/** Working-day indices count from this day; plans live between these years. */
const firstDay = Date.UTC(2000, 0, 1) / msPerDay;
const lastDay = Date.UTC(2199, 11, 31) / msPerDay;
const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The default: Saturday and Sunday off, no holidays, in the stores' zone. */
export const defaultCalendar: CalendarSpec = {
  zone: 'Asia/Shanghai',
  weekendDays: [6, 7],
  holidays: [],
  workdays: [],
};

/**
 * Refuses a project calendar that cannot plan: a zone luxon does not know, weekend days
 * outside Monday 1 … Sunday 7 or repeated, a day both off and a make-up working day, or
 * every day of the week off (make-up days alone cannot carry a plan).
 */
export function checkCalendar(spec: CalendarSpec): void {
  if (!IANAZone.isValidZone(spec.zone)) {
    throw new CoreError(
      'planning.bad_zone',
      `Unknown time zone "${spec.zone}": use a zone name like Asia/Shanghai.`,
      { zone: spec.zone },
    );
  }
  const weekend = spec.weekendDays;
  const badDay = weekend.find(
    (d, i) => !Number.isInteger(d) || d < 1 || d > 7 || weekend.indexOf(d) !== i,
  );
  if (badDay !== undefined) {
    throw new CoreError(
      'planning.bad_weekend',
      `Weekend day ${badDay} is repeated or not a weekday number ` +
        '(1 = Monday … 7 = Sunday); list each day once.',
      { value: badDay },
    );
  }
  if (new Set(weekend).size >= 7) throw noWorkingDays();
  const off = new Set(spec.holidays);
  const both = spec.workdays.find((d) => off.has(d));
  if (both !== undefined) {
    throw new CoreError(
      'planning.day_in_both',
      `${both} is both a day off and a make-up working day; keep it in one list.`,
      { day: both },
    );
  }
}

/** Days since 1970-01-01 of a 'YYYY-MM-DD' business day; refuses impossible dates. */
export function epochDay(day: Day): number {
  const m = dayPattern.exec(day);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  if (!m || Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== day) {
    throw new CoreError('planning.bad_day', `"${day}" is not a date like 2026-12-04.`, { day });
  }
  return ms / msPerDay;
}

/** Day texts already formatted, by epoch day: formatting is the slow part of big plans. */
// Sized up front: filling a far index of an empty array would make it a slow hash table.
const dayTexts: (Day | undefined)[] = new Array<Day | undefined>(lastDay - firstDay + 1);

export function dayOfEpoch(n: number): Day {
  const k = n - firstDay;
  if (k < 0 || k > lastDay - firstDay) return new Date(n * msPerDay).toISOString().slice(0, 10);
  return (dayTexts[k] ??= new Date(n * msPerDay).toISOString().slice(0, 10));
}

/** Adds calendar days (not working days) to a business day. */
export function addCalendarDays(day: Day, n: number): Day {
  return dayOfEpoch(epochDay(day) + n);
}

/** The business day an instant falls on in a store's zone (Asia/Shanghai by default). */
export function businessDayOf(instantMs: number, zone = defaultCalendar.zone): Day {
  const day = DateTime.fromMillis(instantMs, { zone }).toISODate();
  if (!day) throw new CoreError('planning.bad_zone', `Unknown time zone "${zone}".`, { zone });
  return day;
}

/**
 * A project's working calendar. Working days are numbered from 2000-01-01, so the
 * scheduler can do its arithmetic on plain integers: "3 working days later" is +3.
 * The tables grow a year at a time, as far as the plan reaches.
 */
export class WorkCalendar {
  private readonly weekend: Set<number>;
  private readonly holidays: Set<number>;
  private readonly workdays: Set<number>;
  /** indexAt[k]: index of day firstDay+k, or of the next working day when it is off. */
  private readonly indexAt: number[] = [];
  /** dayAt[i]: epoch day of working day i. */
  private readonly days: number[] = [];
  /** Days already read, so that a plan's repeated dates are parsed once. */
  private readonly parsed = new Map<Day, number>();

  constructor(readonly spec: CalendarSpec) {
    this.weekend = new Set(spec.weekendDays);
    this.holidays = new Set(spec.holidays.map(epochDay));
    this.workdays = new Set(spec.workdays.map(epochDay));
  }

  /** Whether staff work on this day under this calendar. */
  isWorkingDay(day: Day): boolean {
    return this.isWorking(epochDay(day));
  }

  /** Index of a day; a day off counts as the next working day. */
  indexOf(day: Day): number {
    const known = this.parsed.get(day);
    if (known !== undefined) return this.indexAt[known - firstDay]!;
    const n = epochDay(day);
    this.coverDay(n);
    this.parsed.set(day, n);
    return this.indexAt[n - firstDay]!;
  }

  /** Index of a day; a day off counts as the previous working day. */
  indexOfOrBefore(day: Day): number {
    const index = this.indexOf(day);
    return this.isWorking(this.parsed.get(day)!) ? index : index - 1;
  }

  /** The working day with this index. */
  dayAt(index: number): Day {
    if (index < 0) throw outOfRange(dayOfEpoch(firstDay));
    while (this.days.length <= index) this.grow();
    return dayOfEpoch(this.days[index]!);
  }

  /** The next working day on or after `day`. */
  onOrAfter(day: Day): Day {
    return this.dayAt(this.indexOf(day));
  }

  /** Moves by working days from a working day (a day off first rounds forward). */
  addWorkingDays(day: Day, n: number): Day {
    return this.dayAt(this.indexOf(day) + n);
  }

  private isWorking(n: number): boolean {
    if (this.workdays.has(n)) return true;
    if (this.holidays.has(n)) return false;
    const isoWeekday = ((((n + 3) % 7) + 7) % 7) + 1; // 1970-01-01 was a Thursday
    return !this.weekend.has(isoWeekday);
  }

  private coverDay(n: number): void {
    if (n < firstDay || n > lastDay) throw outOfRange(dayOfEpoch(n));
    // One extra working day past n, so a day off near the edge has a "next" index.
    while (this.indexAt.length <= n - firstDay + 1) this.grow();
  }

  private grow(): void {
    const from = firstDay + this.indexAt.length;
    // With every weekday off, running past the last year means the make-up days ran out.
    if (from > lastDay && this.weekend.size >= 7) throw noWorkingDays();
    if (from > lastDay) throw outOfRange(dayOfEpoch(from));
    if (this.weekend.size >= 7 && this.workdays.size === 0 && from > firstDay + 3660) {
      throw noWorkingDays();
    }
    for (let n = from; n < from + 366 && n <= lastDay; n++) {
      this.indexAt.push(this.days.length);
      if (this.isWorking(n)) this.days.push(n);
    }
  }
}

function noWorkingDays(): CoreError {
  return new CoreError(
    'planning.no_working_days',
    'The calendar has no working days: every day of the week is a weekend day. ' +
      'Leave at least one weekday as a working day.',
  );
}

function outOfRange(day: Day): CoreError {
  return new CoreError(
    'planning.date_out_of_range',
    `${day} is outside the years a plan can use (2000–2199).`,
    { day },
  );
}

const shared = new Map<string, WorkCalendar>();

/**
 * The calendar for a spec, shared between calls so that its tables are built once
 * per process. Calendars never change once built; a few dozen are kept.
 */
export function calendarFor(spec: CalendarSpec): WorkCalendar {
  const key = JSON.stringify(spec);
  let calendar = shared.get(key);
  if (!calendar) {
    calendar = new WorkCalendar(spec);
    if (shared.size >= 32) shared.delete(shared.keys().next().value!);
    shared.set(key, calendar);
  }
  return calendar;
}
