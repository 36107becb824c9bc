import { CoreError } from '../shared/errors';
import type { WorkCalendar } from './calendar';
import { assertAcyclic, topologicalOrder } from './graph';
import type { Day, Dependency, DependencyType, PlanTask } from './types';

/** A dependency a task's date breaks: it starts before `earliestStart`. */
export interface Violation {
  predecessorId: number;
  type: DependencyType;
  lag: number;
  earliestStart: Day;
}

export interface ScheduledTask {
  id: number;
  start: Day;
  /** Last working day of the task; a milestone's finish is its start. */
  finish: Day;
  lateStart: Day;
  lateFinish: Day;
  /** Working days the task can slip without moving the project's finish. */
  slack: number;
  critical: boolean;
  /** True when dependencies pushed the task past its planned start. */
  shifted: boolean;
  violations: Violation[];
}

export interface Schedule {
  tasks: Map<number, ScheduledTask>;
  start: Day | null;
  finish: Day | null;
  /** One chain of zero-slack tasks from the project's start to its finish, in order. */
  criticalPath: number[];
}

/** Working days the successor's start must follow the predecessor's start by. */
export function startOffset(type: DependencyType, lag: number, pred: number, succ: number) {
  switch (type) {
    case 'FS':
      return pred + lag;
    case 'SS':
      return lag;
    case 'FF':
      return pred + lag - succ;
    case 'SF':
      return lag - succ;
  }
}

/**
 * Places a project's tasks on its working calendar. Forward pass: a task starts on
 * its planned start or as soon as every dependency allows, whichever is later, so a
 * task moves only as far as it must. Tasks with a planner's pinned date, or already
 * started or done, keep their date; a dependency they break is reported, not fixed.
 * Backward pass: latest starts against the project's finish give slack; zero slack
 * is critical. Dependencies touching a cancelled task no longer constrain anything.
 * Cycles are refused with the cycle named.
 */
export function schedule(
  tasks: readonly PlanTask[],
  dependencies: readonly Dependency[],
  calendar: WorkCalendar,
): Schedule {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const ids = tasks.map((t) => t.id);
  const live = dependencies.filter((d) => isLive(d, byId));
  const order = topologicalOrder(ids, live);
  if (!order) {
    assertAcyclic(ids, live, (id) => byId.get(id)?.name ?? `#${id}`);
    throw new CoreError('planning.cycle', 'These dependencies form a cycle.');
  }

  const incoming = groupBy(live, (d) => d.successorId);
  const outgoing = groupBy(live, (d) => d.predecessorId);
  const early = forwardPass(order, byId, incoming, calendar);
  const finishIndex = Math.max(...[...early.values()].map((e) => e.start + e.duration));
  const late = backwardPass(order, byId, outgoing, early, finishIndex);

  const result = new Map<number, ScheduledTask>();
  for (const id of ids) {
    const e = early.get(id)!;
    const lateStart = late.get(id)!;
    const slack = lateStart - e.start;
    result.set(id, {
      id,
      start: calendar.dayAt(e.start),
      finish: calendar.dayAt(e.start + Math.max(e.duration - 1, 0)),
      lateStart: calendar.dayAt(Math.max(lateStart, 0)),
      lateFinish: calendar.dayAt(Math.max(lateStart + Math.max(e.duration - 1, 0), 0)),
      slack,
      critical: slack === 0 && byId.get(id)!.status !== 'cancelled',
      shifted: e.shifted,
      violations: e.violations.map(({ index, ...v }) => ({
        ...v,
        earliestStart: calendar.dayAt(index),
      })),
    });
  }

  const starts = [...early.values()].map((e) => e.start);
  const ends = [...early.values()].map((e) => e.start + Math.max(e.duration - 1, 0));
  return {
    tasks: result,
    start: ids.length ? calendar.dayAt(Math.min(...starts)) : null,
    finish: ids.length ? calendar.dayAt(Math.max(...ends)) : null,
    criticalPath: ids.length ? criticalChain(result, early, incoming, finishIndex) : [],
  };
}

interface Early {
  start: number;
  duration: number;
  shifted: boolean;
  violations: (Omit<Violation, 'earliestStart'> & { index: number })[];
}

function forwardPass(
  order: readonly number[],
  byId: Map<number, PlanTask>,
  incoming: Map<number, Dependency[]>,
  calendar: WorkCalendar,
): Map<number, Early> {
  const early = new Map<number, Early>();
  for (const id of order) {
    const task = byId.get(id)!;
    const planned = calendar.indexOf(task.start);
    const fixed = task.pinned || task.status === 'in_progress' || task.status === 'done';
    let start = planned;
    const needs: Early['violations'] = [];

    for (const d of incoming.get(id) ?? []) {
      const pred = early.get(d.predecessorId)!;
      const required = pred.start + startOffset(d.type, d.lag, pred.duration, task.duration);
      if (fixed && required > planned) {
        needs.push({ predecessorId: d.predecessorId, type: d.type, lag: d.lag, index: required });
      }
      if (!fixed && required > start) start = required;
    }
    early.set(id, {
      start,
      duration: task.duration,
      shifted: start !== planned,
      violations: needs,
    });
  }
  return early;
}

function backwardPass(
  order: readonly number[],
  byId: Map<number, PlanTask>,
  outgoing: Map<number, Dependency[]>,
  early: Map<number, Early>,
  finishIndex: number,
): Map<number, number> {
  const late = new Map<number, number>();
  for (let i = order.length - 1; i >= 0; i--) {
    const id = order[i]!;
    const duration = byId.get(id)!.duration;
    let latest = finishIndex - duration;
    for (const d of outgoing.get(id) ?? []) {
      const succ = early.get(d.successorId)!;
      const bound = late.get(d.successorId)! - startOffset(d.type, d.lag, duration, succ.duration);
      if (bound < latest) latest = bound;
    }
    late.set(id, latest);
  }
  return late;
}

/**
 * Walks back from a zero-slack task that ends the project along dependencies that
 * drive their successor's start exactly (a driving predecessor of a critical task
 * is critical too), until a task that nothing drives: the project's start side.
 */
function criticalChain(
  result: Map<number, ScheduledTask>,
  early: Map<number, Early>,
  incoming: Map<number, Dependency[]>,
  finishIndex: number,
): number[] {
  const last = [...early.entries()].find(
    ([id, e]) => e.start + e.duration === finishIndex && result.get(id)!.critical,
  );
  if (!last) return [];

  const chain = [last[0]];
  for (let id = last[0]; ;) {
    const e = early.get(id)!;
    const driver = (incoming.get(id) ?? []).find((d) => {
      const p = early.get(d.predecessorId)!;
      const required = p.start + startOffset(d.type, d.lag, p.duration, e.duration);
      return required === e.start && result.get(d.predecessorId)!.critical;
    });
    if (!driver) break;
    id = driver.predecessorId;
    chain.push(id);
  }
  return chain.reverse();
}

function isLive(d: Dependency, byId: Map<number, PlanTask>): boolean {
  const p = byId.get(d.predecessorId);
  const s = byId.get(d.successorId);
  return !!p && !!s && p.status !== 'cancelled' && s.status !== 'cancelled';
}

function groupBy<T>(items: readonly T[], key: (item: T) => number): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
