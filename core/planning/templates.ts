import { z } from 'zod';
import type { ProblemCode } from '../shared/error-codes';
import { CoreError } from '../shared/errors';
import { issueDetails } from '../shared/issues';
import { assertAcyclic } from './graph';
import { dependencyTypes } from './types';

const key = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,59}$/, 'use lower-case letters, digits and dashes, e.g. member-day');
const text = z.string().trim().min(1).max(120);
const days = z.number().int().min(-365).max(365);

const linksSchema = z
  .object({
    tagKey: z.string().max(60).nullable().optional(),
    reach: z.number().int().positive().nullable().optional(),
    productLabel: z.string().max(60).nullable().optional(),
    quantity: z.number().int().positive().nullable().optional(),
    storeTarget: z.number().int().positive().nullable().optional(),
    /** The task acts on every store in the project's scope. */
    scopeStores: z.boolean().optional(),
  })
  .strict();

const templateTaskSchema = z
  .object({
    key,
    phase: key,
    nameZh: text,
    nameEn: text,
    department: z.string().max(40),
    /** Calendar days from the anchor: -15 is D-15 (or T-15). */
    offset: days,
    /** Working days; 0 makes a milestone. */
    duration: z.number().int().min(0).max(365),
    dependsOn: z
      .array(
        z.object({ task: key, type: z.enum(dependencyTypes).default('FS'), lag: days.default(0) }),
      )
      .default([]),
    checklist: z.array(z.string().trim().min(1).max(200)).max(50).default([]),
    links: linksSchema.default({}),
  })
  .strict();

const kpiSchema = z
  .object({
    key: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,59}$/, 'use lower-case letters, digits, _ and -'),
    nameZh: text,
    nameEn: text,
    unit: z.string().max(20),
    direction: z.enum(['up', 'down']),
    target: z.number().nullable(),
    weight: z.number().min(0).max(100),
  })
  .strict();

/** A project template as stored in resources/templates/*.json or saved by a planner. */
export const templateSchema = z
  .object({
    key,
    version: z.number().int().positive(),
    nameZh: text,
    nameEn: text,
    descriptionZh: z.string().max(500).default(''),
    descriptionEn: z.string().max(500).default(''),
    anchor: z.object({ kind: z.enum(['D', 'T']), labelZh: text, labelEn: text }).strict(),
    goal: z
      .object({
        metric: text,
        unit: z.string().max(20),
        baseline: z.number().nullable().default(null),
        target: z.number(),
        periodDays: z.number().int().min(1).max(366),
      })
      .strict(),
    calendar: z
      .object({
        /** ISO weekdays off; stores that run events every day use []. */
        weekendDays: z.array(z.number().int().min(1).max(7)).max(7).default([6, 7]),
        publicHolidays: z.boolean().default(true),
      })
      .strict()
      .default({ weekendDays: [6, 7], publicHolidays: true }),
    kpis: z.array(kpiSchema).max(20).default([]),
    phases: z
      .array(z.object({ key, nameZh: text, nameEn: text }).strict())
      .min(1)
      .max(30),
    tasks: z.array(templateTaskSchema).min(1).max(2000),
  })
  .strict();

export type Template = z.output<typeof templateSchema>;
export type TemplateInput = z.input<typeof templateSchema>;
export type TemplateTask = Template['tasks'][number];

/**
 * Checks a template beyond its shape: keys unique, every phase and predecessor
 * named exists, KPI weights sum to 100 % when there are KPIs, and no dependency
 * cycle (named task by task). `where` says which file or save it came from.
 */
export function parseTemplate(raw: unknown, where: string): Template {
  const parsed = templateSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new CoreError(
      'planning.template_invalid',
      `Template ${where}: ${issue.path.join('.') || '(root)'} ${issue.message}.`,
      {
        where,
        issues: parsed.error.issues.map((i) => ({ path: i.path, message: i.message })),
        problem: { code: 'template.shape', issue: issueDetails([issue])[0] },
      },
    );
  }
  const template = parsed.data;
  // `problem` names the mistake for the console's sentence; the message stays for the CLI.
  const fail = (message: string, problem: { code: ProblemCode } & Record<string, unknown>) => {
    throw new CoreError('planning.template_invalid', `Template ${where}: ${message}`, {
      where,
      problem,
    });
  };

  const phases = new Set(template.phases.map((p) => p.key));
  if (phases.size !== template.phases.length) {
    fail('two phases share a key.', { code: 'template.phase_key_twice' });
  }
  const index = new Map(template.tasks.map((t, i) => [t.key, i + 1]));
  if (index.size !== template.tasks.length) {
    fail('two tasks share a key.', { code: 'template.task_key_twice' });
  }
  for (const t of template.tasks) {
    if (!phases.has(t.phase)) {
      fail(`task "${t.key}" is in unknown phase "${t.phase}".`, {
        code: 'template.unknown_phase',
        task: t.key,
        phase: t.phase,
      });
    }
    for (const d of t.dependsOn) {
      if (!index.has(d.task)) {
        fail(`task "${t.key}" depends on unknown task "${d.task}".`, {
          code: 'template.unknown_task',
          task: t.key,
          predecessor: d.task,
        });
      }
    }
  }
  const weights = template.kpis.reduce((sum, k) => sum + k.weight, 0);
  if (template.kpis.length > 0 && Math.abs(weights - 100) > 1e-9) {
    fail(`KPI weights add up to ${weights} %, not 100 %.`, {
      code: 'template.kpi_weights',
      weights,
    });
  }

  const edges = template.tasks.flatMap((t) =>
    t.dependsOn.map((d) => ({ predecessorId: index.get(d.task)!, successorId: index.get(t.key)! })),
  );
  const names = template.tasks.map((t) => t.nameZh);
  assertAcyclic([...index.values()], edges, (i) => names[i - 1]!);
  return template;
}
