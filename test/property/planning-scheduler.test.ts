import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WorkCalendar, defaultCalendar } from '../../core/planning/calendar';
import { freezeStates } from '../../core/planning/freeze';
import { schedule, startOffset } from '../../core/planning/scheduler';
import type { Dependency, PlanTask, TaskStatus } from '../../core/planning/types';
import { dependencyTypes, taskStatuses } from '../../core/planning/types';

// Weekends off plus a few holidays, so working-day arithmetic is really exercised.
const cal = new WorkCalendar({
  ...defaultCalendar,
  holidays: ['2027-01-01', '2027-02-05', '2027-02-08', '2027-02-09'],
});
const days = ['2026-12-28', '2026-12-31', '2027-01-02', '2027-01-04', '2027-02-04'];

interface Plan {
  tasks: PlanTask[];
  deps: Dependency[];
}

/**
 * A random acyclic plan: tasks get shuffled ids, and a dependency only ever points
 * from an earlier to a later task of a hidden order, so no cycle can form.
 */
function plan(sameStart: boolean): fc.Arbitrary<Plan> {
  return fc
    .integer({ min: 1, max: 25 })
    .chain((n) =>
      fc.record({
        ids: fc.shuffledSubarray(
          Array.from({ length: n * 3 }, (_, i) => i + 1),
          { minLength: n, maxLength: n },
        ),
        durations: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: n, maxLength: n }),
        starts: fc.array(fc.constantFrom(...days), { minLength: n, maxLength: n }),
        edges: fc.array(
          fc.record({
            a: fc.nat(n - 1),
            b: fc.nat(n - 1),
            type: fc.constantFrom(...dependencyTypes),
            lag: fc.integer({ min: -3, max: 4 }),
          }),
          { maxLength: n * 2 },
        ),
      }),
    )
    .map(({ ids, durations, starts, edges }) => {
      const tasks = ids.map((id, i) => ({
        id,
        name: `T${id}`,
        start: sameStart ? days[0]! : starts[i]!,
        duration: durations[i]!,
        status: 'not_started' as const,
        pinned: false,
      }));
      const seen = new Set<string>();
      const deps: Dependency[] = [];
      for (const e of edges) {
        const [lo, hi] = [Math.min(e.a, e.b), Math.max(e.a, e.b)];
        if (lo === hi || seen.has(`${lo}-${hi}`)) continue;
        seen.add(`${lo}-${hi}`);
        deps.push({ predecessorId: ids[lo]!, successorId: ids[hi]!, type: e.type, lag: e.lag });
      }
      return { tasks, deps };
    });
}

describe('schedules of random acyclic plans', () => {
  it('never start a task before its planned day or its dependencies allow, nor later', () => {
    fc.assert(
      fc.property(plan(false), ({ tasks, deps }) => {
        const s = schedule(tasks, deps, cal);
        for (const t of tasks) {
          const start = cal.indexOf(s.tasks.get(t.id)!.start);
          const allowed = deps
            .filter((d) => d.successorId === t.id)
            .map((d) => {
              const p = tasks.find((x) => x.id === d.predecessorId)!;
              const pStart = cal.indexOf(s.tasks.get(p.id)!.start);
              return pStart + startOffset(d.type, d.lag, p.duration, t.duration);
            });
          // Exactly as early as allowed: never before, and never further than it must.
          expect(start).toBe(Math.max(cal.indexOf(t.start), ...allowed));
          expect(cal.isWorkingDay(s.tasks.get(t.id)!.start)).toBe(true);
        }
      }),
    );
  });

  it('never give a task negative slack', () => {
    fc.assert(
      fc.property(plan(false), ({ tasks, deps }) => {
        const s = schedule(tasks, deps, cal);
        for (const t of s.tasks.values()) expect(t.slack).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('never give negative slack, pinned or started tasks included', () => {
    const withFixed = plan(false).chain((p) =>
      fc
        .array(fc.constantFrom('pinned', 'in_progress', 'free'), {
          minLength: p.tasks.length,
          maxLength: p.tasks.length,
        })
        .map((kind) => ({
          ...p,
          tasks: p.tasks.map((t, i) => ({
            ...t,
            pinned: kind[i] === 'pinned',
            status: kind[i] === 'in_progress' ? ('in_progress' as const) : t.status,
          })),
        })),
    );
    fc.assert(
      fc.property(withFixed, ({ tasks, deps }) => {
        const s = schedule(tasks, deps, cal);
        for (const t of s.tasks.values()) {
          expect(t.slack).toBeGreaterThanOrEqual(0);
          expect(t.buffer).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });

  it('find a critical path: a chain of zero-slack tasks from start to finish', () => {
    fc.assert(
      fc.property(plan(true), ({ tasks, deps }) => {
        const s = schedule(tasks, deps, cal);
        const path = s.criticalPath.map((id) => s.tasks.get(id)!);
        const duration = (id: number) => tasks.find((t) => t.id === id)!.duration;
        const end = (id: number) => cal.indexOf(s.tasks.get(id)!.start) + duration(id);

        expect(path.length).toBeGreaterThan(0);
        for (const t of path) expect([t.slack, t.critical]).toEqual([0, true]);
        expect(path[0]!.start).toBe(s.start);
        expect(end(path.at(-1)!.id)).toBe(Math.max(...tasks.map((t) => end(t.id))));
        for (let i = 1; i < path.length; i++) {
          const link = deps.find(
            (d) => d.predecessorId === path[i - 1]!.id && d.successorId === path[i]!.id,
          );
          expect(link).toBeDefined();
        }
      }),
    );
  });
});

describe('freezing in random plans', () => {
  it('freezes a task exactly when a predecessor is unfinished for its dependency type', () => {
    const withStatuses = plan(false).chain((p) =>
      fc
        .array(fc.constantFrom(...taskStatuses), {
          minLength: p.tasks.length,
          maxLength: p.tasks.length,
        })
        .map((st) => ({ ...p, statuses: st })),
    );
    fc.assert(
      fc.property(withStatuses, ({ tasks, deps, statuses }) => {
        const status = new Map<number, TaskStatus>(tasks.map((t, i) => [t.id, statuses[i]!]));
        const states = freezeStates(
          tasks.map((t) => ({ ...t, status: status.get(t.id)! })),
          deps,
        );
        for (const t of tasks) {
          // Written out independently: "finished" means done or cancelled; "started"
          // means anything but not started.
          const preds = deps.filter((d) => d.successorId === t.id);
          const unfinished = (d: Dependency) =>
            !['done', 'cancelled'].includes(status.get(d.predecessorId)!);
          const unstarted = (d: Dependency) => status.get(d.predecessorId) === 'not_started';
          const holdsStart = preds.some(
            (d) => (d.type === 'FS' && unfinished(d)) || (d.type === 'SS' && unstarted(d)),
          );
          const holdsFinish = preds.some(
            (d) => (d.type === 'FF' && unfinished(d)) || (d.type === 'SF' && unstarted(d)),
          );
          const mine = status.get(t.id);
          const expected =
            (mine === 'not_started' && holdsStart) || (mine === 'in_progress' && holdsFinish);
          expect(states.get(t.id)!.frozen).toBe(expected);
        }
      }),
    );
  });
});

describe('a quick size check', () => {
  it('schedules 2,000 tasks with 4,000 dependencies', () => {
    const tasks = Array.from({ length: 2000 }, (_, i) => ({
      id: i + 1,
      name: `T${i + 1}`,
      start: '2027-01-04',
      duration: (i % 5) + 1,
      status: 'not_started' as const,
      pinned: false,
    }));
    const deps: Dependency[] = [];
    for (let i = 2; i <= 2000; i++) {
      deps.push({ predecessorId: i - 1, successorId: i, type: 'SS', lag: 1 });
      deps.push({ predecessorId: Math.max(1, i - 7), successorId: i, type: 'FS', lag: 0 });
    }
    const s = schedule(tasks, deps.slice(0, 4000), cal);
    expect(s.tasks.size).toBe(2000);
    expect(s.criticalPath.length).toBeGreaterThan(1);
  });
});
