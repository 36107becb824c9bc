import type { ProjectView, TaskInfo } from '../../../../core/api/planning';

/** One line of the Gantt: a phase heading (spanning its tasks) or a task. */
export type GanttRow =
  | { kind: 'phase'; key: string; name: string; start: string; finish: string }
  | { kind: 'task'; key: string; task: TaskInfo };

export type Zoom = 'day' | 'week' | 'month';

/** Pixels per calendar day at each zoom. */
export const dayWidth: Record<Zoom, number> = { day: 36, week: 14, month: 5 };

export const rowHeight = 34;
export const headerHeight = 44;

/** Phases in order, each followed by its tasks; tasks outside any phase come last. */
export function ganttRows(view: ProjectView): GanttRow[] {
  const rows: GanttRow[] = [];
  for (const phase of view.phases) {
    const tasks = view.tasks.filter((t) => t.phaseId === phase.id);
    if (tasks.length === 0) continue;
    rows.push({
      kind: 'phase',
      key: `p${phase.id}`,
      name: phase.name,
      start: tasks.reduce((m, t) => (t.start < m ? t.start : m), tasks[0]!.start),
      finish: tasks.reduce((m, t) => (t.finish > m ? t.finish : m), tasks[0]!.finish),
    });
    for (const task of tasks) rows.push({ kind: 'task', key: `t${task.id}`, task });
  }
  const known = new Set(view.phases.map((p) => p.id));
  for (const task of view.tasks.filter((t) => t.phaseId === null || !known.has(t.phaseId))) {
    rows.push({ kind: 'task', key: `t${task.id}`, task });
  }
  return rows;
}
