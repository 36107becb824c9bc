import { DateTime } from 'luxon';

/** The stores' time zone unless a store says otherwise. */
export const defaultZone = 'Asia/Shanghai';

/** The business day ('YYYY-MM-DD') an instant falls on in the store's zone. */
export function businessDayOf(at: Date | number, zone: string = defaultZone): string {
  const ms = typeof at === 'number' ? at : at.getTime();
  const day = DateTime.fromMillis(ms, { zone }).toISODate();
  if (!day) throw new Error(`cannot place ${ms} in time zone ${zone}`);
  return day;
}

const isoDay = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The business day `days` days after `day` (negative: before). */
export function addDays(day: string, days: number): string {
  // Calendar arithmetic on UTC midnight: a refresh computes a few of these per call,
  // and a plain Date is many times cheaper than a zoned DateTime.
  const m = isoDay.exec(day);
  if (!m) return DateTime.fromISO(day, { zone: 'utc' }).plus({ days }).toISODate() ?? day;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days);
  return new Date(ms).toISOString().slice(0, 10);
}

/** Whole days from business day `from` to business day `to`. */
export function daysBetween(from: string, to: string): number {
  const a = DateTime.fromISO(from, { zone: 'utc' });
  const b = DateTime.fromISO(to, { zone: 'utc' });
  return Math.round(b.diff(a, 'days').days);
}

/**
 * The business days that bound the metric windows as of an instant: "last N days"
 * is the N business days ending with the as-of instant's own business day.
 */
export interface Windows {
  asOfMs: number;
  day: string;
  from30: string;
  from90: string;
  from365: string;
}

export function windowsAsOf(asOf: Date, zone: string = defaultZone): Windows {
  const day = businessDayOf(asOf, zone);
  return {
    asOfMs: asOf.getTime(),
    day,
    from30: addDays(day, -29),
    from90: addDays(day, -89),
    from365: addDays(day, -364),
  };
}

/** Age in whole years on business day `day` of someone born on `birthDate`. */
export function ageOn(birthDate: string | null, day: string): number | null {
  if (!birthDate || !/^\d{4}-\d{2}-\d{2}/.test(birthDate)) return null;
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5, 10) < birthDate.slice(5, 10) ? years - 1 : years;
}
