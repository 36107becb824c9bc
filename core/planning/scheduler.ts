import { CoreError } from '../shared/errors';
import type { WorkCalendar } from './calendar';
import { assertAcyclic } from './graph';
import { occupied, shownDays } from './happened';
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
  /**
   * Working days the task can slip before it moves the project's finish or eats into
   * a buffer the plan keeps (see `buffer`): slack counts dependency room only.
   */
  slack: number;
  /**
   * Working days between the earliest day its dependencies allow and its start: room
   * a planned start (a template offset, a date kept when a predecessor moved back)
   * leaves in front of the task. 0 for a task with no predecessor.
   */
  buffer: number;
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
 * A started or done task shows the days it happened on, days off included (happened.ts),
 * and the project spans its earliest start to its latest finish as shown.
 * Backward pass: latest starts against the project's finish give slack, where the
 * buffer in front of a planned start does not count: a task driving a critical task
 * is critical even when that task waits for its planned day. Zero slack is critical.
 * Dependencies touching a cancelled task no longer constrain anything.
 * Cycles are refused with the cycle named.
 */
export function schedule(
  tasks: readonly PlanTask[],
  dependencies: readonly Dependency[],
  calendar: WorkCalendar,
): Schedule {
  const spans = tasks.map((t) => occupied(t, calendar));
  const net = network(
    tasks,
    dependencies,
    spans.map((x) => x.length),
  );
  const order = topologicalOrder(net);
  if (!order) {
    assertAcyclic(net.ids, net.live, (id) => tasks[net.index.get(id)!]!.name);
    throw new CoreError('planning.cycle', 'These dependencies form a cycle.');
  }

  const planned = spans.map((x) => x.index);
  const early = forwardPass(net, order, tasks, planned);
  const finishIndex = maxOf(tasks.length, (i) => early.start[i]! + net.duration[i]!);
  const lateStart = backwardPass(net, order, early, finishIndex);

  const result = new Map<number, ScheduledTask>();
  const last = (start: number, i: number) => start + Math.max(net.duration[i]! - 1, 0);
  tasks.forEach((t, i) => {
    const start = early.start[i]!;
    const slack = lateStart[i]! - start;
    result.set(t.id, {
      id: t.id,
      ...shownDays(t, calendar, start, net.duration[i]!),
      lateStart: calendar.dayAt(Math.max(lateStart[i]!, 0)),
      lateFinish: calendar.dayAt(Math.max(last(lateStart[i]!, i), 0)),
      slack,
      buffer: early.bound[i]! === noBound ? 0 : Math.max(start - early.bound[i]!, 0),
      critical: slack === 0 && t.status !== 'cancelled',
      shifted: start !== planned[i],
      violations: (early.violations.get(i) ?? []).map(({ index, ...v }) => ({
        ...v,
        earliestStart: calendar.dayAt(index),
      })),
    });
  });

  const n = tasks.length;
  const shown = [...result.values()];
  return {
    tasks: result,
    start: n ? shown.reduce((a, x) => (x.start < a ? x.start : a), shown[0]!.start) : null,
    finish: n ? shown.reduce((a, x) => (x.finish > a ? x.finish : a), shown[0]!.finish) : null,
    criticalPath: n
      ? criticalChain(net, order, early, lateStart, finishIndex, (i) => tasks[i]!.status)
      : [],
  };
}

/**
 * The plan as arrays over task positions 0…n-1, with the live dependencies (none
 * touching a cancelled task) listed per successor and per predecessor in their
 * original order. Large plans are scheduled on this without maps or objects.
 */
interface Network {
  ids: number[];
  index: Map<number, number>;
  duration: Int32Array;
  /** Per live edge: its position in `dependencies`, the dependency, both ends, its offset. */
  edges: number[];
  live: Dependency[];
  pred: Int32Array;
  succ: Int32Array;
  offset: Int32Array;
  /** Edges into task i: inEdges[inStart[i] … inStart[i+1]). Likewise out. */
  inStart: Int32Array;
  inEdges: Int32Array;
  outStart: Int32Array;
  outEdges: Int32Array;
}

/** `lengths`: the working days each task takes on the line (its duration, or what happened). */
function network(
  tasks: readonly PlanTask[],
  dependencies: readonly Dependency[],
  lengths: readonly number[],
): Network {
  const n = tasks.length;
  const index = new Map<number, number>();
  tasks.forEach((t, i) => index.set(t.id, i));
  const duration = Int32Array.from(lengths);

  const edges: number[] = [];
  dependencies.forEach((d, e) => {
    const p = index.get(d.predecessorId);
    const s = index.get(d.successorId);
    if (p === undefined || s === undefined) return;
    if (tasks[p]!.status === 'cancelled' || tasks[s]!.status === 'cancelled') return;
    edges.push(e);
  });
  const m = edges.length;
  const pred = new Int32Array(m);
  const succ = new Int32Array(m);
  const offset = new Int32Array(m);
  edges.forEach((e, k) => {
    const d = dependencies[e]!;
    pred[k] = index.get(d.predecessorId)!;
    succ[k] = index.get(d.successorId)!;
    offset[k] = startOffset(d.type, d.lag, duration[pred[k]!]!, duration[succ[k]!]!);
  });

  const [inStart, inEdges] = adjacency(n, succ);
  const [outStart, outEdges] = adjacency(n, pred);
  const ids = tasks.map((t) => t.id);
  const live = edges.map((e) => dependencies[e]!);
  return {
    ids,
    index,
    duration,
    edges,
    live,
    pred,
    succ,
    offset,
    inStart,
    inEdges,
    outStart,
    outEdges,
  };
}

/** Compressed lists of edges per task (by the task at `end` of each edge), in edge order. */
function adjacency(n: number, end: Int32Array): [Int32Array, Int32Array] {
  const start = new Int32Array(n + 1);
  for (const t of end) start[t + 1]!++;
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
  const fill = start.slice(0, n);
  const list = new Int32Array(end.length);
  end.forEach((t, k) => (list[fill[t]!++] = k));
  return [start, list];
}

/** Kahn's algorithm over task positions; null when the live dependencies hold a cycle. */
function topologicalOrder(net: Network): Int32Array | null {
  const n = net.ids.length;
  const indegree = new Int32Array(n);
  for (const s of net.succ) indegree[s]!++;
  const order = new Int32Array(n);
  let filled = 0;
  for (let i = 0; i < n; i++) if (indegree[i] === 0) order[filled++] = i;
  for (let head = 0; head < filled; head++) {
    const p = order[head]!;
    for (let k = net.outStart[p]!; k < net.outStart[p + 1]!; k++) {
      const s = net.succ[net.outEdges[k]!]!;
      if (--indegree[s]! === 0) order[filled++] = s;
    }
  }
  return filled === n ? order : null;
}

/** The bound of a task no live dependency constrains. */
const noBound = -0x80000000;

interface Early {
  start: Int32Array;
  /** The earliest start its dependencies alone allow (the binding constraint), or noBound. */
  bound: Int32Array;
  violations: Map<number, (Omit<Violation, 'earliestStart'> & { index: number })[]>;
}

function forwardPass(
  net: Network,
  order: Int32Array,
  tasks: readonly PlanTask[],
  planned: number[],
): Early {
  const start = new Int32Array(tasks.length);
  const bound = new Int32Array(tasks.length).fill(noBound);
  const violations: Early['violations'] = new Map();
  for (const i of order) {
    const task = tasks[i]!;
    const fixed = task.pinned || task.status === 'in_progress' || task.status === 'done';
    let s = planned[i]!;
    for (let k = net.inStart[i]!; k < net.inStart[i + 1]!; k++) {
      const e = net.inEdges[k]!;
      const required = start[net.pred[e]!]! + net.offset[e]!;
      if (required > bound[i]!) bound[i] = required;
      if (!fixed) {
        if (required > s) s = required;
      } else if (required > planned[i]!) {
        const { predecessorId, type, lag } = net.live[e]!;
        const list = violations.get(i) ?? [];
        list.push({ predecessorId, type, lag, index: required });
        violations.set(i, list);
      }
    }
    start[i] = s;
  }
  return { start, bound, violations };
}

/**
 * Latest starts against the project's finish. A successor's latest start minus its
 * buffer is the latest its binding constraint may reach, so a predecessor's room is
 * measured against that: `late[s] - (start[s] - bound[s]) - offset`.
 */
function backwardPass(
  net: Network,
  order: Int32Array,
  early: Early,
  finishIndex: number,
): Int32Array {
  const late = new Int32Array(early.start.length);
  for (let j = order.length - 1; j >= 0; j--) {
    const i = order[j]!;
    let latest = finishIndex - net.duration[i]!;
    for (let k = net.outStart[i]!; k < net.outStart[i + 1]!; k++) {
      const e = net.outEdges[k]!;
      const s = net.succ[e]!;
      const limit = late[s]! - early.start[s]! + early.bound[s]! - net.offset[e]!;
      if (limit < latest) latest = limit;
    }
    late[i] = latest;
  }
  return late;
}

/**
 * Walks back from a zero-slack task that ends the project along binding dependencies
 * (those giving their successor's earliest allowed start; the binding predecessor of
 * a critical task is critical too), until a task no dependency constrains.
 */
function criticalChain(
  net: Network,
  order: Int32Array,
  { start: early, bound }: Early,
  late: Int32Array,
  finishIndex: number,
  status: (i: number) => PlanTask['status'],
): number[] {
  const critical = (i: number) => late[i] === early[i] && status(i) !== 'cancelled';
  const last = order.find((i) => early[i]! + net.duration[i]! === finishIndex && critical(i));
  if (last === undefined) return [];

  const chain = [last];
  for (let i = last; ;) {
    let driver = -1;
    for (let k = net.inStart[i]!; k < net.inStart[i + 1]! && driver < 0; k++) {
      const e = net.inEdges[k]!;
      const p = net.pred[e]!;
      if (early[p]! + net.offset[e]! === bound[i] && critical(p)) driver = p;
    }
    if (driver < 0) break;
    chain.push(driver);
    i = driver;
  }
  return chain.reverse().map((i) => net.ids[i]!);
}

function maxOf(n: number, value: (i: number) => number): number {
  let best = -Infinity;
  for (let i = 0; i < n; i++) best = Math.max(best, value(i));
  return best;
}
