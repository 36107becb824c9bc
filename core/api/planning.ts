import { z } from 'zod';
import { canonicalGoalUnit, goalBounds, goalIssueParams, goalIssues } from '../planning/goal';
import { templateSchema } from '../planning/templates';
import { taskStatuses } from '../planning/types';
import { method } from './method';
import type {
  OverrideRecord,
  PlanFile,
  ProjectSummary,
  ProjectView,
  StoreChoice,
  Template,
  TemplateSummary,
  WaitingItem,
} from './planning-types';

export type * from './planning-types';
/** The grid's predecessor text reader, for screens that turn `3FS+2, 5SS` into links. */
export { formatPredecessors, parsePredecessors } from '../planning/predecessors';
/** A goal value's allowed range per unit: the new-project form checks by the same rule. */
export { goalRange, goalValueProblem } from '../planning/goal';
export type { GoalField } from '../planning/goal';
/** The first start a template gives a project, for the new-project form's past-start warning. */
export { firstPlannedStart } from '../planning/instantiate';

const id = z.number().int().positive();
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day like 2026-12-04');
const name = z.string().trim().min(1).max(120);
const person = z.string().trim().max(60).nullable();
const scope = z.object({
  storeIds: z.array(id).max(5000).default([]),
  regions: z.array(z.string().trim().min(1).max(40)).max(100).default([]),
});
const links = z
  .object({
    tagId: id.nullable().optional(),
    tagKey: z.string().max(60).nullable().optional(),
    reach: z.number().int().positive().nullable().optional(),
    productId: id.nullable().optional(),
    productLabel: z.string().max(60).nullable().optional(),
    quantity: z.number().int().positive().nullable().optional(),
    storeIds: z.array(id).max(5000).optional(),
    storeTarget: z.number().int().positive().nullable().optional(),
  })
  .strict();
const checklist = z.array(z.object({ text: z.string().trim().min(1).max(200), done: z.boolean() }));
const duration = z.number().int().min(0).max(3650);
const calendar = z.object({
  zone: z.string().min(1).max(60).default('Asia/Shanghai'),
  weekendDays: z.array(z.number().int().min(1).max(7)).max(7),
  holidays: z.array(day).max(2000),
  workdays: z.array(day).max(2000),
});
// zod's numbers are finite; the widest range of any unit bounds a value before its unit is known.
const goalNumber = z.number().min(goalBounds.min).max(goalBounds.max);
const goal = z
  .object({
    metric: name,
    // Stored as the core reads it: `fen ` is fen, `％` is % (canonicalGoalUnit).
    unit: z.string().max(20).transform(canonicalGoalUnit),
    baseline: z.number().nullable(),
    target: z.number(),
    periodStart: day,
    periodEnd: day,
  })
  .superRefine((g, ctx) => {
    for (const issue of goalIssues(g)) {
      ctx.addIssue({ code: 'custom', path: [issue.field], ...goalIssueParams(issue) });
    }
  });
const predecessors = z.string().max(2000);

export const planningContract = {
  /** The stores a project's scope (or a task) can name, by code: what the scope picker offers. */
  'stores.list': method<StoreChoice[]>()(z.object({})),
  'projects.list': method<ProjectSummary[]>()(z.object({})),
  'projects.get': method<ProjectView>()(z.object({ projectId: id })),
  'projects.createFromTemplate': method<ProjectView>()(
    z.object({
      templateKey: z.string().min(1).max(60),
      version: id.optional(),
      anchorDay: day,
      name: name.optional(),
      owner: person.optional(),
      scope: scope.default({ storeIds: [], regions: [] }),
      lang: z.enum(['zh', 'en']).default('zh'),
      /** In the template's unit; checked against that unit by the core. */
      goalTarget: goalNumber.optional(),
      goalBaseline: goalNumber.nullable().optional(),
    }),
  ),
  'projects.update': method<ProjectView>()(
    z.object({
      projectId: id,
      name: name.optional(),
      owner: person.optional(),
      goal: goal.nullable().optional(),
      scope: scope.optional(),
      calendar: calendar.optional(),
    }),
  ),
  'projects.delete': method<{ id: number }>()(z.object({ projectId: id })),
  'projects.export': method<PlanFile>()(
    z.object({
      projectId: id,
      format: z.enum(['csv', 'xlsx']),
      lang: z.enum(['zh', 'en']).default('zh'),
    }),
  ),
  'projects.overrides': method<OverrideRecord[]>()(z.object({ projectId: id })),
  'tasks.create': method<ProjectView>()(
    z.object({
      projectId: id,
      phaseId: id.nullable().optional(),
      name,
      department: z.string().max(40).nullable().optional(),
      owner: person.optional(),
      start: day.optional(),
      duration: duration.default(1),
      predecessors: predecessors.optional(),
      checklist: checklist.optional(),
      links: links.optional(),
    }),
  ),
  'tasks.update': method<ProjectView>()(
    z.object({
      taskId: id,
      phaseId: id.nullable().optional(),
      name: name.optional(),
      department: z.string().max(40).nullable().optional(),
      owner: person.optional(),
      duration: duration.optional(),
      progress: z.number().int().min(0).max(100).optional(),
      checklist: checklist.optional(),
      links: links.optional(),
    }),
  ),
  'tasks.delete': method<ProjectView>()(z.object({ taskId: id })),
  /**
   * Moves (drag) or resizes a task through the scheduler. Unpinned, a date the
   * dependencies do not allow is placed at the earliest allowed day and reported in
   * `adjusted`; pinned (a date typed by hand), it is kept and flagged as a conflict.
   */
  'tasks.move': method<ProjectView>()(
    z.object({
      taskId: id,
      start: day,
      duration: duration.optional(),
      pin: z.boolean().default(false),
    }),
  ),
  'tasks.setStatus': method<ProjectView>()(
    z.object({
      taskId: id,
      status: z.enum(taskStatuses),
      /** Needed to start (or finish) a frozen task; recorded with the holds it overrode. */
      overrideReason: z.string().trim().min(1).max(500).optional(),
      /** Who overrides, as they name themselves (the console has no sign-in). */
      overrideBy: person.optional(),
    }),
  ),
  /** Sets a task's predecessors from grid text such as `3FS+2, 5SS`. */
  'tasks.setPredecessors': method<ProjectView>()(z.object({ taskId: id, text: predecessors })),
  /** Sets several tasks' predecessors at once (a paste): checked for cycles as a whole. */
  'tasks.setPredecessorsMany': method<ProjectView>()(
    z.object({
      projectId: id,
      rows: z
        .array(z.object({ taskId: id, text: predecessors }))
        .min(1)
        .max(5000),
    }),
  ),
  /** Tasks a store (or a person) is waiting on others for, with who holds them. */
  'tasks.waiting': method<WaitingItem[]>()(
    z.object({ storeId: id.optional(), owner: z.string().trim().min(1).max(60).optional() }),
  ),
  'templates.list': method<TemplateSummary[]>()(z.object({})),
  'templates.get': method<Template>()(
    z.object({ key: z.string().min(1).max(60), version: id.optional() }),
  ),
  /**
   * Saves a template as the next version of its key (edits never overwrite a version);
   * a `version` sent back with an edited template is ignored.
   */
  'templates.save': method<TemplateSummary>()(
    z.object({
      template: templateSchema
        .extend({ version: z.number().int().positive().optional() })
        .superRefine(({ goal: g }, ctx) => {
          // A template's target of 0 is "set it when planning"; other values as a project's.
          const given = { unit: g.unit, target: g.target === 0 ? undefined : g.target };
          for (const issue of goalIssues({ ...given, baseline: g.baseline })) {
            ctx.addIssue({
              code: 'custom',
              path: ['goal', issue.field],
              ...goalIssueParams(issue),
            });
          }
        }),
    }),
  ),
  'templates.saveFromProject': method<TemplateSummary>()(
    z.object({
      projectId: id,
      key: z.string().regex(/^[a-z0-9][a-z0-9-]{0,59}$/),
      nameZh: name,
      nameEn: name,
      anchorKind: z.enum(['D', 'T']).default('D'),
    }),
  ),
};
