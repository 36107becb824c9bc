import { DownloadOutlined, LockOutlined } from '@ant-design/icons';
import { Button, Segmented, Space, Typography } from 'antd';
import { memo, useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../shell/locale';
import type { ProjectEditor } from './editor';
import { moveBack } from './edits';
import { GanttCanvas, planPng, useGanttWindow } from './Gantt';
import { colors } from './ganttOption';
import { ganttModel, ganttRows, headerHeight, rowHeight, shownLines } from './ganttRows';
import type { GanttRow, Zoom } from './ganttRows';
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
        <li
          key={label}
          title={color === colors.critical ? t('planning.gantt.criticalNote') : undefined}
        >
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

/** Room in the task column for lines not on the page, kept out of the accessibility tree. */
function Gap({ lines }: { lines: number }) {
  if (lines <= 0) return null;
  return <li className="plan-gantt-gap" style={{ height: lines * rowHeight }} aria-hidden="true" />;
}

/**
 * The task column beside the canvas: what the bars are, readable by people and tools.
 * Only the lines near the window are on the page (each says its place in the whole list),
 * so a plan of 500 tasks costs the page what one of 50 does; drawn again only when those
 * lines change, not on zoom or on a scroll within them.
 */
const TaskColumn = memo(function TaskColumn({
  rows,
  from,
  to,
}: {
  rows: GanttRow[];
  from: number;
  to: number;
}) {
  const { t } = useTranslation();
  return (
    <ol className="plan-gantt-list" aria-label={t('planning.gantt.summary')}>
      <li className="plan-gantt-head" style={{ height: headerHeight }} aria-hidden="true">
        <span>{t('planning.grid.name')}</span>
        <span>
          {t('planning.grid.start')} → {t('planning.grid.finish')}
        </span>
      </li>
      <Gap lines={from} />
      {rows.slice(from, to).map((row, i) =>
        row.kind === 'phase' ? (
          <li
            key={row.key}
            className="plan-gantt-phase"
            style={{ height: rowHeight }}
            aria-posinset={from + i + 1}
            aria-setsize={rows.length}
          >
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
            aria-posinset={from + i + 1}
            aria-setsize={rows.length}
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
      <Gap lines={rows.length - to} />
    </ol>
  );
});

/**
 * The Gantt tab: zoom, legend, PNG export, the task column and the canvas. Drags go
 * through the same scheduler calls as the grid, so they can be undone the same way.
 */
export function GanttTab({ editor, today }: { editor: ProjectEditor; today: string }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [zoom, setZoom] = useState<Zoom>('day');
  const view = editor.view!;
  const rows = useMemo(() => ganttRows(view), [view]);
  const model = useMemo(() => ganttModel(view, rows, today, null), [view, rows, today]);
  const { apply } = editor;
  const scroller = useRef<HTMLDivElement>(null);
  // Opens on the project's first bar, or on today if the project starts later.
  const openDay = view.start && view.start < today ? view.start : today;
  const seen = useGanttWindow(scroller, model, zoom, openDay);
  const [from, to] = shownLines(rows.length, seen);

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

  // The whole plan, not only the window on screen (see planPng for a plan too big).
  const exportPng = () => {
    downloadUrl(`${view.project.name}-gantt.png`, planPng(t, locale, model, zoom, today));
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
      <div className="plan-gantt" ref={scroller}>
        <div className="plan-gantt-plan">
          <TaskColumn rows={rows} from={from} to={to} />
          <GanttCanvas
            view={view}
            rows={rows}
            model={model}
            zoom={zoom}
            today={today}
            ariaLabel={t('planning.gantt.chartLabel', { name: view.project.name })}
            seen={seen}
            onMove={onMove}
            onResize={onResize}
          />
        </div>
      </div>
      <Typography.Paragraph type="secondary" className="plan-hint">
        {t('planning.gantt.dragHint')}
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary" className="plan-hint plan-critical-note">
        {t('planning.gantt.criticalNote')}
      </Typography.Paragraph>
    </div>
  );
}
