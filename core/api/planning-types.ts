import type { StoreChoice } from '../planning/stores';
import type { Template } from '../planning/templates';
import type {
  CalendarSpec,
  ChecklistItem,
  DependencyType,
  Goal,
  Kpi,
  Scope,
  TaskLinks,
  TaskStatus,
} from '../planning/types';

export type {
  CalendarSpec,
  ChecklistItem,
  DependencyType,
  Goal,
  Kpi,
  Scope,
  TaskLinks,
  TaskStatus,
};
export type { StoreChoice, Template };

/** What the planning methods of the contract return (see ./planning for the methods). */

export interface ProjectSummary {
  id: number;
  name: string;
  owner: string | null;
  templateKey: string | null;
  goal: Goal | null;
  start: string | null;
  finish: string | null;
  tasks: number;
  done: number;
  frozen: number;
  /** Tasks whose date breaks a dependency. */
  conflicts: number;
  updatedAt: number;
}

export interface PhaseInfo {
  id: number;
  seq: number;
  key: string;
  name: string;
}

export interface TaskInfo {
  id: number;
  seq: number;
  key: string;
  phaseId: number | null;
  name: string;
  department: string | null;
  owner: string | null;
  /** Planned start (start-no-earlier-than), as stored. */
  plannedStart: string;
  duration: number;
  status: TaskStatus;
  progress: number;
  pinned: boolean;
  checklist: ChecklistItem[];
  links: TaskLinks;
  /** Predecessors as the grid shows them: `3FS+2, 5SS`. */
  predecessors: string;
  // From the scheduler and the freeze rules:
  start: string;
  finish: string;
  lateStart: string;
  lateFinish: string;
  /** Working days of dependency room; a buffer before a planned start is not slack. */
  slack: number;
  /** Working days between the earliest day its dependencies allow and its start. */
  buffer: number;
  critical: boolean;
  frozen: boolean;
  frozenReason: string | null;
  holds: {
    predecessorId: number;
    predecessorSeq: number;
    predecessorName: string;
    type: DependencyType;
    blocks: 'start' | 'finish';
  }[];
  violations: {
    predecessorId: number;
    predecessorSeq: number;
    type: DependencyType;
    lag: number;
    earliestStart: string;
  }[];
}

export interface DependencyInfo {
  predecessorId: number;
  successorId: number;
  type: DependencyType;
  lag: number;
}

/** Everything a project view (task grid, Gantt) draws, dates already worked out. */
export interface ProjectView {
  project: {
    id: number;
    name: string;
    owner: string | null;
    goal: Goal | null;
    scope: Scope;
    anchorDay: string;
    calendar: CalendarSpec;
    kpis: Kpi[];
    templateKey: string | null;
    templateVersion: number | null;
  };
  phases: PhaseInfo[];
  tasks: TaskInfo[];
  dependencies: DependencyInfo[];
  start: string | null;
  finish: string | null;
  /** Task ids along one critical chain, from the project's start to its finish. */
  criticalPath: number[];
  /** Tasks the last change moved, with their old and new start. */
  moved: { id: number; from: string; to: string }[];
  /** Set when a move asked for a date the dependencies do not allow. */
  adjusted: { taskId: number; requested: string; placed: string; reason: string } | null;
}

export interface TemplateSummary {
  key: string;
  version: number;
  nameZh: string;
  nameEn: string;
  descriptionZh: string;
  descriptionEn: string;
  anchorKind: 'D' | 'T';
  phases: number;
  tasks: number;
  builtin: boolean;
  /** Every version kept, newest last. */
  versions: number[];
}

export interface WaitingItem {
  projectId: number;
  projectName: string;
  taskId: number;
  taskSeq: number;
  taskName: string;
  owner: string | null;
  start: string;
  reason: string;
  waitingOn: {
    taskId: number;
    name: string;
    owner: string | null;
    department: string | null;
    status: TaskStatus;
    finish: string;
  }[];
}

export interface OverrideRecord {
  taskId: number;
  taskName: string;
  at: string;
  from: TaskStatus;
  to: TaskStatus;
  reason: string;
  /** Names of the predecessors that held the task. */
  heldBy: string[];
  /** Who overrode, as they gave their name; null when they gave none. */
  by: string | null;
  /** The task's row number now (a deleted task takes its overrides with it). */
  taskSeq: number;
}

export interface PlanFile {
  fileName: string;
  mime: string;
  contentBase64: string;
  rows: number;
}
