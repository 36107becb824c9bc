import { CustomChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import type { TFunction } from 'i18next';
import type { RefObject } from 'react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectView } from '../../../../core/api/planning';
import type { Locale } from '../../i18n';
import { fontFamilyFor } from '../../shell/fonts';
import { useLocale } from '../../shell/locale';
import { chartTheme } from '../../theme';
import { addDays, dayToMs, isWorkday, msToDay, workdaysBetween } from './calendar';
import { ganttOption } from './ganttOption';
import type { GanttModel, GanttRow, GanttWindow, Preview, Zoom } from './ganttRows';
import { dayWidth, ganttModel, listWidth, planSize } from './ganttRows';

echarts.use([CustomChart, GridComponent, TooltipComponent, CanvasRenderer]);
echarts.registerTheme('planning', chartTheme);

interface Drag {
  taskId: number;
  mode: 'move' | 'resize';
  x: number;
  start: string;
  finish: string;
}

interface Props {
  view: ProjectView;
  rows: GanttRow[];
  /** The plan laid out without a drag in progress. */
  model: GanttModel;
  zoom: Zoom;
  today: string;
  ariaLabel: string;
  /** The part of the plan on screen (null until measured). */
  seen: Seen | null;
  onMove(taskId: number, start: string): void;
  onResize(taskId: number, duration: number): void;
}

/** Days shown before the day the plan opens on, so its first bar and label are not at the edge. */
const openMarginDays = 2;

/** The window on screen, and the zoom it was measured at. */
export type Seen = GanttWindow & { zoom: Zoom };

/** What of the plan the scroll box shows now: its scroll offsets and the room beside the list. */
function measure(box: HTMLDivElement, zoom: Zoom, planHeight: number): Seen {
  return {
    left: box.scrollLeft,
    top: box.scrollTop,
    width: Math.max(120, box.clientWidth - listWidth),
    height: Math.min(box.clientHeight, planHeight),
    zoom,
  };
}

function sameWindow(a: Seen | null, b: Seen): boolean {
  return (
    a !== null &&
    a.left === b.left &&
    a.top === b.top &&
    a.width === b.width &&
    a.height === b.height &&
    a.zoom === b.zoom
  );
}

/**
 * The part of the plan the scroll box shows, measured again at the next frame after a
 * scroll or resize. The plan opens on `openDay` (the earlier of today and the project's
 * first day, so its first bar is in view, two days of margin before it), and again on each
 * zoom; the window is measured after that scroll.
 */
export function useGanttWindow(
  scroller: RefObject<HTMLDivElement | null>,
  model: GanttModel,
  zoom: Zoom,
  openDay: string,
): Seen | null {
  const [seen, setSeen] = useState<Seen | null>(null);
  const origin = model.origin;
  // Read when measuring, not a reason to scroll back to today (a task added elsewhere).
  const planHeight = useRef(0);
  useEffect(() => {
    planHeight.current = planSize(model, zoom).height;
  });
  useEffect(() => {
    const box = scroller.current;
    if (!box) return undefined;
    const state = { frame: 0, jump: true };
    const update = () => {
      state.frame = 0;
      // A hidden tab has no size: keep the last window until it shows again.
      if (box.clientWidth === 0) return;
      // Scrolled here, with the measure, so the page is laid out once for both.
      if (state.jump) {
        state.jump = false;
        const days = (dayToMs(openDay) - origin) / 86_400_000;
        box.scrollTo({ left: Math.max(0, (days - openMarginDays) * dayWidth[zoom]) });
      }
      const next = measure(box, zoom, planHeight.current);
      setSeen((prev) => (sameWindow(prev, next) ? prev : next));
    };
    const later = () => {
      if (state.frame === 0) state.frame = requestAnimationFrame(update);
    };
    later();
    box.addEventListener('scroll', later, { passive: true });
    const observer = new ResizeObserver(later);
    observer.observe(box);
    return () => {
      box.removeEventListener('scroll', later);
      observer.disconnect();
      cancelAnimationFrame(state.frame);
    };
  }, [scroller, zoom, openDay, origin]);

  return seen;
}

/** The day `days` working days after `from` (the drop of a resized bar's end). */
function shiftFinish(view: ProjectView, finish: string, days: number): string {
  let day = addDays(finish, days);
  while (days < 0 && !isWorkday(day, view.project.calendar) && day > '0000') day = addDays(day, -1);
  return day;
}

/**
 * The Gantt's canvas: a chart as big as the scroll box's window, kept in place while the
 * plan scrolls under it and drawn again for what comes into view. Bars drag to move, their
 * right end drags to resize; the drop goes to the scheduler and the bars are drawn again
 * from the schedule it returns.
 */
export function GanttCanvas({
  view,
  rows,
  model,
  zoom,
  today,
  ariaLabel,
  seen,
  onMove,
  onResize,
}: Props) {
  const { t } = useTranslation();
  const font = fontFamilyFor(useLocale().locale);
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const drag = useRef<Drag | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const handlers = useRef({ onMove, onResize, view, zoom, rows });
  useEffect(() => {
    handlers.current = { onMove, onResize, view, zoom, rows };
  });

  const size = planSize(model, zoom);
  const drawn = useMemo(
    () => (preview ? ganttModel(view, rows, today, preview) : model),
    [preview, view, rows, today, model],
  );
  const option = useMemo(
    () => (seen?.zoom === zoom ? ganttOption(t, drawn, zoom, today, seen, font) : null),
    [t, drawn, zoom, today, seen, font],
  );

  useEffect(() => {
    if (!host.current) return undefined;
    // Sized by each draw to the window it shows (the host has no size before the first).
    const instance = echarts.init(host.current, 'planning', { width: 1, height: 1 });
    chart.current = instance;
    const zr = instance.getZr();

    instance.on('mousedown', (params) => {
      if (params.seriesIndex !== 0) return;
      const row = handlers.current.rows[(params.value as number[])[3]!];
      if (!row || row.kind !== 'task') return;
      const x = (params.event as unknown as { offsetX: number }).offsetX;
      const end = instance.convertToPixel({ gridIndex: 0 }, [
        dayToMs(row.task.finish) + 86_400_000,
        0,
      ]) as number[];
      const mode = Math.abs((end[0] ?? 0) - x) <= 8 ? 'resize' : 'move';
      drag.current = {
        taskId: row.task.id,
        mode,
        x,
        start: row.task.start,
        finish: row.task.finish,
      };
    });

    zr.on('mousemove', (e) => {
      const d = drag.current;
      if (!d) return;
      const days = Math.round((e.offsetX - d.x) / dayWidth[handlers.current.zoom]);
      const next =
        d.mode === 'move'
          ? { taskId: d.taskId, start: addDays(d.start, days), finish: addDays(d.finish, days) }
          : {
              taskId: d.taskId,
              start: d.start,
              finish: maxDay(d.start, shiftFinish(handlers.current.view, d.finish, days)),
            };
      setPreview((p) => (p && p.start === next.start && p.finish === next.finish ? p : next));
      zr.setCursorStyle(d.mode === 'move' ? 'grabbing' : 'ew-resize');
    });

    zr.on('mouseup', (e) => {
      const d = drag.current;
      drag.current = null;
      if (!d) return;
      const days = Math.round((e.offsetX - d.x) / dayWidth[handlers.current.zoom]);
      setPreview(null);
      if (days === 0) return;
      const { view: v, onMove: move, onResize: resize } = handlers.current;
      if (d.mode === 'move') move(d.taskId, addDays(d.start, days));
      else {
        const finish = maxDay(d.start, shiftFinish(v, d.finish, days));
        resize(d.taskId, workdaysBetween(d.start, finish, v.project.calendar));
      }
    });

    return () => {
      instance.dispose();
      chart.current = null;
    };
    // The chart is made once; rows, zoom and view reach the handlers through refs.
  }, []);

  useEffect(() => {
    const instance = chart.current;
    if (!instance || !option || !seen) return undefined;
    // How long a draw takes, from the data set to echarts' `finished`, read by bench/gantt.ts.
    const set = performance.now();
    const onFinished = () => {
      instance.off('finished', onFinished);
      const at = performance.now();
      host.current?.setAttribute('data-drawn-ms', (at - set).toFixed(1));
      host.current?.setAttribute('data-drawn-at', at.toFixed(1));
    };
    instance.on('finished', onFinished);
    // The window's size may have changed with it: the canvas follows before the draw.
    if (instance.getWidth() !== seen.width || instance.getHeight() !== seen.height) {
      instance.resize({ width: seen.width, height: seen.height });
    }
    instance.setOption(option, true);
    return () => {
      instance.off('finished', onFinished);
    };
    // The window comes with the option: `seen` is read only for its size.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [option]);

  return (
    <div
      className="plan-gantt-canvas"
      role="img"
      aria-label={ariaLabel}
      style={{ width: size.width, height: size.height }}
      data-first-day={msToDay(model.origin)}
    >
      {/* echarts makes its host `position: relative`, so the sticky box is a wrapper. */}
      <div
        className="plan-gantt-window"
        style={{ left: listWidth, width: seen?.width ?? 0, height: seen?.height ?? 0 }}
      >
        <div ref={host} />
      </div>
    </div>
  );
}

/** What one canvas of the PNG may hold: its longest side and its area in pixels. */
const exportLimits = { side: 16_000, area: 64_000_000, pixelRatio: 2 };

/**
 * The whole plan as a PNG (every line and day, not only the window on screen), drawn on
 * a chart of its own off screen. A plan too big for one canvas at the chosen zoom is drawn
 * at the next coarser zoom (week, then month), then at a smaller scale if it must.
 */
export function planPng(
  t: TFunction,
  locale: Locale,
  model: GanttModel,
  zoom: Zoom,
  today: string,
): string {
  const zooms: Zoom[] = ['day', 'week', 'month'];
  const fits = (z: Zoom) => {
    const { width, height } = planSize(model, z);
    return width * height <= exportLimits.area && Math.max(width, height) <= exportLimits.side;
  };
  const at = zooms.slice(zooms.indexOf(zoom)).find(fits) ?? 'month';
  const { width, height } = planSize(model, at);
  const ratio = Math.min(
    exportLimits.pixelRatio,
    Math.sqrt(exportLimits.area / (width * height)),
    exportLimits.side / Math.max(width, height),
  );

  const element = document.createElement('div');
  const instance = echarts.init(element, 'planning', { width, height, devicePixelRatio: ratio });
  try {
    const whole = { left: 0, top: 0, width, height };
    const option = ganttOption(t, model, at, today, whole, fontFamilyFor(locale));
    instance.setOption({ ...option, tooltip: { show: false } });
    return instance.getDataURL({ type: 'png', pixelRatio: ratio, backgroundColor: '#fff' });
  } finally {
    instance.dispose();
  }
}

function maxDay(a: string, b: string): string {
  return a > b ? a : b;
}
