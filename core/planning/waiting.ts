import type { OverrideRecord, WaitingItem } from '../api/planning';
import type { Q } from './repo';
import { loadPlan } from './repo';
import { solve } from './views';

/**
 * What a store manager (or any owner) is waiting on others for: every frozen task
 * that acts on the store (its stores include it) or belongs to the owner, with the
 * predecessors holding it, their owners and when they are due to finish.
 */
export async function waitingOnOthers(
  q: Q,
  filter: { storeId?: number; owner?: string },
): Promise<WaitingItem[]> {
  const projects = await q.selectFrom('planning_projects').select('id').orderBy('id').execute();
  const items: WaitingItem[] = [];

  for (const { id } of projects) {
    const solved = solve(await loadPlan(q, id));
    const byId = new Map(solved.tasksInfo.map((t) => [t.id, t]));
    for (const t of solved.tasksInfo) {
      if (!t.frozen) continue;
      if (filter.storeId !== undefined && !(t.links.storeIds ?? []).includes(filter.storeId)) {
        continue;
      }
      if (filter.owner !== undefined && t.owner !== filter.owner) continue;
      const next = t.status === 'not_started' ? 'start' : 'finish';
      items.push({
        projectId: id,
        projectName: solved.project.name,
        taskId: t.id,
        taskSeq: t.seq,
        taskName: t.name,
        owner: t.owner,
        start: t.start,
        reason: t.frozenReason ?? '',
        waitingOn: t.holds
          .filter((h) => h.blocks === next)
          .map((h) => {
            const p = byId.get(h.predecessorId)!;
            const { name, owner, department, status, finish } = p;
            return { taskId: p.id, name, owner, department, status, finish };
          }),
      });
    }
  }
  return items.sort((a, b) => a.start.localeCompare(b.start) || a.taskId - b.taskId);
}

/** The overrides recorded in a project: who started a frozen task, when and why. */
export async function overrides(q: Q, projectId: number): Promise<OverrideRecord[]> {
  const rows = await q
    .selectFrom('planning_overrides as o')
    .innerJoin('planning_tasks as t', 't.id', 'o.task_id')
    .select([
      'o.task_id',
      't.name',
      'o.at',
      'o.from_status',
      'o.to_status',
      'o.reason',
      'o.holds_json',
      'o.by_name',
      't.seq',
    ])
    .where('t.project_id', '=', projectId)
    .orderBy('o.at')
    .orderBy('o.id')
    .execute();
  return rows.map((r) => ({
    taskId: r.task_id,
    taskName: r.name,
    at: new Date(r.at).toISOString(),
    from: r.from_status,
    to: r.to_status,
    reason: r.reason,
    heldBy: JSON.parse(r.holds_json),
    by: r.by_name,
    taskSeq: r.seq,
  }));
}
