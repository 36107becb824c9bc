import data from '../../resources/calendars/cn-public-holidays.json';
import type { CalendarSpec } from './types';
import { defaultCalendar } from './calendar';

/** A named day of the national calendar of mainland China. */
export interface PublicHoliday {
  day: string;
  nameZh: string;
  nameEn: string;
}

/**
 * Where a year's State Council arrangement (放假调休) stands in the shipped data:
 * 'unconfirmed' is written from knowledge and must be checked against the notice,
 * 'missing' means only the statutory holidays are known.
 */
export type ArrangementStatus = 'confirmed' | 'unconfirmed' | 'missing';

const years = Object.entries(data.years);

/** The statutory holidays the console ships, every year it knows, in day order. */
export function chinesePublicHolidays(): PublicHoliday[] {
  return years.flatMap(([, y]) => y.holidays);
}

/** Extra days off of the yearly arrangement: bridging days and days given back (调休放假). */
export function chineseBridgeDays(): PublicHoliday[] {
  return years.flatMap(([, y]) => y.bridgeDays);
}

/** Weekend days the yearly arrangement makes working days (调休上班). */
export function chineseMakeUpWorkdays(): PublicHoliday[] {
  return years.flatMap(([, y]) => y.workdays);
}

/** Per year the console knows: whether its arrangement is shipped and checked. */
export function chineseArrangementStatus(): Record<string, ArrangementStatus> {
  return Object.fromEntries(years.map(([year, y]) => [year, y.arrangement as ArrangementStatus]));
}

/**
 * A store calendar in Asia/Shanghai: weekends off (unless told), public holidays and
 * the arrangement's bridging days off, its make-up weekend days on. A project keeps
 * its own copy, so a planner can add or remove days for that project alone.
 */
export function chineseStoreCalendar(weekendDays = defaultCalendar.weekendDays): CalendarSpec {
  const off = [...chinesePublicHolidays(), ...chineseBridgeDays()].map((h) => h.day).sort();
  return {
    zone: data.zone,
    weekendDays: [...weekendDays],
    holidays: off,
    workdays: chineseMakeUpWorkdays().map((h) => h.day),
  };
}
