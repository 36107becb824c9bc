import { addCalendarDays, calendarFor, checkCalendar, epochDay } from './calendar';
import type { WorkCalendar } from './calendar';
import { chineseStoreCalendar } from './holidays';
import { schedule } from './scheduler';
import type { Template, TemplateTask } from './templates';
import { parseTemplate } from './templates';
import type {
  CalendarSpec,
  ChecklistItem,
  Day,
  DependencyType,
  Goal,
  Kpi,
  Scope,
  TaskLinks,
} from './types';

export interface InstantiateOptions {
  /** The day D (or T) the template's offsets count from. */
  anchorDay: Day;
  scope: Scope;
  name?: string;
  owner?: string | null;
  lang?: 'zh' | 'en';
  /** Replaces the template's calendar (weekends, holidays, make-up days). */
  calendar?: CalendarSpec;
  goalTarget?: number;
  goalBaseline?: number | null;
  /** Today in the stores' zone, from the service clock: a day off is never rolled before it. */
  today?: Day;
}

export interface PlannedTask {
  key: string;
  phaseKey: string;
  name: string;
  department: string;
  start: Day;
  duration: number;
  checklist: ChecklistItem[];
  links: TaskLinks;
}

/** A project worked out from a template, ready to store: dates, tasks, dependencies by key. */
export interface PlannedProject {
  name: string;
  owner: string | null;
  goal: Goal;
  scope: Scope;
  anchorDay: Day;
  calendar: CalendarSpec;
  kpis: Kpi[];
  templateKey: string;
  templateVersion: number;
  phases: { key: string; name: string }[];
  tasks: PlannedTask[];
  dependencies: {
    predecessorKey: string;
    successorKey: string;
    type: DependencyType;
    lag: number;
  }[];
}

/**
 * Turns a template into a dated project. Each task's planned start is the anchor
 * plus its offset in calendar days; one that lands on a day off moves to the
 * previous working day when it comes before the anchor (preparation must not slip
 * past D) and to the next working day otherwise, or when rolling back would put it before
 * today (a project must not start late by our rounding). The scheduler then pushes tasks
 * that their dependencies do not yet allow.
 */
export function instantiate(template: Template, options: InstantiateOptions): PlannedProject {
  const lang = options.lang ?? 'zh';
  const calendar = options.calendar ?? templateCalendar(template);
  checkCalendar(calendar);
  const work = calendarFor(calendar);

  const planned = template.tasks.map((t) =>
    plannedStart(t, options.anchorDay, work, options.today),
  );
  const ids = new Map(template.tasks.map((t, i) => [t.key, i + 1]));
  const dependencies = template.tasks.flatMap((t) =>
    t.dependsOn.map((d) => ({
      predecessorKey: d.task,
      successorKey: t.key,
      type: d.type,
      lag: d.lag,
    })),
  );
  const dated = schedule(
    template.tasks.map((t, i) => ({
      id: i + 1,
      name: t.nameZh,
      start: planned[i]!,
      duration: t.duration,
      status: 'not_started' as const,
      pinned: false,
    })),
    dependencies.map((d) => ({
      predecessorId: ids.get(d.predecessorKey)!,
      successorId: ids.get(d.successorKey)!,
      type: d.type,
      lag: d.lag,
    })),
    work,
  );

  return {
    name:
      options.name ?? `${lang === 'zh' ? template.nameZh : template.nameEn} ${options.anchorDay}`,
    owner: options.owner ?? null,
    goal: {
      metric: template.goal.metric,
      unit: template.goal.unit,
      baseline: options.goalBaseline ?? template.goal.baseline,
      target: options.goalTarget ?? template.goal.target,
      periodStart: options.anchorDay,
      periodEnd: addCalendarDays(options.anchorDay, template.goal.periodDays - 1),
    },
    scope: options.scope,
    anchorDay: options.anchorDay,
    calendar,
    kpis: template.kpis,
    templateKey: template.key,
    templateVersion: template.version,
    phases: template.phases.map((p) => ({ key: p.key, name: lang === 'zh' ? p.nameZh : p.nameEn })),
    tasks: template.tasks.map((t, i) => ({
      key: t.key,
      phaseKey: t.phase,
      name: lang === 'zh' ? t.nameZh : t.nameEn,
      department: t.department,
      start: dated.tasks.get(i + 1)!.start,
      duration: t.duration,
      checklist: t.checklist.map((text) => ({ text, done: false })),
      links: taskLinks(t, options.scope),
    })),
    dependencies,
  };
}

/** A template's working calendar: its weekend days, with China's public holidays or none. */
function templateCalendar(template: Pick<Template, 'calendar'>): CalendarSpec {
  const spec = chineseStoreCalendar(template.calendar.weekendDays);
  return template.calendar.publicHolidays ? spec : { ...spec, holidays: [], workdays: [] };
}

/**
 * The day a project made from a template with this anchor would start on, by the rule
 * `instantiate` dates its tasks with (a day off rounded to a working day, never back
 * before today): the new-project form warns of a start in the past by this day.
 */
export function firstPlannedStart(
  template: Pick<Template, 'calendar' | 'tasks'>,
  anchorDay: Day,
  today: Day,
): Day | null {
  const work = calendarFor(templateCalendar(template));
  const starts = template.tasks.map((t) => plannedStart(t, anchorDay, work, today));
  return starts.length ? starts.reduce((a, b) => (b < a ? b : a)) : null;
}

function plannedStart(task: TemplateTask, anchor: Day, work: WorkCalendar, today?: Day): Day {
  const day = addCalendarDays(anchor, task.offset);
  if (task.offset >= 0) return work.onOrAfter(day);

  const before = work.dayAt(work.indexOfOrBefore(day));
  // A day the planner chose in the past stays (the screen says so); only our rounding is held.
  return today !== undefined && before < today && day >= today ? work.onOrAfter(day) : before;
}

function taskLinks(task: TemplateTask, scope: Scope): TaskLinks {
  const { scopeStores, ...rest } = task.links;
  return {
    ...rest,
    tagId: null,
    storeIds: scopeStores ? [...scope.storeIds] : [],
  };
}

/** What saving a project as a template needs to know about it. */
export interface ProjectShape {
  anchorDay: Day;
  calendar: CalendarSpec;
  goal: Goal | null;
  kpis: Kpi[];
  scope: Scope;
  phases: { id: number; key: string; name: string }[];
  tasks: {
    id: number;
    key: string;
    phaseId: number | null;
    name: string;
    department: string | null;
    start: Day;
    duration: number;
    checklist: ChecklistItem[];
    links: TaskLinks;
  }[];
  dependencies: { predecessorId: number; successorId: number; type: DependencyType; lag: number }[];
}

export interface TemplateMeta {
  key: string;
  version: number;
  nameZh: string;
  nameEn: string;
  anchorKind: 'D' | 'T';
}

/**
 * Saves a project's shape as a template: offsets from its anchor in calendar days,
 * durations, dependencies by task key, checklists and links (stores become "the
 * project's scope" when they were). Task names fill both languages.
 */
export function projectToTemplate(project: ProjectShape, meta: TemplateMeta): Template {
  const anchor = epochDay(project.anchorDay);
  const keys = uniqueKeys(
    project.tasks.map((t) => t.key),
    'task',
  );
  const keyOf = new Map(project.tasks.map((t, i) => [t.id, keys[i]!]));
  const phases = project.phases.length
    ? project.phases
    : [{ id: -1, key: 'main', name: meta.nameZh }];
  const phaseKeys = uniqueKeys(
    phases.map((p) => p.key),
    'phase',
  );
  const phaseOf = new Map(phases.map((p, i) => [p.id, phaseKeys[i]!]));
  const scoped = (ids: number[] | undefined) =>
    !!ids?.length &&
    ids.length === project.scope.storeIds.length &&
    ids.every((id) => project.scope.storeIds.includes(id));

  const raw = {
    key: meta.key,
    version: meta.version,
    nameZh: meta.nameZh,
    nameEn: meta.nameEn,
    anchor: {
      kind: meta.anchorKind,
      labelZh: meta.anchorKind === 'D' ? 'D 日' : 'T 日',
      labelEn: meta.anchorKind,
    },
    goal: {
      metric: project.goal?.metric ?? 'goal',
      unit: project.goal?.unit ?? '',
      baseline: project.goal?.baseline ?? null,
      target: project.goal?.target ?? 0,
      periodDays: project.goal
        ? Math.min(
            366,
            Math.max(1, epochDay(project.goal.periodEnd) - epochDay(project.goal.periodStart) + 1),
          )
        : 30,
    },
    calendar: {
      weekendDays: project.calendar.weekendDays,
      publicHolidays: project.calendar.holidays.length > 0,
    },
    kpis: project.kpis,
    phases: phases.map((p, i) => ({ key: phaseKeys[i]!, nameZh: p.name, nameEn: p.name })),
    tasks: project.tasks.map((t, i) => ({
      key: keys[i]!,
      phase: phaseOf.get(t.phaseId ?? -1) ?? phaseKeys[0]!,
      nameZh: t.name,
      nameEn: t.name,
      department: t.department ?? '',
      offset: epochDay(t.start) - anchor,
      duration: t.duration,
      dependsOn: project.dependencies
        .filter((d) => d.successorId === t.id && keyOf.has(d.predecessorId))
        .map((d) => ({ task: keyOf.get(d.predecessorId)!, type: d.type, lag: d.lag })),
      checklist: t.checklist.map((c) => c.text),
      links: {
        tagKey: t.links.tagKey ?? null,
        reach: t.links.reach ?? null,
        productLabel: t.links.productLabel ?? null,
        quantity: t.links.quantity ?? null,
        storeTarget: t.links.storeTarget ?? null,
        scopeStores: scoped(t.links.storeIds),
      },
    })),
  };
  return parseTemplate(raw, `"${meta.key}" (saved from a project)`);
}

/** Template keys must be slugs and unique; keep good ones, make the rest `<prefix>-N`. */
function uniqueKeys(wanted: string[], prefix: string): string[] {
  const used = new Set<string>();
  return wanted.map((k, i) => {
    let key = /^[a-z0-9][a-z0-9-]{0,59}$/.test(k) && !used.has(k) ? k : `${prefix}-${i + 1}`;
    while (used.has(key)) key = `${key}-x`;
    used.add(key);
    return key;
  });
}
