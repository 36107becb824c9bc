import { ExclamationCircleFilled, LockOutlined, PushpinOutlined } from '@ant-design/icons';
import type { ColDef, ICellRendererParams, ValueGetterParams } from 'ag-grid-community';
import { Button, Space, Tag, Tooltip } from 'antd';
import type { TFunction } from 'i18next';
import type { TaskInfo, TaskStatus } from '../../../../core/api/planning';
import type { EditableField } from './edits';
import { departmentName, frozenText } from './text';

/** A grid row: the task as scheduled, and what was typed into it but refused. */
export interface TaskRow extends TaskInfo {
  phaseName: string;
  rejected: Partial<Record<EditableField, { text: string; message: string }>>;
}

export interface ColumnActions {
  edit(task: TaskRow, field: EditableField, text: string): void;
  setStatus(task: TaskRow, status: TaskStatus): void;
}

const statuses: TaskStatus[] = ['not_started', 'in_progress', 'done', 'cancelled'];

/** Shows the value, or the refused text in red with the reason on hover and to readers. */
function RejectableCell(props: ICellRendererParams<TaskRow> & { field: EditableField }) {
  const row = props.data;
  const rejected = row?.rejected[props.field];
  if (!rejected) return <span>{props.valueFormatted ?? String(props.value ?? '')}</span>;
  return (
    <Tooltip title={rejected.message}>
      <span className="plan-rejected" aria-invalid="true" aria-description={rejected.message}>
        <ExclamationCircleFilled /> {rejected.text}
      </span>
    </Tooltip>
  );
}

/**
 * A done or cancelled task keeps its dates, days, predecessors and owner: only its name,
 * and its status (to reopen it), can change. The grid says so when such a cell is edited.
 */
export function lockedWhenClosed(task: TaskRow | undefined, field: string): boolean {
  const closed = task?.status === 'done' || task?.status === 'cancelled';
  return closed && field !== 'status' && field !== 'name';
}

function editable(t: TFunction, actions: ColumnActions, field: EditableField): ColDef<TaskRow> {
  return {
    colId: field,
    editable: (p) => !lockedWhenClosed(p.data, field),
    // The editor opens on what was typed last, refused or not.
    valueGetter: (p: ValueGetterParams<TaskRow>) =>
      p.data?.rejected[field]?.text ?? (p.data ? String(p.data[field] ?? '') : ''),
    valueSetter: (p) => {
      if (p.data) actions.edit(p.data, field, String(p.newValue ?? ''));
      return false; // the row changes when the server's schedule comes back
    },
    cellRenderer: RejectableCell,
    cellRendererParams: { field },
    cellClassRules: { 'plan-cell-rejected': (p) => Boolean(p.data?.rejected[field]) },
    headerTooltip: field === 'predecessors' ? t('planning.grid.predHint') : undefined,
  };
}

function StatusActions({
  data,
  actions,
  t,
}: {
  data?: TaskRow;
  actions: ColumnActions;
  t: TFunction;
}) {
  if (!data) return null;
  const label = { seq: data.seq, name: data.name };
  // On a frozen task both buttons are overrides that ask for a reason: they look it
  // (a lock, dashed, "…") and say it to readers and on hover.
  const frozen = data.frozen;
  const override = frozen
    ? { type: 'dashed' as const, icon: <LockOutlined />, title: t('planning.grid.overrideHint') }
    : {};
  const word = (action: 'start' | 'finish') =>
    frozen ? t(`planning.grid.${action}Override`) : t(`planning.grid.${action}`);
  const aria = (action: 'start' | 'finish') =>
    t(`planning.grid.${action}${frozen ? 'OverrideTask' : 'Task'}`, label);
  return (
    <Space size={4}>
      {data.status === 'not_started' ? (
        <Button
          size="small"
          aria-label={aria('start')}
          onClick={() => actions.setStatus(data, 'in_progress')}
          {...override}
        >
          {word('start')}
        </Button>
      ) : null}
      {data.status === 'not_started' || data.status === 'in_progress' ? (
        <Button
          size="small"
          type="primary"
          ghost={!frozen}
          aria-label={aria('finish')}
          onClick={() => actions.setStatus(data, 'done')}
          {...override}
        >
          {word('finish')}
        </Button>
      ) : null}
    </Space>
  );
}

function StartCell({ data, value }: { data?: TaskRow; value?: unknown }) {
  const rejected = data?.rejected.start;
  if (rejected) return <span className="plan-rejected">{rejected.text}</span>;
  const conflict = data?.violations[0];
  return (
    <span className={conflict ? 'plan-conflict' : undefined}>
      {String(value ?? '')} {data?.pinned ? <PushpinOutlined /> : null}
    </span>
  );
}

/** The task grid's columns: spreadsheet order name, days, predecessors, start, owner. */
export function taskColumns(t: TFunction, actions: ColumnActions): ColDef<TaskRow>[] {
  return [
    { field: 'seq', headerName: t('planning.grid.seq'), width: 64, pinned: 'left' },
    {
      ...editable(t, actions, 'name'),
      headerName: t('planning.grid.name'),
      // Pinned columns do not flex: wide enough for a name and the Critical badge, and a
      // long name is cut with an ellipsis (hover shows it whole), never the badge.
      width: 380,
      pinned: 'left',
      tooltipValueGetter: (p) => (p.data?.rejected.name ? undefined : p.data?.name),
      cellRenderer: (p: ICellRendererParams<TaskRow>) => (
        <span className="plan-name-cell">
          {p.data?.frozen ? <LockOutlined className="plan-frozen-icon" /> : null}
          <span className="plan-name-text">
            <RejectableCell {...p} field="name" />
          </span>
          {p.data?.critical ? (
            <Tooltip title={t('planning.gantt.criticalNote')}>
              <Tag color="red">{t('planning.grid.critical')}</Tag>
            </Tooltip>
          ) : null}
        </span>
      ),
    },
    {
      ...editable(t, actions, 'duration'),
      headerName: t('planning.grid.duration'),
      width: 100,
      type: 'numericColumn',
    },
    {
      ...editable(t, actions, 'predecessors'),
      headerName: t('planning.grid.predecessors'),
      width: 150,
    },
    {
      ...editable(t, actions, 'start'),
      headerName: t('planning.grid.start'),
      width: 130,
      cellRenderer: StartCell,
      tooltipValueGetter: (p) =>
        p.data?.violations[0]
          ? t('planning.grid.conflict', { day: p.data.violations[0].earliestStart })
          : p.data?.pinned
            ? t('planning.grid.pinned')
            : undefined,
    },
    { field: 'finish', headerName: t('planning.grid.finish'), width: 120 },
    { ...editable(t, actions, 'owner'), headerName: t('planning.grid.owner'), width: 120 },
    {
      field: 'department',
      headerName: t('planning.grid.department'),
      width: 150,
      valueFormatter: (p) => departmentName(t, p.value as string | null),
    },
    { field: 'phaseName', headerName: t('planning.grid.phase'), width: 110 },
    {
      ...editable(t, actions, 'status'),
      headerName: t('planning.grid.status'),
      width: 120,
      valueGetter: (p) => p.data?.status,
      valueFormatter: (p) => t(`planning.status.${String(p.value)}`),
      cellEditor: 'agSelectCellEditor',
      cellEditorParams: { values: statuses },
      cellRenderer: (p: ICellRendererParams<TaskRow>) => (
        <span className={`plan-status plan-status-${p.data?.status}`}>
          {t(`planning.status.${p.data?.frozen ? 'frozen' : String(p.value)}`)}
        </span>
      ),
    },
    {
      field: 'slack',
      headerName: t('planning.grid.slack'),
      headerTooltip: t('planning.grid.slackHelp'),
      width: 80,
      type: 'numericColumn',
    },
    {
      field: 'buffer',
      headerName: t('planning.grid.buffer'),
      headerTooltip: t('planning.grid.bufferHelp'),
      width: 80,
      type: 'numericColumn',
    },
    {
      colId: 'hold',
      headerName: t('planning.grid.hold'),
      minWidth: 260,
      flex: 2,
      valueGetter: (p) => (p.data ? frozenText(t, p.data) : ''),
      tooltipValueGetter: (p) => (p.data ? frozenText(t, p.data) : undefined),
      cellClass: 'plan-hold',
    },
    {
      colId: 'actions',
      headerName: t('planning.grid.actions'),
      width: 210,
      pinned: 'right',
      sortable: false,
      cellRenderer: (p: ICellRendererParams<TaskRow>) => (
        <StatusActions data={p.data} actions={actions} t={t} />
      ),
    },
  ];
}
