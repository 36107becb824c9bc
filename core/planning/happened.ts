import type { WorkCalendar } from './calendar';
import type { Day, PlanTask } from './types';

/**
 * What has happened is never moved by the calendar: a task started (or finished) on a day
 * off, a Saturday say, keeps that day. The scheduler still counts in working days, so
 * such a task is placed at its start's working-day index with the length it really
 * takes there; the days it shows are the days it happened on.
 */

/** Whether a task's dates are facts (it has started) rather than a plan. */
export function hasHappened(task: Pick<PlanTask, 'status'>): boolean {
  return task.status === 'in_progress' || task.status === 'done';
}

/**
 * Where a task sits on the working-day line: the index of its start (a day off counts as
 * the next working day) and the working days it takes from there. A started task whose
 * start was a day off worked that day, so it takes one working day less from the index;
 * a done task with its finish day known ends on the last working day up to that day.
 */
export function occupied(
  task: PlanTask,
  calendar: WorkCalendar,
): { index: number; length: number } {
  const index = calendar.indexOf(task.start);
  if (!hasHappened(task)) return { index, length: task.duration };
  if (task.status === 'done' && task.finishedOn) {
    return { index, length: Math.max(calendar.indexOfOrBefore(task.finishedOn) + 1 - index, 0) };
  }
  const offStart = !calendar.isWorkingDay(task.start);
  return { index, length: offStart ? Math.max(task.duration - 1, 0) : task.duration };
}

/**
 * The days a task shows, given its start index and length on the working-day line: a
 * planned task from the calendar; a started one from its own start day, and a done one
 * to the day it was finished when that day is known.
 */
export function shownDays(
  task: PlanTask,
  calendar: WorkCalendar,
  index: number,
  length: number,
): { start: Day; finish: Day } {
  if (!hasHappened(task)) {
    return {
      start: calendar.dayAt(index),
      finish: calendar.dayAt(index + Math.max(length - 1, 0)),
    };
  }
  if (task.status === 'done' && task.finishedOn) {
    return { start: task.start, finish: later(task.start, task.finishedOn) };
  }
  const finish = length === 0 ? task.start : calendar.dayAt(index + length - 1);
  return { start: task.start, finish: later(task.start, finish) };
}

/**
 * Days of work from a start to a finish, both included: the working days between, and the
 * start and finish themselves when they were days off (work happened on them).
 */
export function daysWorked(calendar: WorkCalendar, start: Day, finish: Day): number {
  if (finish < start) return 0;
  const working = calendar.indexOfOrBefore(finish) - calendar.indexOf(start) + 1;
  const offStart = calendar.isWorkingDay(start) ? 0 : 1;
  const offFinish = finish !== start && !calendar.isWorkingDay(finish) ? 1 : 0;
  return Math.max(working, 0) + offStart + offFinish;
}

function later(a: Day, b: Day): Day {
  return a > b ? a : b;
}
