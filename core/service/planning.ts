import { exportPlan } from '../planning/export';
import { projectToTemplate } from '../planning/instantiate';
import {
  createFromTemplate,
  createTask,
  deleteProject,
  deleteTask,
  updateProject,
  updateTask,
} from '../planning/project-commands';
import type { Q } from '../planning/repo';
import { loadPlan } from '../planning/repo';
import {
  moveTask,
  setManyPredecessors,
  setPredecessors,
  setStatus,
} from '../planning/task-commands';
import { listStores } from '../planning/stores';
import { getTemplate, listTemplates, saveTemplate } from '../planning/template-store';
import { solve, toSummary, toView } from '../planning/views';
import { overrides, waitingOnOthers } from '../planning/waiting';
import type { ServiceContext } from './context';
import type { Handlers } from './dispatch';

type PlanningMethods =
  | 'stores.list'
  | 'projects.list'
  | 'projects.get'
  | 'projects.createFromTemplate'
  | 'projects.update'
  | 'projects.delete'
  | 'projects.export'
  | 'projects.overrides'
  | 'tasks.create'
  | 'tasks.update'
  | 'tasks.delete'
  | 'tasks.move'
  | 'tasks.setStatus'
  | 'tasks.setPredecessors'
  | 'tasks.setPredecessorsMany'
  | 'tasks.waiting'
  | 'templates.list'
  | 'templates.get'
  | 'templates.save'
  | 'templates.saveFromProject';

/**
 * Planning over the contract: projects from templates, the task grid's edits, moves
 * through the scheduler, statuses with freeze overrides, templates, the "waiting on
 * others" list and plan export. Every change runs in one transaction, so a refused
 * edit (a cycle, a frozen task without a reason) leaves the plan as it was.
 */
export function planningHandlers(ctx: ServiceContext): Pick<Handlers, PlanningMethods> {
  const now = () => ctx.now().getTime();
  const tx = <T>(work: (q: Q) => Promise<T>) => ctx.db.k.transaction().execute(work);
  const view = async (q: Q, projectId: number) => toView(solve(await loadPlan(q, projectId)));

  return {
    'stores.list': () => listStores(ctx.db.k),
    'projects.list': async () => {
      const rows = await ctx.db.k
        .selectFrom('planning_projects')
        .select('id')
        .orderBy('id')
        .execute();
      const summaries = [];
      for (const r of rows) summaries.push(toSummary(solve(await loadPlan(ctx.db.k, r.id))));
      return summaries;
    },
    'projects.get': ({ projectId }) => view(ctx.db.k, projectId),
    'projects.createFromTemplate': ({ templateKey, version, ...options }) =>
      tx(async (q) => {
        const template = await getTemplate(q, templateKey, version);
        const id = await createFromTemplate(q, template, options, now());
        return view(q, id);
      }),
    'projects.update': (input) => tx((q) => updateProject(q, input, now())),
    'projects.delete': ({ projectId }) =>
      tx(async (q) => {
        await deleteProject(q, projectId);
        return { id: projectId };
      }),
    'projects.export': async ({ projectId, format, lang }) =>
      exportPlan(await view(ctx.db.k, projectId), format, lang),
    'projects.overrides': ({ projectId }) => overrides(ctx.db.k, projectId),

    'tasks.create': (input) => tx((q) => createTask(q, input, now())),
    'tasks.update': (input) => tx((q) => updateTask(q, input, now())),
    'tasks.delete': ({ taskId }) => tx((q) => deleteTask(q, taskId, now())),
    'tasks.move': (input) => tx((q) => moveTask(q, input, now())),
    'tasks.setStatus': (input) => tx((q) => setStatus(q, input, now())),
    'tasks.setPredecessors': ({ taskId, text }) =>
      tx((q) => setPredecessors(q, taskId, text, now())),
    'tasks.setPredecessorsMany': ({ projectId, rows }) =>
      tx((q) => setManyPredecessors(q, projectId, rows, now())),
    'tasks.waiting': (filter) => waitingOnOthers(ctx.db.k, filter),

    'templates.list': () => listTemplates(ctx.db.k),
    'templates.get': ({ key, version }) => getTemplate(ctx.db.k, key, version),
    'templates.save': ({ template }) => tx((q) => saveTemplate(q, template, now())),
    'templates.saveFromProject': ({ projectId, key, nameZh, nameEn, anchorKind }) =>
      tx(async (q) => {
        const plan = await loadPlan(q, projectId);
        const shape = { ...plan.project, ...plan };
        const template = projectToTemplate(shape, {
          key,
          version: 1,
          nameZh,
          nameEn,
          anchorKind,
        });
        return saveTemplate(q, template, now());
      }),
  };
}
