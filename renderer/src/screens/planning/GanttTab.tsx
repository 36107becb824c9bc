import { DownloadOutlined, LockOutlined } from '@ant-design/icons';
import type { ECharts } from 'echarts/core';
import { Button, Segmented, Space, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectEditor } from './editor';
import { addDays, dayToMs } from './calendar';
import { moveBack } from './edits';
import { GanttCanvas } from './Gantt';
import { colors } from './ganttOption';
import { dayWidth, ganttRows, headerHeight, rowHeight } from './ganttRows';
import type { Zoom } from './ganttRows';
import { downloadUrl, frozenText } from './text';

function Legend() {
  const { t } = useTranslation();
  const items: [string, string][] = [
    [colors.critical, t('planning.gantt.legendCritical')],
    [colors.normal, t('planning.gantt.legendNormal')],
    [colors.frozen, t('planning.gantt.legendFrozen')],
    [colors.done, t('planning.gantt.legendDone')],
    [colors.phase, t('planning.gantt.legendPhase')],
    [colors.today, t('planning.gantt.legendToday')],
  ];
  return (
    <ul className="plan-legend" aria-label={t('planning.gantt.legend')}>
      {items.map(([color, label]) => (
        <li key={label}>
          <span
            className={color === colors.frozen ? 'plan-swatch frozen' : 'plan-swatch'}
            style={{ background: color }}
          />
          {label}
        </li>
      ))}
    </ul>
  );
}

/** The task column beside the canvas: what the bars are, readable by people and tools. */
function TaskColumn({ rows }: { rows: ReturnType<typeof ganttRows> }) {
  const { t } = useTranslation();
  return (
    <ol className="plan-gantt-list" aria-label={t('planning.gantt.summary')}>
      <li className="plan-gantt-head" style={{ height: headerHeight }} aria-hidden="true">
        <span>{t('planning.grid.name')}</span>
        <span>
          {t('planning.grid.start')} → {t('planning.grid.finish')}
        </span>
      </li>
      {rows.map((row) =>
        row.kind === 'phase' ? (
          <li key={row.key} className="plan-gantt-phase" style={{ height: rowHeight }}>
            <span>{row.name}</span>
            <span>
              {row.start.slice(5)} → {row.finish.slice(5)}
            </span>
          </li>
        ) : (
          <li
            key={row.key}
            className={row.task.critical ? 'plan-gantt-task critical' : 'plan-gantt-task'}
            style={{ height: rowHeight }}
            title={row.task.frozen ? frozenText(t, row.task) : row.task.name}
          >
            <span className="plan-gantt-name">
              {row.task.frozen ? <LockOutlined aria-label={t('planning.gantt.rowFrozen')} /> : null}
              #{row.task.seq} {row.task.name}
              {row.task.critical ? (
                <span className="plan-sr">（{t('planning.gantt.rowCritical')}）</span>
              ) : null}
            </span>
            <span>
              {row.task.start.slice(5)} → {row.task.finish.slice(5)}
            </span>
          </li>
        ),
      )}
    </ol>
  );
}

/**
 * The Gantt tab: zoom, legend, PNG export, the task column and the canvas. Drags go
 * through the same scheduler calls as the grid, so they can be undone the same way.
 */
export function GanttTab({ editor, today }: { editor: ProjectEditor; today: string }) {
  const { t } = useTranslation();
  const [zoom, setZoom] = useState<Zoom>('day');
  const chart = useRef<ECharts | null>(null);
  const view = editor.view!;
  const rows = useMemo(() => ganttRows(view), [view]);
  const { apply } = editor;
  const scroller = useRef<HTMLDivElement>(null);

  // Opens on today (a week before it in view), as a planner looks at a plan.
  const first = view.start && view.start < today ? view.start : today;
  useEffect(() => {
    const days = (dayToMs(today) - dayToMs(addDays(first, -2))) / 86_400_000;
    scroller.current?.scrollTo({ left: Math.max(0, (days - 7) * dayWidth[zoom]) });
  }, [first, today, zoom]);

  const onMove = useCallback(
    (taskId: number, start: string) => {
      const task = view.tasks.find((x) => x.id === taskId);
      if (!task) return;
      void apply({
        label: t('planning.edit.move'),
        redo: [{ method: 'tasks.move', input: { taskId, start, pin: false } }],
        undo: [{ method: 'tasks.move', input: moveBack(task) }],
      });
    },
    [apply, view, t],
  );

  const onResize = useCallback(
    (taskId: number, duration: number) => {
      const task = view.tasks.find((x) => x.id === taskId);
      if (!task) return;
      void apply({
        label: t('planning.edit.resize'),
        redo: [{ method: 'tasks.update', input: { taskId, duration } }],
        undo: [{ method: 'tasks.update', input: { taskId, duration: task.duration } }],
      });
    },
    [apply, view, t],
  );

  const exportPng = () => {
    const url = chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
    if (url) downloadUrl(`${view.project.name}-gantt.png`, url);
  };

  return (
    <div>
      <Space className="plan-toolbar" wrap>
        <Typography.Text type="secondary">{t('planning.gantt.zoom')}</Typography.Text>
        <Segmented
          aria-label={t('planning.gantt.zoom')}
          value={zoom}
          onChange={(v) => setZoom(v as Zoom)}
          options={(['day', 'week', 'month'] as const).map((z) => ({
            value: z,
            label: t(`planning.gantt.${z}`),
          }))}
        />
        <Button icon={<DownloadOutlined />} onClick={exportPng}>
          {t('planning.project.exportPng')}
        </Button>
        <Legend />
      </Space>
      <div className="plan-gantt">
        <TaskColumn rows={rows} />
        <div className="plan-gantt-canvas" ref={scroller}>
          <GanttCanvas
            view={view}
            rows={rows}
            zoom={zoom}
            today={today}
            ariaLabel={t('planning.gantt.chartLabel', { name: view.project.name })}
            onMove={onMove}
            onResize={onResize}
            onChart={(c) => {
              chart.current = c;
            }}
          />
        </div>
      </div>
      <Typography.Paragraph type="secondary" className="plan-hint">
        {t('planning.gantt.dragHint')}
      </Typography.Paragraph>
    </div>
  );
}
