import type { ProjectView, TaskInfo } from '../../../../core/api/planning';
import { addDays, dayToMs } from './calendar';

/** One line of the Gantt: a phase heading (spanning its tasks) or a task. */
export type GanttRow =
  | { kind: 'phase'; key: string; name: string; start: string; finish: string }
  | { kind: 'task'; key: string; task: TaskInfo };

export type Zoom = 'day' | 'week' | 'month';

/** Pixels per calendar day at each zoom. */
export const dayWidth: Record<Zoom, number> = { day: 36, week: 14, month: 5 };

export const rowHeight = 34;
export const headerHeight = 44;
/** The task column's width, left of the drawn plan. */
export const listWidth = 340;
/** Room left of the first day, and right of the last for a frozen bar's "waits for" label. */
export const planMargin = { left: 8, right: 120 };

const DAY = 86_400_000;

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

/** A bar being dragged: where it would go if dropped now. */
export interface Preview {
  taskId: number;
  start: string;
  finish: string;
}

/** A phase or task bar: its line and the instants of its left and right ends. */
export interface Bar {
  row: number;
  from: number;
  to: number;
}

/** A dependency arrow: from a bar end on line `fromRow` to a bar end on line `toRow`. */
export interface Arrow {
  fromRow: number;
  fromMs: number;
  toRow: number;
  toMs: number;
  fromEnd: boolean;
  toStart: boolean;
  critical: boolean;
}

/**
 * The plan laid out once per change of its data (not per scroll): every bar and arrow
 * in instants and lines, and the days the plan spans (two before its start or today,
 * three after its finish or today).
 */
export interface GanttModel {
  rows: GanttRow[];
  /** Midnight of the first day drawn, at `planMargin.left` pixels. */
  origin: number;
  days: number;
  bars: Bar[];
  arrows: Arrow[];
  preview: Preview | null;
}

/** Lays out the project's bars and dependency arrows; a dragged bar is drawn where it would go. */
export function ganttModel(
  view: ProjectView,
  rows: GanttRow[],
  today: string,
  preview: Preview | null,
): GanttModel {
  const first = view.start && view.start < today ? view.start : today;
  const last = view.finish && view.finish > today ? view.finish : today;
  const origin = dayToMs(addDays(first, -2));
  const days = Math.round((dayToMs(addDays(last, 3)) - origin) / DAY);

  const bars = rows.map((row, i): Bar => {
    let [start, finish] =
      row.kind === 'phase' ? [row.start, row.finish] : [row.task.start, row.task.finish];
    if (row.kind === 'task' && preview?.taskId === row.task.id)
      [start, finish] = [preview.start, preview.finish];
    return { row: i, from: dayToMs(start), to: dayToMs(finish) + DAY };
  });

  const rowOf = new Map<number, number>();
  rows.forEach((r, i) => {
    if (r.kind === 'task') rowOf.set(r.task.id, i);
  });
  const arrows = view.dependencies.flatMap((d): Arrow[] => {
    const a = rowOf.get(d.predecessorId);
    const b = rowOf.get(d.successorId);
    if (a === undefined || b === undefined) return [];
    const fromEnd = d.type === 'FS' || d.type === 'FF';
    const toStart = d.type === 'FS' || d.type === 'SS';
    const p = rows[a] as Extract<GanttRow, { kind: 'task' }>;
    const s = rows[b] as Extract<GanttRow, { kind: 'task' }>;
    return [
      {
        fromRow: a,
        fromMs: fromEnd ? bars[a]!.to : bars[a]!.from,
        toRow: b,
        toMs: toStart ? bars[b]!.from : bars[b]!.to,
        fromEnd,
        toStart,
        critical: p.task.critical && s.task.critical,
      },
    ];
  });
  return { rows, origin, days, bars, arrows, preview };
}

/** The whole plan's size in pixels at a zoom, its date header and a bottom margin included. */
export function planSize(model: GanttModel, zoom: Zoom): { width: number; height: number } {
  return {
    width: model.days * dayWidth[zoom] + planMargin.left + planMargin.right,
    height: headerHeight + model.rows.length * rowHeight + 8,
  };
}

/**
 * The part of the plan on screen, in the plan's pixels: `left` and `top` are how far it
 * is scrolled; the date header stays on top of the window, so lines start below it.
 */
export interface GanttWindow {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The instants at the left and right edges of the window. */
export function windowTimes(model: GanttModel, zoom: Zoom, win: GanttWindow): [number, number] {
  const msPerPixel = DAY / dayWidth[zoom];
  const left = model.origin + (win.left - planMargin.left) * msPerPixel;
  return [left, left + win.width * msPerPixel];
}

/** The lines (fractional) at the top and bottom edges of the window, below the header. */
export function windowLines(win: GanttWindow): [number, number] {
  const top = win.top / rowHeight;
  return [top, top + Math.max(0, win.height - headerHeight) / rowHeight];
}

/**
 * Bars and arrows that can show in the window, so a draw costs what is on screen and not
 * what the plan holds. A bar's label reaches up to `planMargin.right` pixels past its end,
 * and an arrow's elbows 8 pixels past its ends, so both are kept a little beyond the edges.
 */
export function visibleParts(
  model: GanttModel,
  zoom: Zoom,
  win: GanttWindow,
): { bars: Bar[]; arrows: Arrow[] } {
  const [t0, t1] = windowTimes(model, zoom, win);
  const [l0, l1] = windowLines(win);
  const perPixel = DAY / dayWidth[zoom];
  const labelMs = planMargin.right * perPixel;
  const elbowMs = 12 * perPixel;
  const lineIn = (row: number) => row + 1 > l0 && row < l1;

  const bars = model.bars.filter(
    (b) => lineIn(b.row) && b.to + labelMs > t0 && b.from - elbowMs < t1,
  );
  const arrows = model.arrows.filter((a) => {
    const top = Math.min(a.fromRow, a.toRow);
    const bottom = Math.max(a.fromRow, a.toRow);
    const left = Math.min(a.fromMs, a.toMs) - elbowMs;
    const right = Math.max(a.fromMs, a.toMs) + elbowMs;
    return bottom + 1 > l0 && top < l1 && right > t0 && left < t1;
  });
  return { bars, arrows };
}

/** Lines of the task column are drawn in blocks of this many, so a scroll rarely redraws it. */
const listBlock = 20;

/**
 * The lines of the task column to put on the page for a window: those in view and a
 * block either side, from `from` up to (not including) `to`; the first two blocks before
 * the window is measured.
 */
export function shownLines(count: number, win: GanttWindow | null): [number, number] {
  if (!win) return [0, Math.min(count, 2 * listBlock)];
  const [top, bottom] = windowLines(win);
  const from = Math.max(0, (Math.floor(top / listBlock) - 1) * listBlock);
  const to = Math.min(count, (Math.ceil(bottom / listBlock) + 1) * listBlock);
  return [from, to];
}
