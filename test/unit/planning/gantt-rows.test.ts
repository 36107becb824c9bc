import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type {
  DependencyInfo,
  DependencyType,
  ProjectView,
  TaskInfo,
} from '../../../core/api/planning-types';
import { ganttOption } from '../../../renderer/src/screens/planning/ganttOption';
import {
  ganttModel,
  ganttRows,
  planSize,
  shownLines,
  visibleParts,
  windowLines,
  windowTimes,
} from '../../../renderer/src/screens/planning/ganttRows';

const DAY = 86_400_000;

/** Local midnight of a day, as the Gantt draws days (written out, not through the code). */
function midnight(y: number, m: number, d: number): number {
  return new Date(y, m - 1, d).getTime();
}

function task(id: number, phaseId: number | null, start: string, finish: string): TaskInfo {
  return {
    id,
    seq: id,
    key: `t${id}`,
    phaseId,
    name: `任务 ${id}`,
    department: null,
    owner: null,
    plannedStart: start,
    duration: 1,
    status: 'not_started',
    progress: 0,
    pinned: false,
    checklist: [],
    links: {} as TaskInfo['links'],
    predecessors: '',
    start,
    finish,
    lateStart: start,
    lateFinish: finish,
    slack: 0,
    buffer: 0,
    critical: false,
    frozen: false,
    frozenReason: null,
    holds: [],
    violations: [],
  };
}

function dep(predecessorId: number, successorId: number, type: DependencyType): DependencyInfo {
  return { predecessorId, successorId, type, lag: 0 };
}

function view(tasks: TaskInfo[], dependencies: DependencyInfo[] = []): ProjectView {
  const starts = tasks.map((t) => t.start).sort();
  const finishes = tasks.map((t) => t.finish).sort();
  return {
    project: { id: 1, name: '测试', calendar: {} } as ProjectView['project'],
    phases: [
      { id: 1, seq: 1, key: 'a', name: '筹备' },
      { id: 2, seq: 2, key: 'b', name: '执行' },
    ],
    tasks,
    dependencies,
    start: starts[0] ?? null,
    finish: finishes[finishes.length - 1] ?? null,
    criticalPath: [],
    moved: [],
    adjusted: null,
  };
}

/** A plan of `n` tasks in no phase, task i on day i (from 2026-12-01), each after the last. */
function chain(n: number): ProjectView {
  const tasks = Array.from({ length: n }, (_, i) => {
    const day = new Date(2026, 11, 1 + i);
    const text = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(
      day.getDate(),
    ).padStart(2, '0')}`;
    return task(i + 1, null, text, text);
  });
  const deps = tasks.slice(1).map((t) => dep(t.id - 1, t.id, 'FS'));
  return view(tasks, deps);
}

describe('the Gantt lines', () => {
  it('puts each phase before its tasks and tasks outside any phase last', () => {
    const v = view([
      task(1, 2, '2026-12-09', '2026-12-10'),
      task(2, null, '2026-12-07', '2026-12-07'),
      task(3, 1, '2026-12-07', '2026-12-08'),
      task(4, 1, '2026-12-08', '2026-12-11'),
    ]);
    const keys = ganttRows(v).map((r) => r.key);
    expect(keys).toEqual(['p1', 't3', 't4', 'p2', 't1', 't2']);
    // Phase 筹备 spans its tasks: 12-07 (task 3) to 12-11 (task 4).
    expect(ganttRows(v)[0]).toMatchObject({ start: '2026-12-07', finish: '2026-12-11' });
  });
});

describe('the Gantt layout', () => {
  const v = view(
    [task(1, 1, '2026-12-07', '2026-12-08'), task(2, 1, '2026-12-09', '2026-12-11')],
    [dep(1, 2, 'FS'), dep(1, 2, 'SS'), dep(1, 2, 'FF')],
  );
  const rows = ganttRows(v);

  it('spans two days before the earlier of start and today, three after the later finish', () => {
    // Today 12-04 is before the start (12-07): from 12-02; the finish 12-11 is later: to 12-14.
    const model = ganttModel(v, rows, '2026-12-04', null);
    expect(model.origin).toBe(midnight(2026, 12, 2));
    expect(model.days).toBe(12);
    // Day zoom: 12 days × 36 px + 8 left + 120 right; 44 header + 3 lines × 34 + 8.
    expect(planSize(model, 'day')).toEqual({ width: 560, height: 154 });
    expect(planSize(model, 'month').width).toBe(12 * 5 + 128);
  });

  it('draws a bar from its first day to the midnight after its last', () => {
    const model = ganttModel(v, rows, '2026-12-04', null);
    // Line 0 is the phase (12-07 … 12-11), line 1 task 1 (12-07 … 12-08).
    expect(model.bars[0]).toEqual({
      row: 0,
      from: midnight(2026, 12, 7),
      to: midnight(2026, 12, 12),
    });
    expect(model.bars[1]).toEqual({
      row: 1,
      from: midnight(2026, 12, 7),
      to: midnight(2026, 12, 9),
    });
  });

  it('draws a dragged bar where it would be dropped', () => {
    const preview = { taskId: 2, start: '2026-12-14', finish: '2026-12-16' };
    const model = ganttModel(v, rows, '2026-12-04', preview);
    expect(model.bars[2]).toEqual({
      row: 2,
      from: midnight(2026, 12, 14),
      to: midnight(2026, 12, 17),
    });
  });

  it('ties each arrow to the bar ends its dependency type names', () => {
    const model = ganttModel(v, rows, '2026-12-04', null);
    const [fs, ss, ff] = model.arrows;
    // FS: end of task 1 (midnight after 12-08) to start of task 2 (12-09).
    expect(fs).toMatchObject({ fromRow: 1, toRow: 2, fromMs: midnight(2026, 12, 9) });
    expect(fs!.toMs).toBe(midnight(2026, 12, 9));
    // SS: start to start; FF: end (after 12-08) to end (after 12-11).
    expect([ss!.fromMs, ss!.toMs]).toEqual([midnight(2026, 12, 7), midnight(2026, 12, 9)]);
    expect([ff!.fromMs, ff!.toMs]).toEqual([midnight(2026, 12, 9), midnight(2026, 12, 12)]);
    expect(model.arrows.every((a) => !a.critical)).toBe(true);
  });
});

describe('the window on screen', () => {
  const v = chain(100);
  const model = ganttModel(v, ganttRows(v), '2026-12-01', null);

  it('maps its edges to instants at the zoom and to lines below the header', () => {
    // 8 px of margin, then 36 px a day: a window from x = 8 + 36 × 3 starts 3 days in.
    const win = { left: 8 + 3 * 36, top: 2 * 34, width: 5 * 36, height: 44 + 10 * 34 };
    expect(windowTimes(model, 'day', win)).toEqual([
      model.origin + 3 * DAY,
      model.origin + 8 * DAY,
    ]);
    // At week zoom (14 px a day) the same 180 px are 180 / 14 days.
    const [from, to] = windowTimes(model, 'week', win);
    expect((to - from) / DAY).toBeCloseTo(180 / 14, 9);
    expect(windowLines(win)).toEqual([2, 12]);
  });

  it('keeps only the bars and arrows that can show in it', () => {
    // Origin is 11-29 (two days before 12-01); task i + 1 is on line i, on day 12-01 + i,
    // so its bar starts (i + 2) days, i.e. 8 + 36 (i + 2) px, into the plan.
    // A window over lines 40 … 50 and days 40 … 50 from 12-01 shows tasks 41 … 50.
    const win = { left: 8 + 42 * 36, top: 40 * 34, width: 10 * 36, height: 44 + 10 * 34 };
    const parts = visibleParts(model, 'day', win);
    expect(parts.bars.map((b) => b.row)).toEqual([40, 41, 42, 43, 44, 45, 46, 47, 48, 49]);
    // Arrows run from line i to i + 1: those touching lines 40 … 49, i.e. 39→40 … 49→50.
    expect(parts.arrows.map((a) => a.fromRow)).toEqual([
      39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49,
    ]);
  });

  it('keeps an arrow that crosses the window though both its ends are outside', () => {
    const v2 = chain(100);
    v2.dependencies.push(dep(5, 95, 'SS'));
    const m2 = ganttModel(v2, ganttRows(v2), '2026-12-01', null);
    // Lines 40 … 50, days from 11-29 to 12-09: the SS arrow from task 5 (12-05) to task 95
    // (03-05) runs down past them at x of 12-05 minus its 8 px elbow.
    const win = { left: 0, top: 40 * 34, width: 10 * 36, height: 44 + 10 * 34 };
    const parts = visibleParts(m2, 'day', win);
    expect(parts.arrows.map((a) => `${a.fromRow}-${a.toRow}`)).toEqual(['4-94']);
    expect(parts.bars).toEqual([]);
  });

  it('puts on the page only the task column lines near it, in blocks of 20', () => {
    expect(shownLines(500, null)).toEqual([0, 40]);
    expect(shownLines(15, null)).toEqual([0, 15]);
    // Lines 100 … 120 in view: blocks 5 … 6, and one block either side.
    const win = { left: 0, top: 100 * 34, width: 900, height: 44 + 20 * 34 };
    expect(shownLines(500, win)).toEqual([80, 140]);
    expect(shownLines(125, win)).toEqual([80, 125]);
  });

  it('gives echarts the window, not the plan: its axes and only what shows', () => {
    const t = ((key: string) => key) as unknown as TFunction;
    const win = { left: 8 + 42 * 36, top: 40 * 34, width: 10 * 36, height: 44 + 10 * 34 };
    const option = ganttOption(t, model, 'day', '2026-12-01', win, 'Arial, sans-serif') as {
      textStyle: { fontFamily: string };
      xAxis: { min: number; max: number };
      yAxis: { min: number; max: number };
      series: { data: unknown[] }[];
    };
    expect([option.xAxis.min, option.xAxis.max]).toEqual([
      model.origin + 42 * DAY,
      model.origin + 52 * DAY,
    ]);
    expect([option.yAxis.min, option.yAxis.max]).toEqual([40, 50]);
    // Bars: [line centre, from, to, line]; task 41 is on line 40, day 12-01 + 40 = 01-10.
    expect(option.series[0]!.data[0]).toEqual([
      40.5,
      midnight(2027, 1, 10),
      midnight(2027, 1, 11),
      40,
    ]);
    expect(option.series[0]!.data).toHaveLength(10);
    expect(option.series[1]!.data).toHaveLength(11);
    // Axis labels and the tooltip in the font it was given (the page's, by language).
    expect(option.textStyle.fontFamily).toBe('Arial, sans-serif');
  });
});
