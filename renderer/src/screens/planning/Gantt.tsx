import { CustomChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectView } from '../../../../core/api/planning';
import { chartTheme } from '../../theme';
import { addDays, dayToMs, isWorkday, msToDay, workdaysBetween } from './calendar';
import type { Preview } from './ganttOption';
import { ganttOption } from './ganttOption';
import type { GanttRow, Zoom } from './ganttRows';
import { dayWidth, headerHeight, rowHeight } from './ganttRows';

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
  zoom: Zoom;
  today: string;
  ariaLabel: string;
  onMove(taskId: number, start: string): void;
  onResize(taskId: number, duration: number): void;
  onChart(chart: echarts.ECharts | null): void;
}

/** The day `days` working days after `from` (the drop of a resized bar's end). */
function shiftFinish(view: ProjectView, finish: string, days: number): string {
  let day = addDays(finish, days);
  while (days < 0 && !isWorkday(day, view.project.calendar) && day > '0000') day = addDays(day, -1);
  return day;
}

/**
 * The Gantt's canvas: bars drag to move, their right end drags to resize; the drop
 * goes to the scheduler and the bars are drawn again from the schedule it returns.
 */
export function GanttCanvas({
  view,
  rows,
  zoom,
  today,
  ariaLabel,
  onMove,
  onResize,
  onChart,
}: Props) {
  const { t } = useTranslation();
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const drag = useRef<Drag | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const handlers = useRef({ onMove, onResize, view, zoom, rows });
  useEffect(() => {
    handlers.current = { onMove, onResize, view, zoom, rows };
  });

  const option = useMemo(
    () => ganttOption(t, view, rows, zoom, today, preview),
    [t, view, rows, zoom, today, preview],
  );

  useEffect(() => {
    if (!host.current) return undefined;
    const instance = echarts.init(host.current, 'planning');
    chart.current = instance;
    onChart(instance);
    const zr = instance.getZr();

    instance.on('mousedown', (params) => {
      if (params.seriesIndex !== 0) return;
      const row = handlers.current.rows[params.dataIndex];
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

    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(host.current);
    return () => {
      observer.disconnect();
      onChart(null);
      instance.dispose();
      chart.current = null;
    };
    // The chart is made once; rows, zoom and view reach the handlers through refs.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const instance = chart.current;
    if (!instance) return undefined;
    // How long a draw takes, from the data set to echarts' `finished`, read by bench/gantt.ts.
    const set = performance.now();
    const onFinished = () => {
      instance.off('finished', onFinished);
      const at = performance.now();
      host.current?.setAttribute('data-drawn-ms', (at - set).toFixed(1));
      host.current?.setAttribute('data-drawn-at', at.toFixed(1));
    };
    instance.on('finished', onFinished);
    instance.setOption(option, true);
    return () => {
      instance.off('finished', onFinished);
    };
  }, [option]);

  const days = Math.round(
    ((option.xAxis as { max: number }).max - (option.xAxis as { min: number }).min) / 86_400_000,
  );
  const width = days * dayWidth[zoom] + 128;
  const height = headerHeight + rows.length * rowHeight + 8;
  return (
    <div
      ref={host}
      role="img"
      aria-label={ariaLabel}
      style={{ width: `max(100%, ${width}px)`, height }}
      data-first-day={msToDay((option.xAxis as { min: number }).min)}
    />
  );
}

function maxDay(a: string, b: string): string {
  return a > b ? a : b;
}
