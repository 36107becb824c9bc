import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, DbPlanningProject, DbPlanningTask } from '../db/schema';
import { CoreError } from '../shared/errors';
import type { Dependency, Phase, Project, Task } from './types';

/** The query builder or an open transaction: reads and writes work with either. */
export type Q = Kysely<Database> | Transaction<Database>;

/** A project with everything the scheduler and the views need. */
export interface ProjectPlan {
  project: Project;
  phases: Phase[];
  tasks: Task[];
  dependencies: Dependency[];
}

/** Maps a project row to the domain; JSON columns are written only by this module. */
export function toProject(row: Selectable<DbPlanningProject>): Project {
  return {
    id: row.id,
    name: row.name,
    owner: row.owner,
    goal: row.goal_json ? JSON.parse(row.goal_json) : null,
    scope: JSON.parse(row.scope_json),
    anchorDay: row.anchor_day,
    calendar: JSON.parse(row.calendar_json),
    kpis: JSON.parse(row.kpis_json),
    templateKey: row.template_key,
    templateVersion: row.template_version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function toTask(row: Selectable<DbPlanningTask>): Task {
  return {
    id: row.id,
    projectId: row.project_id,
    phaseId: row.phase_id,
    seq: row.seq,
    key: row.key,
    name: row.name,
    department: row.department,
    owner: row.owner,
    start: row.start_day,
    duration: row.duration_days,
    finishedOn: row.finish_day,
    status: row.status,
    progress: row.progress,
    pinned: row.pinned === 1,
    checklist: JSON.parse(row.checklist_json),
    links: JSON.parse(row.links_json),
  };
}

/** Reads one project and its phases, tasks (by row number) and dependencies. */
export async function loadPlan(q: Q, projectId: number): Promise<ProjectPlan> {
  const row = await q
    .selectFrom('planning_projects')
    .selectAll()
    .where('id', '=', projectId)
    .executeTakeFirst();
  if (!row) {
    throw new CoreError('planning.project_not_found', `No project #${projectId}.`, { projectId });
  }
  const [phases, tasks, deps] = await Promise.all([
    q
      .selectFrom('planning_phases')
      .selectAll()
      .where('project_id', '=', projectId)
      .orderBy('seq')
      .execute(),
    q
      .selectFrom('planning_tasks')
      .selectAll()
      .where('project_id', '=', projectId)
      .orderBy('seq')
      .execute(),
    q
      .selectFrom('planning_dependencies')
      .selectAll()
      .where('project_id', '=', projectId)
      .orderBy('id')
      .execute(),
  ]);
  return {
    project: toProject(row),
    phases: phases.map((p) => ({
      id: p.id,
      projectId: p.project_id,
      seq: p.seq,
      key: p.key,
      name: p.name,
    })),
    tasks: tasks.map(toTask),
    dependencies: deps.map((d) => ({
      predecessorId: d.predecessor_id,
      successorId: d.successor_id,
      type: d.type,
      lag: d.lag_days,
    })),
  };
}

/** The project a task belongs to, or a coded error naming the task. */
export async function projectOfTask(q: Q, taskId: number): Promise<number> {
  const row = await q
    .selectFrom('planning_tasks')
    .select('project_id')
    .where('id', '=', taskId)
    .executeTakeFirst();
  if (!row) throw new CoreError('planning.task_not_found', `No task #${taskId}.`, { taskId });
  return row.project_id;
}

/** Replaces the dependencies of one successor. */
export async function replacePredecessors(
  q: Q,
  projectId: number,
  successorId: number,
  deps: readonly Dependency[],
): Promise<void> {
  await q.deleteFrom('planning_dependencies').where('successor_id', '=', successorId).execute();
  if (deps.length === 0) return;
  await q
    .insertInto('planning_dependencies')
    .values(
      deps.map((d) => ({
        project_id: projectId,
        predecessor_id: d.predecessorId,
        successor_id: successorId,
        type: d.type,
        lag_days: d.lag,
      })),
    )
    .execute();
}

/** Stores the dates the scheduler moved, so successors stay where they were pushed. */
export async function saveStarts(
  q: Q,
  moved: readonly { id: number; start: string }[],
  now: number,
): Promise<void> {
  for (const m of moved) {
    await q
      .updateTable('planning_tasks')
      .set({ start_day: m.start, updated_at: now })
      .where('id', '=', m.id)
      .execute();
  }
}
