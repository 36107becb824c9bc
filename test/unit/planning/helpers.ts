import { WorkCalendar, defaultCalendar } from '../../../core/planning/calendar';
import type { Dependency, DependencyType, PlanTask } from '../../../core/planning/types';

/** Saturday and Sunday off, Asia/Shanghai, plus the given holidays. */
export function calendar(holidays: string[] = [], workdays: string[] = []): WorkCalendar {
  return new WorkCalendar({ ...defaultCalendar, holidays, workdays });
}

export function task(id: number, start: string, duration: number, extra: Partial<PlanTask> = {}) {
  return {
    id,
    name: `T${id}`,
    start,
    duration,
    status: 'not_started',
    pinned: false,
    ...extra,
  } satisfies PlanTask;
}

export function dep(pred: number, succ: number, type: DependencyType = 'FS', lag = 0): Dependency {
  return { predecessorId: pred, successorId: succ, type, lag };
}
