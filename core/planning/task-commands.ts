import type { ProjectView, TaskStatus } from '../api/planning';
import { CoreError } from '../shared/errors';
import { businessDayOf, calendarFor } from './calendar';
import type { WorkCalendar } from './calendar';
import { checkTransition, freezeStates } from './freeze';
import { assertAcyclic } from './graph';
import { daysWorked } from './happened';
import { parsePredecessors } from './predecessors';
import type { Q } from './repo';
import { loadPlan, projectOfTask, replacePredecessors } from './repo';
import { settle, snapshot } from './settle';
import type { Day, Dependency, Task } from './types';
import { solve } from './views';

/**
 * Sets a task's predecessors from grid text (`3FS+2, 5SS`). Row numbers that do not
 * exist, self-dependencies and cycles are refused with the token or the cycle named;
 * nothing is stored then.
 */
export async function setPredecessors(
  q: Q,
  taskId: number,
  text: string,
  now: number,
): Promise<ProjectView> {
  const projectId = await projectOfTask(q, taskId);
  return setManyPredecessors(q, projectId, [{ taskId, text }], now);
}

/**
 * Sets the predecessors of several tasks at once, as a paste from a spreadsheet
 * does: every row is read first, then the whole result is checked for cycles once,
 * so a paste that is valid as a whole is accepted whatever its row order. A bad
 * row is refused with its row number; nothing is stored then.
 */
export async function setManyPredecessors(
  q: Q,
  projectId: number,
  rows: readonly { taskId: number; text: string }[],
  now: number,
): Promise<ProjectView> {
  const plan = await loadPlan(q, projectId);
  const before = await snapshot(q, projectId);
  const bySeq = new Map(plan.tasks.map((t) => [t.seq, t]));
  const byId = new Map(plan.tasks.map((t) => [t.id, t]));

  const replaced = new Map<number, Dependency[]>();
  for (const row of rows) {
    const task = byId.get(row.taskId);
    if (!task) {
      throw new CoreError(
        'planning.task_not_found',
        `Task #${row.taskId} is not in this project.`,
        {
          taskId: row.taskId,
          projectId,
        },
      );
    }
    replaced.set(task.id, readRow(task, row.text, bySeq, plan.tasks.length));
  }

  const kept = plan.dependencies.filter((d) => !replaced.has(d.successorId));
  const all = [...kept, ...[...replaced.values()].flat()];
  assertAcyclic(
    plan.tasks.map((t) => t.id),
    all,
    labeller(plan.tasks),
  );
  for (const [taskId, deps] of replaced) await replacePredecessors(q, projectId, taskId, deps);
  return settle(q, projectId, before, now);
}

function readRow(
  task: Task,
  text: string,
  bySeq: Map<number, Task>,
  rowCount: number,
): Dependency[] {
  const where = `row ${task.seq} (${task.name})`;
  let refs;
  try {
    refs = parsePredecessors(text);
  } catch (error) {
    if (error instanceof CoreError) {
      throw new CoreError(error.code, `${where}: ${error.message}`, {
        ...error.details,
        seq: task.seq,
      });
    }
    throw error;
  }
  return refs.map((ref) => {
    const pred = bySeq.get(ref.seq);
    if (!pred) {
      throw new CoreError(
        'planning.predecessor_unknown',
        `${where}: there is no task ${ref.seq} in this project (in "${text}"); use a row ` +
          `number from 1 to ${rowCount}.`,
        { seq: ref.seq, text, row: task.seq },
      );
    }
    return { predecessorId: pred.id, successorId: task.id, type: ref.type, lag: ref.lag };
  });
}

/**
 * Moves or resizes a task. Unpinned (a drag), the task never lands before what its
 * predecessors allow: it is placed at the earliest allowed day and `adjusted` says
 * why. Pinned (a date typed by hand), the date is kept and any broken dependency is
 * flagged in the view. Successors move only as far as they must.
 */
export async function moveTask(
  q: Q,
  input: { taskId: number; start: string; duration?: number; pin: boolean },
  now: number,
): Promise<ProjectView> {
  const projectId = await projectOfTask(q, input.taskId);
  const before = await snapshot(q, projectId);
  await q
    .updateTable('planning_tasks')
    .set({
      start_day: input.start,
      pinned: input.pin ? 1 : 0,
      // A done task moved by hand is re-dated: its finish follows its start and duration.
      finish_day: null,
      updated_at: now,
      ...(input.duration === undefined ? {} : { duration_days: input.duration }),
    })
    .where('id', '=', input.taskId)
    .execute();

  const plan = solve(await loadPlan(q, projectId));
  const placed = plan.tasksInfo.find((t) => t.id === input.taskId)!;
  const calendar = calendarFor(plan.project.calendar);
  const wanted = calendar.onOrAfter(input.start);
  const adjusted =
    placed.start !== wanted
      ? {
          taskId: input.taskId,
          requested: input.start,
          placed: placed.start,
          reason: drivers(plan, input.taskId),
        }
      : null;
  return settle(q, projectId, before, now, adjusted);
}

/**
 * Changes a task's status. Starting or finishing a frozen task needs an override
 * reason; it is recorded with the predecessors that held the task. Starting a task
 * makes today (in the project's zone) its actual start; finishing a task makes today
 * its actual finish, kept as the day it was even when the calendar has it off, so
 * successors follow what really happened.
 */
export async function setStatus(
  q: Q,
  input: {
    taskId: number;
    status: TaskStatus;
    overrideReason?: string;
    overrideBy?: string | null;
  },
  now: number,
): Promise<ProjectView> {
  const projectId = await projectOfTask(q, input.taskId);
  const plan = await loadPlan(q, projectId);
  const before = await snapshot(q, projectId);
  const task = plan.tasks.find((t) => t.id === input.taskId)!;
  if (task.status === input.status) return settle(q, projectId, before, now);

  const state = freezeStates(plan.tasks, plan.dependencies).get(task.id)!;
  const overridden = checkTransition(task, input.status, state, input.overrideReason ?? null);
  if (overridden.length > 0) {
    await q
      .insertInto('planning_overrides')
      .values({
        task_id: task.id,
        at: now,
        from_status: task.status,
        to_status: input.status,
        reason: input.overrideReason!.trim(),
        holds_json: JSON.stringify(overridden.map((h) => h.predecessorName)),
        by_name: input.overrideBy?.trim() || null,
      })
      .execute();
  }

  const today = businessDayOf(now, plan.project.calendar.zone);
  const starting = task.status === 'not_started' && input.status === 'in_progress';
  const calendar = calendarFor(plan.project.calendar);
  const done = input.status === 'done' ? finishedDays(task, today, calendar) : null;
  await q
    .updateTable('planning_tasks')
    .set({
      status: input.status,
      updated_at: now,
      // Leaving done forgets the finish; what the task did before stays in its dates.
      finish_day: done?.finish ?? null,
      ...(input.status === 'done' ? { progress: 100 } : {}),
      ...(input.status === 'not_started' ? { progress: 0 } : {}),
      ...(starting ? { start_day: today } : {}),
      ...(done ? { start_day: done.start, duration_days: done.duration } : {}),
    })
    .where('id', '=', task.id)
    .execute();
  return settle(q, projectId, before, now);
}

/**
 * The days of a task being finished today, as they happened: a started task keeps its
 * start; one finished without being started is taken to have started on its planned day,
 * or today when that day is still ahead. Its duration becomes the days it took (days off
 * it was worked on included); a milestone stays a milestone.
 */
function finishedDays(task: Task, today: Day, calendar: WorkCalendar) {
  const planned = task.status === 'in_progress' ? task.start : calendar.onOrAfter(task.start);
  const start = planned < today ? planned : today;
  const duration = task.duration === 0 ? 0 : Math.max(daysWorked(calendar, start, today), 1);
  return { start, finish: today, duration };
}

/** "#3 Design": how a task is named in a cycle or an error. */
export function labeller(tasks: readonly Task[]): (id: number) => string {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  return (id) => {
    const t = byId.get(id);
    return t ? `#${t.seq} ${t.name}` : `#?${id}`;
  };
}

function drivers(plan: ReturnType<typeof solve>, taskId: number): string {
  const info = plan.tasksInfo.find((t) => t.id === taskId)!;
  const preds = plan.dependencies
    .filter((d) => d.successorId === taskId)
    .map((d) => {
      const p = plan.tasksInfo.find((t) => t.id === d.predecessorId)!;
      const lag = d.lag === 0 ? '' : d.lag > 0 ? `+${d.lag}` : `${d.lag}`;
      return `#${p.seq} ${p.name} (${d.type}${lag})`;
    });
  return (
    `"${info.name}" cannot start before ${info.start} because of ` +
    `${preds.join(', ') || 'its planned start'}.`
  );
}
