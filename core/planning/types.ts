/**
 * Domain types of planning: projects turn a goal into phases and tasks; tasks are
 * linked by dependencies and placed on a working calendar by the scheduler. These
 * are plain data: the scheduler and the freeze rules never touch the database.
 */

/** A business day, 'YYYY-MM-DD', in the project's time zone. */
export type Day = string;

export const taskStatuses = ['not_started', 'in_progress', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof taskStatuses)[number];

export const dependencyTypes = ['FS', 'SS', 'FF', 'SF'] as const;
/**
 * FS finish-to-start, SS start-to-start, FF finish-to-finish, SF start-to-finish.
 * The first letter is the predecessor's end that constrains, the second the successor's.
 */
export type DependencyType = (typeof dependencyTypes)[number];

/** One dependency; `lag` in working days, negative for a lead. */
export interface Dependency {
  predecessorId: number;
  successorId: number;
  type: DependencyType;
  lag: number;
}

/** The working calendar of one project. */
export interface CalendarSpec {
  zone: string;
  /** ISO weekdays that are off: 6 Saturday, 7 Sunday. */
  weekendDays: number[];
  /** Days off that would otherwise be working days (public holidays, closures). */
  holidays: Day[];
  /** Make-up working days (调休) that would otherwise be off. */
  workdays: Day[];
}

/** What a task acts on: an audience, a product and quantity, a set of stores. */
export interface TaskLinks {
  /** Customer tag whose members are the audience. */
  tagId?: number | null;
  /** Tag key from a template, kept until a tag with that key exists. */
  tagKey?: string | null;
  /** Reach the task must achieve, e.g. 1,000,000 impressions. */
  reach?: number | null;
  productId?: number | null;
  /** Product label from a template, e.g. "hero item", until a product is chosen. */
  productLabel?: string | null;
  quantity?: number | null;
  storeIds?: number[];
  /** Number of stores the task must cover, e.g. re-merchandise 80 stores. */
  storeTarget?: number | null;
}

export interface ChecklistItem {
  text: string;
  done: boolean;
}

/** The fields of a task the scheduler needs. */
export interface PlanTask {
  id: number;
  name: string;
  /** Planned start: the task never starts before it (start-no-earlier-than). */
  start: Day;
  /** Working days; 0 makes a milestone. */
  duration: number;
  status: TaskStatus;
  /** A date typed by a planner: kept even when it breaks a dependency, and flagged. */
  pinned: boolean;
  /** The day a done task was really finished, when known (see happened.ts). */
  finishedOn?: Day | null;
}

export interface Task extends PlanTask {
  projectId: number;
  phaseId: number | null;
  /** Row number inside the project, the number predecessor text refers to. */
  seq: number;
  key: string;
  department: string | null;
  owner: string | null;
  progress: number;
  checklist: ChecklistItem[];
  links: TaskLinks;
}

export interface Goal {
  metric: string;
  unit: string;
  baseline: number | null;
  target: number;
  periodStart: Day;
  periodEnd: Day;
}

export interface Kpi {
  key: string;
  nameZh: string;
  nameEn: string;
  unit: string;
  direction: 'up' | 'down';
  target: number | null;
  weight: number;
}

export interface Scope {
  storeIds: number[];
  regions: string[];
}

export interface Phase {
  id: number;
  projectId: number;
  seq: number;
  key: string;
  name: string;
}

export interface Project {
  id: number;
  name: string;
  owner: string | null;
  goal: Goal | null;
  scope: Scope;
  anchorDay: Day;
  calendar: CalendarSpec;
  kpis: Kpi[];
  templateKey: string | null;
  templateVersion: number | null;
  createdAt: number;
  updatedAt: number;
}
