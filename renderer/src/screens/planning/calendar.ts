import type { CalendarSpec } from '../../../../core/api/planning';

/**
 * Day arithmetic the Gantt needs while a bar is dragged (the scheduler on the server
 * has the last word): days as 'YYYY-MM-DD', drawn at local midnight.
 */
export function dayToMs(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d).getTime();
}

export function msToDay(ms: number): string {
  const date = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function addDays(day: string, days: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return msToDay(new Date(y, m - 1, d + days).getTime());
}

export function isWorkday(day: string, calendar: CalendarSpec): boolean {
  if (calendar.workdays.includes(day)) return true;
  if (calendar.holidays.includes(day)) return false;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const weekday = new Date(y, m - 1, d).getDay() || 7; // ISO: Monday 1 … Sunday 7
  return !calendar.weekendDays.includes(weekday);
}

/** Working days from `start` to `finish`, both included (0 when finish is before start). */
export function workdaysBetween(start: string, finish: string, calendar: CalendarSpec): number {
  let count = 0;
  for (let day = start; day <= finish && count < 3650; day = addDays(day, 1)) {
    if (isWorkday(day, calendar)) count += 1;
  }
  return count;
}

/** Days as a planner types them: one per line, or separated by commas or spaces. */
export function parseDayList(text: string): { days: string[]; bad: string | null } {
  const tokens = text.split(/[\s,，;；、]+/).filter((x) => x !== '');
  for (const token of tokens) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(token);
    const ok = m && msToDay(dayToMs(token)) === token;
    if (!ok) return { days: [], bad: token };
  }
  return { days: [...new Set(tokens)].sort(), bad: null };
}

/** Days as the calendar dialog shows them: one per line, in order. */
export function dayListText(days: readonly string[]): string {
  return [...days].sort().join('\n');
}
