import data from '../../resources/calendars/cn-public-holidays.json';
import type { CalendarSpec } from './types';
import { defaultCalendar } from './calendar';

/** A named public holiday of mainland China. */
export interface PublicHoliday {
  day: string;
  nameZh: string;
  nameEn: string;
}

/** The statutory holidays the console ships, every year it knows, in day order. */
export function chinesePublicHolidays(): PublicHoliday[] {
  return Object.values(data.years).flatMap((y) => y.holidays);
}

/** Make-up working days (调休) the console ships; empty until a notice is checked in. */
export function chineseMakeUpWorkdays(): string[] {
  return Object.values(data.years).flatMap((y) => y.workdays as string[]);
}

/** A store calendar in Asia/Shanghai: weekends off (unless told) and public holidays off. */
export function chineseStoreCalendar(weekendDays = defaultCalendar.weekendDays): CalendarSpec {
  return {
    zone: data.zone,
    weekendDays: [...weekendDays],
    holidays: chinesePublicHolidays().map((h) => h.day),
    workdays: chineseMakeUpWorkdays(),
  };
}
