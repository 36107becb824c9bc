import type {
  CustomSeriesRenderItemAPI,
  CustomSeriesRenderItemParams,
  CustomSeriesRenderItemReturn,
} from 'echarts';
import type { EChartsCoreOption } from 'echarts/core';
import type { TFunction } from 'i18next';
import type { TaskInfo } from '../../../../core/api/planning';
import { palette } from '../../theme';
import { dayToMs } from './calendar';
import type { GanttModel, GanttRow, GanttWindow, Zoom } from './ganttRows';
import { headerHeight, visibleParts, windowLines, windowTimes } from './ganttRows';
import { frozenText } from './text';

const DAY = 86_400_000;

export const colors = {
  critical: palette.error,
  normal: palette.primary,
  frozen: '#a0a7b4',
  done: palette.success,
  phase: '#3d4757',
  today: '#f29d38',
  arrow: '#8f959e',
};

function barColor(task: TaskInfo): string {
  if (task.status === 'done') return colors.done;
  // A frozen bar keeps its colour (the critical path stays visible), faded and dashed.
  return task.critical ? colors.critical : colors.normal;
}

type Coord = (value: [number, number]) => number[];

/** An elbowed arrow from one bar end to another, bending between the rows. */
function arrowPath(from: number[], to: number[], outward: number, inward: number): number[][] {
  const [x0, y0] = from as [number, number];
  const [x1, y1] = to as [number, number];
  const out = x0 + 8 * outward;
  const into = x1 - 8 * inward;
  if ((inward > 0 && into >= out && outward > 0) || (inward < 0 && into <= out && outward < 0)) {
    return [from, [out, y0], [out, y1], to];
  }
  const between = y0 + (y1 - y0) / 2;
  return [from, [out, y0], [out, between], [into, between], [into, y1], to];
}

/**
 * The time axis's labels. At day zoom a day is 36 px wide, too narrow for "12-05" beside
 * each other (echarts then hid every other label, unevenly across a month's end): each day
 * shows its number, and the month is named with it on its first day ("12-01") and on the
 * first two days of the window (`windowStart` is the instant at its left edge; the label
 * of a day right at the edge is cut in half). At month zoom echarts also puts ticks
 * mid-month; only the tick on a month's first day is labelled, so a month is named once
 * ("2026-12", not twice). The first tick is always labelled, so that a plan shorter than a
 * month still says which.
 */
export function axisLabelFormat(
  zoom: Zoom,
  windowStart = -Infinity,
): string | ((value: number, index?: number) => string) {
  if (zoom === 'week') return '{MM}-{dd}';
  const two = (n: number) => String(n).padStart(2, '0');
  if (zoom === 'day') {
    return (value: number) => {
      const day = new Date(value);
      const dd = two(day.getDate());
      const first = day.getDate() === 1 || value < windowStart + 2 * DAY;
      return first ? `${two(day.getMonth() + 1)}-${dd}` : dd;
    };
  }
  return (value: number, index = 0) => {
    const day = new Date(value);
    if (day.getDate() !== 1 && index > 0) return '';
    return `${day.getFullYear()}-${two(day.getMonth() + 1)}`;
  };
}

/**
 * The Gantt as an echarts option for the window on screen: one custom series for the
 * phase and task bars in it, one for the dependency arrows crossing it and one for the
 * today line, on a time axis at the top. The axes span the window only, at the zoom's
 * pixels per day, so the canvas is as big as the window and not as the plan.
 */
export function ganttOption(
  t: TFunction,
  model: GanttModel,
  zoom: Zoom,
  today: string,
  win: GanttWindow,
  /** The page's font list for the language on screen (fontFamilyFor): the canvas has no lang. */
  font: string,
): EChartsCoreOption {
  const { rows, preview } = model;
  const [min, max] = windowTimes(model, zoom, win);
  const [top, bottom] = windowLines(win);
  const parts = visibleParts(model, zoom, win);

  const renderBar = (
    _params: CustomSeriesRenderItemParams,
    api: CustomSeriesRenderItemAPI,
  ): CustomSeriesRenderItemReturn => {
    const row = rows[api.value(3) as number]!;
    const index = api.value(0) as number;
    const [x0, y] = api.coord([api.value(1), index]) as [number, number];
    const [x1] = api.coord([api.value(2), index]) as [number, number];
    const width = Math.max(x1 - x0, 3);

    if (row.kind === 'phase') {
      return {
        type: 'group',
        children: [
          {
            type: 'rect',
            shape: { x: x0, y: y - 4, width, height: 8, r: 2 },
            style: { fill: colors.phase },
          },
          {
            type: 'polygon',
            shape: {
              points: [
                [x0, y + 4],
                [x0 + 6, y + 4],
                [x0, y + 10],
              ],
            },
            style: { fill: colors.phase },
          },
          {
            type: 'polygon',
            shape: {
              points: [
                [x0 + width, y + 4],
                [x0 + width - 6, y + 4],
                [x0 + width, y + 10],
              ],
            },
            style: { fill: colors.phase },
          },
        ],
      };
    }

    const task = row.task;
    const height = 18;
    const fill = barColor(task);
    const dragging = preview?.taskId === task.id;
    const children: NonNullable<CustomSeriesRenderItemReturn>[] = [];
    if (task.duration === 0) {
      children.push({
        type: 'polygon',
        shape: {
          points: [
            [x0, y - 9],
            [x0 + 9, y],
            [x0, y + 9],
            [x0 - 9, y],
          ],
        },
        style: { fill },
      });
    } else {
      children.push({
        type: 'rect',
        shape: { x: x0, y: y - height / 2, width, height, r: 4 },
        style: {
          fill,
          opacity: task.frozen ? 0.35 : 1,
          stroke: dragging ? palette.text : task.frozen ? '#646a73' : undefined,
          lineWidth: dragging || task.frozen ? 1 : 0,
          lineDash: task.frozen || dragging ? [4, 3] : undefined,
        },
      });
      if (task.progress > 0 && task.status !== 'done') {
        children.push({
          type: 'rect',
          shape: { x: x0, y: y + height / 2 - 4, width: (width * task.progress) / 100, height: 4 },
          style: { fill: 'rgba(0,0,0,0.35)' },
        });
      }
      // The right end is a handle: dragging it changes the duration.
      children.push({
        type: 'rect',
        shape: { x: x0 + width - 6, y: y - height / 2, width: 8, height },
        style: { fill: 'rgba(0,0,0,0)' },
      });
    }
    // A frozen bar names what holds it: "#7 · 等待 #2, #3".
    const holds = task.holds.map((h) => `#${h.predecessorSeq}`).join(', ');
    const label = task.frozen
      ? `#${task.seq} · ${t('planning.gantt.waits', { holds })}`
      : `#${task.seq}`;
    children.push({
      type: 'text',
      x: x0 + Math.max(width, 10) + 6,
      y,
      style: {
        text: label,
        fill: task.frozen ? '#646a73' : palette.textSecondary,
        fontSize: 11,
        fontFamily: font,
        verticalAlign: 'middle',
      },
      silent: true,
    });
    return { type: 'group', children };
  };

  const renderArrow = (
    params: CustomSeriesRenderItemParams,
    api: CustomSeriesRenderItemAPI,
  ): CustomSeriesRenderItemReturn => {
    const dep = parts.arrows[params.dataIndex]!;
    const coord: Coord = (v) => api.coord(v) as number[];
    const from = coord([api.value(1) as number, api.value(0) as number]);
    const to = coord([api.value(3) as number, api.value(2) as number]);
    const inward = dep.toStart ? 1 : -1;
    const color = dep.critical ? colors.critical : colors.arrow;
    const [tx, ty] = to as [number, number];
    return {
      type: 'group',
      silent: true,
      children: [
        {
          type: 'polyline',
          shape: { points: arrowPath(from, to, dep.fromEnd ? 1 : -1, inward) },
          style: { stroke: color, lineWidth: dep.critical ? 1.6 : 1, fill: 'none' },
        },
        {
          type: 'polygon',
          shape: {
            points: [
              [tx, ty],
              [tx - 6 * inward, ty - 4],
              [tx - 6 * inward, ty + 4],
            ],
          },
          style: { fill: color },
        },
      ],
    };
  };

  const renderToday = (
    params: CustomSeriesRenderItemParams,
    api: CustomSeriesRenderItemAPI,
  ): CustomSeriesRenderItemReturn => {
    const system = params.coordSys as unknown as { y: number; height: number };
    const [x] = api.coord([api.value(0), 0]) as [number, number];
    return {
      type: 'group',
      silent: true,
      children: [
        {
          type: 'line',
          shape: { x1: x, y1: system.y, x2: x, y2: system.y + system.height },
          style: { stroke: colors.today, lineWidth: 2, lineDash: [6, 4] },
        },
        {
          type: 'text',
          x: x + 4,
          y: system.y + 2,
          style: {
            text: t('planning.gantt.legendToday'),
            fill: colors.today,
            fontSize: 11,
            fontFamily: font,
          },
        },
      ],
    };
  };

  const labelFormat = axisLabelFormat(zoom, min);
  const interval = zoom === 'day' ? DAY : zoom === 'week' ? 7 * DAY : undefined;

  return {
    animation: false,
    // The axis labels and the tooltip; drawn texts name the font themselves.
    textStyle: { fontFamily: font },
    grid: { left: 0, right: 0, top: headerHeight, bottom: 0 },
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p: { seriesIndex: number; value: number[] }) =>
        p.seriesIndex === 0 ? tooltipHtml(t, rows[p.value[3]!]!) : '',
    },
    xAxis: {
      type: 'time',
      position: 'top',
      min,
      max,
      minInterval: interval,
      maxInterval: interval,
      axisLabel: { formatter: labelFormat, hideOverlap: true, color: palette.textSecondary },
      splitLine: { show: true, lineStyle: { color: '#eef0f3' } },
      axisLine: { lineStyle: { color: palette.border } },
    },
    // Lines are numbered from 0 at the top; line i's bar sits at i + 0.5, between splits.
    yAxis: {
      type: 'value',
      inverse: true,
      min: top,
      max: bottom,
      interval: 1,
      axisLabel: { show: false },
      axisTick: { show: false },
      axisLine: { show: false },
      splitLine: { show: true, lineStyle: { color: '#f2f3f5' } },
    },
    series: [
      {
        type: 'custom',
        name: 'bars',
        renderItem: renderBar,
        encode: { x: [1, 2], y: 0 },
        data: parts.bars.map((b) => [b.row + 0.5, b.from, b.to, b.row]),
        clip: true,
      },
      {
        type: 'custom',
        name: 'dependencies',
        renderItem: renderArrow,
        encode: { x: [1, 3], y: [0, 2] },
        data: parts.arrows.map((a) => [a.fromRow + 0.5, a.fromMs, a.toRow + 0.5, a.toMs]),
        silent: true,
        clip: true,
        z: 1,
      },
      {
        type: 'custom',
        name: 'today',
        renderItem: renderToday,
        encode: { x: 0 },
        data: [[dayToMs(today)]],
        silent: true,
        clip: true,
        z: 3,
      },
    ],
  };
}

function escape(text: string): string {
  return text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

function tooltipHtml(t: TFunction, row: GanttRow): string {
  if (row.kind === 'phase') {
    return `<b>${escape(row.name)}</b><br/>${row.start} → ${row.finish}`;
  }
  const task = row.task;
  const lines = [
    `<b>#${task.seq} ${escape(task.name)}</b>`,
    t('planning.gantt.tipDates', {
      start: task.start,
      finish: task.finish,
      duration: task.duration,
    }),
    `${t(`planning.status.${task.status}`)} · ${t('planning.gantt.tipSlack', { slack: task.slack })}`,
  ];
  if (task.owner) lines.push(escape(t('planning.gantt.tipOwner', { owner: task.owner })));
  if (task.critical)
    lines.push(
      `<span style="color:${colors.critical}">${t('planning.gantt.legendCritical')}</span>`,
    );
  if (task.frozen) {
    lines.push(
      `<span style="color:#d48806">${t('planning.gantt.tipFrozen')} ${escape(frozenText(t, task))}</span>`,
    );
  }
  return lines.join('<br/>');
}
