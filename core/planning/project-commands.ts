import type { ProjectView } from '../api/planning';
import { CoreError } from '../shared/errors';
import { businessDayOf, checkCalendar, defaultCalendar } from './calendar';
import { checkGoal } from './goal';
import type { InstantiateOptions } from './instantiate';
import { instantiate } from './instantiate';
import { parseTemplate } from './templates';
import type { Template } from './templates';
import type { Q } from './repo';
import { loadPlan, projectOfTask } from './repo';
import { settle, snapshot } from './settle';
import { checkStoreIds } from './stores';
import { setPredecessors } from './task-commands';
import type { CalendarSpec, ChecklistItem, Goal, Scope, TaskLinks } from './types';

/**
 * Creates a project from a template: dated from the anchor, with its phases, tasks
 * and dependencies; a task's audience tag is linked when a tag with the template's
 * tag key exists. Returns the new project's id.
 */
export async function createFromTemplate(
  q: Q,
  template: Template,
  options: InstantiateOptions,
  now: number,
): Promise<number> {
  parseTemplate(template, `"${template.key}"`);
  const zone = options.calendar?.zone ?? defaultCalendar.zone;
  const planned = instantiate(template, { ...options, today: businessDayOf(now, zone) });
  checkGoal(givenGoal(planned.goal, options), { target: 'goalTarget', baseline: 'goalBaseline' });
  await checkStoreIds(q, options.scope.storeIds, 'scope.storeIds');
  const { id: projectId } = await q
    .insertInto('planning_projects')
    .values({
      name: planned.name,
      owner: planned.owner,
      goal_json: JSON.stringify(planned.goal),
      scope_json: JSON.stringify(planned.scope),
      anchor_day: planned.anchorDay,
      calendar_json: JSON.stringify(planned.calendar),
      kpis_json: JSON.stringify(planned.kpis),
      template_key: planned.templateKey,
      template_version: planned.templateVersion,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  const phaseIds = new Map<string, number>();
  for (const [i, p] of planned.phases.entries()) {
    const row = await q
      .insertInto('planning_phases')
      .values({ project_id: projectId, seq: i + 1, key: p.key, name: p.name })
      .returning('id')
      .executeTakeFirstOrThrow();
    phaseIds.set(p.key, row.id);
  }

  const tags = await tagIds(
    q,
    planned.tasks.map((t) => t.links.tagKey ?? null),
  );
  const taskIds = new Map<string, number>();
  for (const [i, t] of planned.tasks.entries()) {
    const tagId = t.links.tagKey ? (tags.get(t.links.tagKey) ?? null) : null;
    const row = await q
      .insertInto('planning_tasks')
      .values({
        project_id: projectId,
        phase_id: phaseIds.get(t.phaseKey) ?? null,
        seq: i + 1,
        key: t.key,
        name: t.name,
        department: t.department,
        owner: null,
        start_day: t.start,
        duration_days: t.duration,
        status: 'not_started',
        checklist_json: JSON.stringify(t.checklist),
        links_json: JSON.stringify({ ...t.links, tagId }),
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    taskIds.set(t.key, row.id);
  }

  if (planned.dependencies.length > 0) {
    await q
      .insertInto('planning_dependencies')
      .values(
        planned.dependencies.map((d) => ({
          project_id: projectId,
          predecessor_id: taskIds.get(d.predecessorKey)!,
          successor_id: taskIds.get(d.successorKey)!,
          type: d.type,
          lag_days: d.lag,
        })),
      )
      .execute();
  }
  return projectId;
}

/**
 * The goal values a planner gave when making a project from a template, in the template's
 * unit: a template's own target of 0 ("not set yet") is not the planner's and stays.
 */
function givenGoal(goal: Goal, options: InstantiateOptions) {
  const targetGiven = options.goalTarget !== undefined;
  return {
    unit: goal.unit,
    target: targetGiven ? goal.target : undefined,
    baseline: targetGiven || options.goalBaseline !== undefined ? goal.baseline : undefined,
  };
}

/** Changes a project's name, owner, goal, scope or calendar; a new calendar re-dates it. */
export async function updateProject(
  q: Q,
  input: {
    projectId: number;
    name?: string;
    owner?: string | null;
    goal?: Goal | null;
    scope?: Scope;
    calendar?: CalendarSpec;
  },
  now: number,
): Promise<ProjectView> {
  if (input.calendar) checkCalendar(input.calendar);
  if (input.goal) checkGoal(input.goal, { target: 'goal.target', baseline: 'goal.baseline' });
  if (input.scope) await checkStoreIds(q, input.scope.storeIds, 'scope.storeIds');
  const before = await snapshot(q, input.projectId);
  await q
    .updateTable('planning_projects')
    .set({
      updated_at: now,
      ...(input.name === undefined ? {} : { name: input.name }),
      ...(input.owner === undefined ? {} : { owner: input.owner }),
      ...(input.goal === undefined ? {} : { goal_json: input.goal && JSON.stringify(input.goal) }),
      ...(input.scope ? { scope_json: JSON.stringify(input.scope) } : {}),
      ...(input.calendar ? { calendar_json: JSON.stringify(input.calendar) } : {}),
    })
    .where('id', '=', input.projectId)
    .execute();
  return settle(q, input.projectId, before, now);
}

export interface NewTask {
  projectId: number;
  phaseId?: number | null;
  name: string;
  department?: string | null;
  owner?: string | null;
  start?: string;
  duration: number;
  predecessors?: string;
  checklist?: ChecklistItem[];
  links?: TaskLinks;
}

/** Adds a task as the project's last row; predecessors may be given as grid text. */
export async function createTask(q: Q, input: NewTask, now: number): Promise<ProjectView> {
  const plan = await loadPlan(q, input.projectId);
  await checkStoreIds(q, input.links?.storeIds ?? [], 'links.storeIds');
  const seq = Math.max(0, ...plan.tasks.map((t) => t.seq)) + 1;
  const keys = new Set(plan.tasks.map((t) => t.key));
  let key = `task-${seq}`;
  while (keys.has(key)) key += '-x';

  const { id } = await q
    .insertInto('planning_tasks')
    .values({
      project_id: input.projectId,
      phase_id: input.phaseId ?? null,
      seq,
      key,
      name: input.name,
      department: input.department ?? null,
      owner: input.owner ?? null,
      start_day: input.start ?? plan.project.anchorDay,
      duration_days: input.duration,
      status: 'not_started',
      checklist_json: JSON.stringify(input.checklist ?? []),
      links_json: JSON.stringify(input.links ?? {}),
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return setPredecessors(q, id, input.predecessors ?? '', now);
}

/** Edits a task's fields; a new duration re-dates its successors. */
export async function updateTask(
  q: Q,
  input: {
    taskId: number;
    phaseId?: number | null;
    name?: string;
    department?: string | null;
    owner?: string | null;
    duration?: number;
    progress?: number;
    checklist?: ChecklistItem[];
    links?: TaskLinks;
  },
  now: number,
): Promise<ProjectView> {
  const projectId = await projectOfTask(q, input.taskId);
  await checkStoreIds(q, input.links?.storeIds ?? [], 'links.storeIds');
  const before = await snapshot(q, projectId);
  const { taskId, duration, checklist, links, phaseId, ...plain } = input;
  await q
    .updateTable('planning_tasks')
    .set({
      ...plain,
      updated_at: now,
      ...(phaseId === undefined ? {} : { phase_id: phaseId }),
      // A new duration re-dates a done task from its start too (its kept finish is let go).
      ...(duration === undefined ? {} : { duration_days: duration, finish_day: null }),
      ...(checklist ? { checklist_json: JSON.stringify(checklist) } : {}),
      ...(links ? { links_json: JSON.stringify(links) } : {}),
    })
    .where('id', '=', taskId)
    .execute();
  return settle(q, projectId, before, now);
}

/** Removes a task and its dependencies; later rows are renumbered to close the gap. */
export async function deleteTask(q: Q, taskId: number, now: number): Promise<ProjectView> {
  const projectId = await projectOfTask(q, taskId);
  const plan = await loadPlan(q, projectId);
  const before = await snapshot(q, projectId);
  const seq = plan.tasks.find((t) => t.id === taskId)!.seq;
  await q.deleteFrom('planning_tasks').where('id', '=', taskId).execute();
  for (const t of plan.tasks.filter((x) => x.seq > seq)) {
    await q
      .updateTable('planning_tasks')
      .set({ seq: t.seq - 1 })
      .where('id', '=', t.id)
      .execute();
  }
  return settle(q, projectId, before, now);
}

/** Deletes a project with its phases, tasks, dependencies and overrides. */
export async function deleteProject(q: Q, projectId: number): Promise<void> {
  const result = await q
    .deleteFrom('planning_projects')
    .where('id', '=', projectId)
    .executeTakeFirst();
  if (result.numDeletedRows === 0n) {
    throw new CoreError('planning.project_not_found', `No project #${projectId}.`, { projectId });
  }
}

async function tagIds(q: Q, keys: (string | null)[]): Promise<Map<string, number>> {
  const wanted = [...new Set(keys.filter((k): k is string => !!k))];
  if (wanted.length === 0) return new Map();
  const rows = await q
    .selectFrom('tags')
    .select(['id', 'key'])
    .where('key', 'in', wanted)
    .execute();
  return new Map(rows.map((r) => [r.key, r.id]));
}
