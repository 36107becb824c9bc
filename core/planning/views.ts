import type { ProjectSummary, ProjectView, TaskInfo } from '../api/planning';
import { calendarFor } from './calendar';
import { freezeStates } from './freeze';
import { formatPredecessors } from './predecessors';
import type { ProjectPlan } from './repo';
import { schedule } from './scheduler';
import type { Schedule } from './scheduler';

/** A project with its schedule and freezes worked out, as the views need it. */
export interface SolvedPlan extends ProjectPlan {
  schedule: Schedule;
  tasksInfo: TaskInfo[];
}

/** Schedules a stored project and derives every task's dates, slack and freeze. */
export function solve(plan: ProjectPlan): SolvedPlan {
  const calendar = calendarFor(plan.project.calendar);
  const sched = schedule(plan.tasks, plan.dependencies, calendar);
  const freeze = freezeStates(plan.tasks, plan.dependencies);
  const seqOf = new Map(plan.tasks.map((t) => [t.id, t.seq]));
  const incoming = new Map<number, ProjectPlan['dependencies']>();
  for (const d of plan.dependencies) {
    const list = incoming.get(d.successorId);
    if (list) list.push(d);
    else incoming.set(d.successorId, [d]);
  }

  const tasksInfo = plan.tasks.map((t): TaskInfo => {
    const s = sched.tasks.get(t.id)!;
    const f = freeze.get(t.id)!;
    const preds = (incoming.get(t.id) ?? []).map((d) => ({
      seq: seqOf.get(d.predecessorId)!,
      type: d.type,
      lag: d.lag,
    }));
    return {
      id: t.id,
      seq: t.seq,
      key: t.key,
      phaseId: t.phaseId,
      name: t.name,
      department: t.department,
      owner: t.owner,
      plannedStart: t.start,
      duration: t.duration,
      status: t.status,
      progress: t.progress,
      pinned: t.pinned,
      checklist: t.checklist,
      links: t.links,
      predecessors: formatPredecessors(preds),
      start: s.start,
      finish: s.finish,
      lateStart: s.lateStart,
      lateFinish: s.lateFinish,
      slack: s.slack,
      buffer: s.buffer,
      critical: s.critical,
      frozen: f.frozen,
      frozenReason: f.reason,
      holds: f.holds.map((h) => ({ ...h, predecessorSeq: seqOf.get(h.predecessorId)! })),
      violations: s.violations.map((v) => ({ ...v, predecessorSeq: seqOf.get(v.predecessorId)! })),
    };
  });
  return { ...plan, schedule: sched, tasksInfo };
}

/** The project view the renderer draws: grid rows, Gantt bars, arrows, critical chain. */
export function toView(
  solved: SolvedPlan,
  change: Pick<ProjectView, 'moved' | 'adjusted'> = { moved: [], adjusted: null },
): ProjectView {
  const p = solved.project;
  return {
    project: {
      id: p.id,
      name: p.name,
      owner: p.owner,
      goal: p.goal,
      scope: p.scope,
      anchorDay: p.anchorDay,
      calendar: p.calendar,
      kpis: p.kpis,
      templateKey: p.templateKey,
      templateVersion: p.templateVersion,
    },
    phases: solved.phases.map(({ id, seq, key, name }) => ({ id, seq, key, name })),
    tasks: solved.tasksInfo,
    dependencies: solved.dependencies,
    start: solved.schedule.start,
    finish: solved.schedule.finish,
    criticalPath: solved.schedule.criticalPath,
    ...change,
  };
}

/** One line of the projects list. */
export function toSummary(solved: SolvedPlan): ProjectSummary {
  const t = solved.tasksInfo;
  return {
    id: solved.project.id,
    name: solved.project.name,
    owner: solved.project.owner,
    templateKey: solved.project.templateKey,
    goal: solved.project.goal,
    start: solved.schedule.start,
    finish: solved.schedule.finish,
    tasks: t.length,
    done: t.filter((x) => x.status === 'done').length,
    frozen: t.filter((x) => x.frozen).length,
    conflicts: t.filter((x) => x.violations.length > 0).length,
    updatedAt: solved.project.updatedAt,
  };
}
