import {
  ArrowLeftOutlined,
  CalendarOutlined,
  DeleteOutlined,
  FileExcelOutlined,
  FileTextOutlined,
  SaveOutlined,
} from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Popconfirm,
  Space,
  Spin,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectView as View } from '../../../../core/api/planning';
import { api } from '../../api/client';
import { ErrorNote } from '../../components/ErrorNote';
import { useLocale } from '../../shell/locale';
import { navigate } from '../../shell/route';
import { useApi } from '../../shell/useApi';
import { useProjectEditor } from './editor';
import type { ProjectEditor } from './editor';
import { CalendarDialog } from './CalendarDialog';
import { GanttTab } from './GanttTab';
import { goalWithBaseline } from './goal';
import { OverrideLog } from './OverrideLog';
import { SaveTemplateDialog } from './SaveTemplateDialog';
import { ScopeTags } from './StoreScope';
import { TaskTab } from './TaskTab';
import { dayIn, describePlanningError, downloadBase64, metricName } from './text';
import { WaitingView } from './WaitingView';

/** Ctrl+Z / Ctrl+Y (and Ctrl+Shift+Z) over the plan, except while a cell or field is typed in. */
function useUndoKeys(editor: ProjectEditor) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey)) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, [contenteditable="true"]')) return;
      const key = event.key.toLowerCase();
      const redo = key === 'y' || (key === 'z' && event.shiftKey);
      if (key !== 'z' && key !== 'y') return;
      event.preventDefault();
      void (redo ? editor.redo() : editor.undo()).then((label) => {
        if (label)
          message.info(t(redo ? 'planning.grid.redone' : 'planning.grid.undone', { label }));
      });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [editor, message, t]);
}

/** What the last change did to the schedule: tasks moved, or a move the rules refused. */
function ScheduleNotice({ view }: { view: View }) {
  const { t } = useTranslation();
  const conflicts = view.tasks.filter((x) => x.violations.length > 0).length;
  const adjusted = view.adjusted;
  const held = adjusted
    ? view.dependencies
        .filter((d) => d.successorId === adjusted.taskId)
        .map((d) => {
          const p = view.tasks.find((x) => x.id === d.predecessorId);
          return p
            ? `#${p.seq} ${p.name} (${d.type}${d.lag ? (d.lag > 0 ? `+${d.lag}` : d.lag) : ''})`
            : '';
        })
        .join(', ')
    : '';
  if (!adjusted && view.moved.length === 0 && conflicts === 0) return null;
  return (
    <Space direction="vertical" style={{ width: '100%', marginBottom: 8 }}>
      {adjusted ? (
        <Alert
          type="warning"
          showIcon
          role="alert"
          title={t('planning.project.adjusted', {
            name: view.tasks.find((x) => x.id === adjusted.taskId)?.name ?? '',
            placed: adjusted.placed,
            requested: adjusted.requested,
            reason: held || adjusted.reason,
          })}
        />
      ) : null}
      {view.moved.length > 0 && !adjusted ? (
        <Alert
          type="info"
          showIcon
          title={t('planning.project.moved', { count: view.moved.length })}
        />
      ) : null}
      {conflicts > 0 ? (
        <Alert
          type="error"
          showIcon
          title={t('planning.project.conflicts', { count: conflicts })}
        />
      ) : null}
    </Space>
  );
}

/** `onChanged` reloads the plan after a change made outside the undoable edits. */
function Header({ view, today, onChanged }: { view: View; today: string; onChanged(): void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [savingTemplate, setSavingTemplate] = useState(false);
  const [editingCalendar, setEditingCalendar] = useState(false);
  const stores = useApi('stores.list', {});
  const goal = view.project.goal;

  const exportPlan = async (format: 'csv' | 'xlsx') => {
    try {
      const lang = locale === 'zh-CN' ? 'zh' : 'en';
      const file = await api.call('projects.export', { projectId: view.project.id, format, lang });
      downloadBase64(file.fileName, file.mime, file.contentBase64);
    } catch (error) {
      message.error(describePlanningError(t, error));
    }
  };
  const remove = async () => {
    await api.call('projects.delete', { projectId: view.project.id });
    navigate('planning');
  };

  return (
    <Card
      className="page-card"
      title={
        <Space>
          <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('planning')}>
            {t('planning.project.back')}
          </Button>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {view.project.name}
          </Typography.Title>
        </Space>
      }
      extra={
        <Space>
          <Button icon={<CalendarOutlined />} onClick={() => setEditingCalendar(true)}>
            {t('planning.calendar.open')}
          </Button>
          <Button icon={<SaveOutlined />} onClick={() => setSavingTemplate(true)}>
            {t('planning.templates.saveAs')}
          </Button>
          <Button icon={<FileTextOutlined />} onClick={() => void exportPlan('csv')}>
            {t('planning.project.exportCsv')}
          </Button>
          <Button icon={<FileExcelOutlined />} onClick={() => void exportPlan('xlsx')}>
            {t('planning.project.exportXlsx')}
          </Button>
          <Popconfirm
            title={t('planning.project.deleteConfirm', { name: view.project.name })}
            onConfirm={() => void remove()}
            okButtonProps={{ danger: true }}
          >
            <Button danger icon={<DeleteOutlined />} aria-label={t('planning.project.delete')} />
          </Popconfirm>
        </Space>
      }
    >
      <Descriptions size="small" column={{ xs: 1, md: 2, xxl: 4 }}>
        <Descriptions.Item label={t('planning.col.goal')}>
          {goal
            ? `${metricName(t, goal.metric)} ${goalWithBaseline(t, locale, goal)}`
            : t('planning.noGoal')}
        </Descriptions.Item>
        <Descriptions.Item label={t('planning.project.period')}>
          {goal
            ? t('planning.project.span', { start: goal.periodStart, finish: goal.periodEnd })
            : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('planning.dialog.owner')}>
          {view.project.owner ?? '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('planning.col.dates')}>
          {view.start && view.finish
            ? t('planning.project.span', { start: view.start, finish: view.finish })
            : '—'}
        </Descriptions.Item>
        <Descriptions.Item label={t('planning.col.progress')}>
          {t('planning.progressText', {
            done: view.tasks.filter((x) => x.status === 'done').length,
            total: view.tasks.length,
          })}
          {' · '}
          {t('planning.col.frozen')} {view.tasks.filter((x) => x.frozen).length}
        </Descriptions.Item>
        <Descriptions.Item label={t('planning.project.scope')}>
          <ScopeTags scope={view.project.scope} stores={stores.data} />
        </Descriptions.Item>
        <Descriptions.Item label={t('planning.project.kpis')}>
          <Space size={4} wrap>
            {view.project.kpis.map((k) => (
              <Tag key={k.key}>{locale === 'zh-CN' ? k.nameZh : k.nameEn}</Tag>
            ))}
            <Tag color="orange">{t('planning.project.today', { day: today })}</Tag>
          </Space>
        </Descriptions.Item>
      </Descriptions>
      <SaveTemplateDialog
        open={savingTemplate}
        projectId={view.project.id}
        projectName={view.project.name}
        onClose={() => setSavingTemplate(false)}
      />
      <CalendarDialog
        // A new dialog per opening, so it always starts from the stored calendar.
        key={editingCalendar ? 'open' : 'closed'}
        open={editingCalendar}
        projectId={view.project.id}
        calendar={view.project.calendar}
        onClose={() => setEditingCalendar(false)}
        onSaved={(after) => {
          setEditingCalendar(false);
          void message.success(t('planning.calendar.saved', { count: after.moved.length }));
          onChanged();
        }}
      />
    </Card>
  );
}

/** One project: header with goal and exports, then the grid, the Gantt, who waits, overrides. */
export function ProjectView({ projectId }: { projectId: number }) {
  const { t } = useTranslation();
  const editor = useProjectEditor(projectId);
  const info = useApi('app.info', {});
  const [tab, setTab] = useState('grid');
  useUndoKeys(editor);

  if (editor.loadError) return <ErrorNote error={editor.loadError} onRetry={editor.reload} />;
  const view = editor.view;
  if (!view || !info.data) return <Spin />;
  // Today comes from the console's clock, which a trainer may have set to a simulated day.
  const today = dayIn(info.data.now, view.project.calendar.zone);

  return (
    <div>
      <Header view={view} today={today} onChanged={editor.reload} />
      <Card className="page-card">
        <ScheduleNotice view={view} />
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'grid',
              label: t('planning.project.tabGrid'),
              children: <TaskTab editor={editor} />,
            },
            {
              key: 'gantt',
              label: t('planning.project.tabGantt'),
              children: <GanttTab editor={editor} today={today} />,
            },
            {
              key: 'waiting',
              label: t('planning.project.tabWaiting'),
              children: <WaitingView projectId={projectId} version={signature(view)} />,
            },
            {
              key: 'overrides',
              label: t('planning.project.tabOverrides'),
              children: <OverrideLog projectId={projectId} version={signature(view)} />,
            },
          ]}
        />
      </Card>
    </div>
  );
}

/** Changes whenever a task's status or freeze changes, so the waiting list is asked again. */
function signature(view: View): string {
  return view.tasks.map((x) => `${x.id}${x.status}${x.frozen ? 'f' : ''}`).join(',');
}
