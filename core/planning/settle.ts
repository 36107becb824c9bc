import type { ProjectView } from '../api/planning';
import type { ProjectPlan, Q } from './repo';
import { loadPlan, saveStarts } from './repo';
import { solve, toView } from './views';
import type { SolvedPlan } from './views';

/** Effective start of every task, to tell afterwards what a change moved. */
export function startsOf(solved: SolvedPlan): Map<number, string> {
  return new Map(solved.tasksInfo.map((t) => [t.id, t.start]));
}

/**
 * Re-schedules a project after a change and stores the starts the scheduler pushed
 * (only for tasks it may move: not pinned, not started), so that a pushed task stays
 * where it was pushed and never snaps back. Returns the view with what moved.
 */
export async function settle(
  q: Q,
  projectId: number,
  before: Map<number, string>,
  now: number,
  adjusted: ProjectView['adjusted'] = null,
): Promise<ProjectView> {
  const plan = await loadPlan(q, projectId);
  const solved = solve(plan);
  const pushed = solved.tasksInfo
    .filter((t) => t.start !== t.plannedStart && isMovable(plan, t.id))
    .map((t) => ({ id: t.id, start: t.start }));
  await saveStarts(q, pushed, now);
  await q
    .updateTable('planning_projects')
    .set({ updated_at: now })
    .where('id', '=', projectId)
    .execute();

  const after = pushed.length ? solve(withStarts(plan, pushed)) : solved;
  const moved = after.tasksInfo
    .filter((t) => before.has(t.id) && before.get(t.id) !== t.start)
    .map((t) => ({ id: t.id, from: before.get(t.id)!, to: t.start }));
  return toView(after, { moved, adjusted });
}

/** Loads, solves and returns the starts before a change. */
export async function snapshot(q: Q, projectId: number): Promise<Map<number, string>> {
  return startsOf(solve(await loadPlan(q, projectId)));
}

function isMovable(plan: ProjectPlan, taskId: number): boolean {
  const t = plan.tasks.find((x) => x.id === taskId)!;
  return !t.pinned && t.status !== 'in_progress' && t.status !== 'done';
}

function withStarts(plan: ProjectPlan, starts: { id: number; start: string }[]): ProjectPlan {
  const next = new Map(starts.map((s) => [s.id, s.start]));
  return { ...plan, tasks: plan.tasks.map((t) => ({ ...t, start: next.get(t.id) ?? t.start })) };
}
