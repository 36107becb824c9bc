import { PlusOutlined, RedoOutlined, UndoOutlined } from '@ant-design/icons';
import type {
  CellDoubleClickedEvent,
  CellKeyDownEvent,
  ColDef,
  FullWidthCellKeyDownEvent,
  GetRowIdParams,
  GridApi,
  RowClassRules,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { Alert, App, Button, Space, Tooltip, Typography } from 'antd';
import type { ClipboardEvent } from 'react';
import { useCallback, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskStatus } from '../../../../core/api/planning';
import { errorCode } from '../../i18n/errors';
import { useLocale } from '../../shell/locale';
import { gridTheme } from '../../theme';
import type { Edit, Op, ProjectEditor, Where } from './editor';
import { InvalidValue, fieldOps, isEditable, statusOf } from './edits';
import type { EditableField } from './edits';
import { OverrideDialog } from './OverrideDialog';
import { releasedTasks, statusChangeText } from './released';
import { readClipboardTable } from './paste';
import { lockedWhenClosed, taskColumns } from './taskColumns';
import type { ColumnActions, TaskRow } from './taskColumns';
import { describePlanningError } from './text';

// Made once, not per render: a new object would make ag-grid rebuild every column and
// redraw every cell (all 500 lines of a big plan) each time the project view re-renders,
// e.g. when its Gantt tab is opened.
const defaultColDef: ColDef<TaskRow> = {
  resizable: true,
  sortable: false,
  suppressMovable: true,
  // Cells draw more than their value (frozen, critical, refused text): redraw
  // them whenever the server's schedule comes back.
  equals: () => false,
};

const rowClassRules: RowClassRules<TaskRow> = {
  'plan-row-frozen': (p) => Boolean(p.data?.frozen),
  'plan-row-done': (p) => p.data?.status === 'done',
};

/**
 * The task grid: spreadsheet-like editing through the contract (the scheduler moves what
 * must move), refused text kept in its cell with the reason, undo/redo and paste.
 */
export function TaskTab({ editor }: { editor: ProjectEditor }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const gridApi = useRef<GridApi<TaskRow> | null>(null);
  const [overriding, setOverriding] = useState<{ task: TaskRow; status: TaskStatus } | null>(null);
  const { view, apply, reject, rejections, current } = editor;

  const rows = useMemo<TaskRow[]>(() => {
    if (!view) return [];
    const phases = new Map(view.phases.map((p) => [p.id, p.name]));
    return view.tasks.map((task) => {
      const rejected: TaskRow['rejected'] = {};
      for (const r of rejections.filter((x) => x.taskId === task.id)) {
        rejected[r.field as EditableField] = {
          text: r.text,
          message: describePlanningError(t, r.error),
        };
      }
      return { ...task, phaseName: phases.get(task.phaseId ?? -1) ?? '', rejected };
    });
  }, [view, rejections, t]);

  const setStatus = useCallback(
    async (task: TaskRow, status: TaskStatus, overrideReason?: string, by?: string | null) => {
      const starting = status === 'in_progress' || status === 'done';
      if (task.frozen && starting && !overrideReason) {
        setOverriding({ task, status });
        return;
      }
      const ops = fieldOps(t, task, 'status', status, overrideReason, by);
      if (!ops) return;
      const where = { taskId: task.id, field: 'status', text: t(`planning.status.${status}`) };
      const before = current();
      const error = await apply({ label: t('planning.edit.status'), ...wrap(ops) }, [where]);
      if (errorCode(error) === 'planning.task_frozen') setOverriding({ task, status });
      const after = current();
      if (error || !before || !after) return;

      // Say what the change did, and which waiting tasks it let go (their numbers and names).
      const text = statusChangeText(t, task, status, releasedTasks(before, after));
      if (text) void message.success({ content: text, duration: 6 });
    },
    [apply, current, message, t],
  );

  const actions = useMemo<ColumnActions>(
    () => ({
      edit: (task, field, text) => {
        const where = { taskId: task.id, field, text };
        try {
          if (field === 'status') {
            void setStatus(task, statusOf(t, text));
            return;
          }
          const ops = fieldOps(t, task, field, text);
          if (ops) void apply({ label: t(`planning.edit.${field}`), ...wrap(ops) }, [where]);
        } catch (error) {
          if (!(error instanceof InvalidValue)) throw error;
          reject({ ...where, error: new Error(t(`planning.error.${error.key}`, { value: text })) });
        }
      },
      setStatus: (task, status) => void setStatus(task, status),
    }),
    [apply, reject, setStatus, t],
  );

  const columns = useMemo(() => taskColumns(t, actions), [t, actions]);

  // Typing into (or double-clicking) a cell a done or cancelled task keeps would do
  // nothing: say why, and how to change it (reopen the task).
  const onLockedCell = useCallback(
    (
      event:
        | CellKeyDownEvent<TaskRow>
        | FullWidthCellKeyDownEvent<TaskRow>
        | CellDoubleClickedEvent<TaskRow>,
    ) => {
      if (!('column' in event)) return;
      const task = event.data;
      const field = event.column.getColId();
      if (!task || !isEditable(field) || !lockedWhenClosed(task, field)) return;
      const key = event.event instanceof KeyboardEvent ? event.event.key : null;
      if (
        key !== null &&
        key.length !== 1 &&
        !['Enter', 'F2', 'Backspace', 'Delete'].includes(key)
      ) {
        return;
      }
      void message.warning({
        key: 'plan-locked-cell',
        content: t('planning.grid.closedTask', {
          seq: task.seq,
          status: t(`planning.status.${task.status}`).toLowerCase(),
          field: t(`planning.grid.${field}`),
        }),
      });
    },
    [message, t],
  );
  const localeText = useMemo(
    () => t('grid', { returnObjects: true }) as Record<string, string>,
    [t],
  );

  const onPaste = useCallback(
    (event: ClipboardEvent<HTMLDivElement>) => {
      const grid = gridApi.current;
      const focused = grid?.getFocusedCell();
      if (!grid || !focused || !view || grid.getEditingCells().length > 0) return;
      const table = readClipboardTable(event.clipboardData.getData('text/plain'));
      if (table.length === 0) return;
      event.preventDefault();
      const columnsShown = grid.getAllDisplayedColumns().map((c) => c.getColId());
      const first = columnsShown.indexOf(focused.column.getColId());
      const edit = pasteEdit(
        t,
        table,
        focused.rowIndex,
        first,
        columnsShown,
        grid,
        view.project.id,
        reject,
      );
      void apply(edit.edit, edit.wheres).then(() =>
        message.success(t('planning.grid.pasted', { rows: table.length })),
      );
    },
    [apply, reject, t, message, view],
  );

  const refused = rejections[rejections.length - 1];
  const add = () =>
    void apply({
      label: t('planning.edit.create'),
      redo: [
        {
          method: 'tasks.create',
          input: { projectId: view!.project.id, name: t('planning.grid.newTaskName'), duration: 1 },
        },
      ],
      undo: [null],
    });

  return (
    <div>
      <Space className="plan-toolbar" wrap>
        <Tooltip title="Ctrl+Z">
          <Button
            icon={<UndoOutlined />}
            disabled={!editor.canUndo}
            onClick={() => void editor.undo()}
          >
            {t('planning.grid.undo')}
          </Button>
        </Tooltip>
        <Tooltip title="Ctrl+Y">
          <Button
            icon={<RedoOutlined />}
            disabled={!editor.canRedo}
            onClick={() => void editor.redo()}
          >
            {t('planning.grid.redo')}
          </Button>
        </Tooltip>
        <Button icon={<PlusOutlined />} onClick={add}>
          {t('planning.grid.addTask')}
        </Button>
        <Typography.Text type="secondary">{t('planning.grid.predHint')}</Typography.Text>
      </Space>
      {refused || editor.lastError ? (
        <Alert
          className="plan-alert"
          type="error"
          showIcon
          closable
          onClose={editor.dismiss}
          role="alert"
          title={
            refused
              ? t('planning.grid.rejected', { message: describePlanningError(t, refused.error) })
              : describePlanningError(t, editor.lastError)
          }
        />
      ) : null}
      <div className="plan-grid" onPaste={onPaste}>
        <AgGridReact<TaskRow>
          key={locale}
          theme={gridTheme}
          rowData={rows}
          columnDefs={columns}
          getRowId={(p: GetRowIdParams<TaskRow>) => String(p.data.id)}
          defaultColDef={defaultColDef}
          rowClassRules={rowClassRules}
          singleClickEdit={false}
          suppressColumnVirtualisation
          stopEditingWhenCellsLoseFocus
          tooltipShowDelay={300}
          localeText={localeText}
          domLayout="autoHeight"
          onCellKeyDown={onLockedCell}
          onCellDoubleClicked={onLockedCell}
          onGridReady={(e) => {
            gridApi.current = e.api;
          }}
        />
      </div>
      <Typography.Paragraph type="secondary" className="plan-hint">
        {t('planning.grid.pasteHint')}
      </Typography.Paragraph>
      <OverrideDialog
        task={overriding?.task ?? null}
        status={overriding?.status ?? null}
        onCancel={() => setOverriding(null)}
        onConfirm={(reason, by) => {
          if (overriding) void setStatus(overriding.task, overriding.status, reason, by);
          setOverriding(null);
        }}
      />
    </div>
  );
}

function wrap(ops: { redo: Op; undo: Op }): Pick<Edit, 'redo' | 'undo'> {
  return { redo: [ops.redo], undo: [ops.undo] };
}

/**
 * A pasted block as one edit: each cell onto the grid's shown columns from the focused
 * one (read-only columns are skipped over), rows past the last task become new tasks.
 */
function pasteEdit(
  t: ReturnType<typeof useTranslation>['t'],
  table: string[][],
  firstRow: number,
  firstColumn: number,
  columnsShown: string[],
  grid: GridApi<TaskRow>,
  projectId: number,
  reject: ProjectEditor['reject'],
): { edit: Edit; wheres: (Where | null)[] } {
  const edit: Edit = { label: t('planning.edit.paste'), redo: [], undo: [] };
  const wheres: (Where | null)[] = [];

  table.forEach((cells, r) => {
    const task = grid.getDisplayedRowAtIndex(firstRow + r)?.data;
    const fields = cells.map((text, c) => ({ field: columnsShown[firstColumn + c], text }));
    if (!task) {
      const created = createOp(fields, projectId);
      if (created) {
        edit.redo.push(created);
        edit.undo.push(null);
        wheres.push(null);
      }
      return;
    }
    for (const { field, text } of fields) {
      if (!isEditable(field)) continue;
      const where = { taskId: task.id, field, text };
      try {
        const ops = fieldOps(t, task, field, text);
        if (!ops) continue;
        edit.redo.push(ops.redo);
        edit.undo.push(ops.undo);
        wheres.push(where);
      } catch (error) {
        if (!(error instanceof InvalidValue)) throw error;
        reject({ ...where, error: new Error(t(`planning.error.${error.key}`, { value: text })) });
      }
    }
  });
  return { edit, wheres };
}

function createOp(
  fields: { field: string | undefined; text: string }[],
  projectId: number,
): Op | null {
  const get = (name: string) => fields.find((f) => f.field === name)?.text.trim() ?? '';
  const name = get('name');
  if (!name) return null;
  const duration = Number(get('duration'));
  const start = get('start');
  return {
    method: 'tasks.create',
    input: {
      projectId,
      name,
      duration: Number.isInteger(duration) && duration >= 0 ? duration : 1,
      predecessors: get('predecessors') || undefined,
      owner: get('owner') || null,
      start: /^\d{4}-\d{2}-\d{2}$/.test(start) ? start : undefined,
    },
  };
}
