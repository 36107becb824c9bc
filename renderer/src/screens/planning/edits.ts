import type { TFunction } from 'i18next';
import type { TaskInfo, TaskStatus } from '../../../../core/api/planning';
import type { Edit, Op } from './editor';

/** The task grid's editable columns, in the order they are shown and pasted into. */
export const editableFields = [
  'name',
  'duration',
  'predecessors',
  'start',
  'owner',
  'status',
] as const;
export type EditableField = (typeof editableFields)[number];

export function isEditable(field: string | undefined): field is EditableField {
  return (editableFields as readonly string[]).includes(field ?? '');
}

/** A value the core would refuse for its shape alone, caught before the call. */
export class InvalidValue extends Error {
  constructor(readonly key: string) {
    super(key);
  }
}

function duration(text: string): number {
  const value = Number(text.trim());
  if (!/^\d+$/.test(text.trim()) || value > 3650) throw new InvalidValue('badNumber');
  return value;
}

function day(text: string): string {
  const value = text.trim().replace(/[/.]/g, '-');
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  if (!m) throw new InvalidValue('badDay');
  return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
}

/** A status typed or pasted in either language ("完成", "done", "Done"). */
export function statusOf(t: TFunction, text: string): TaskStatus {
  const wanted = text.trim().toLowerCase();
  const statuses: TaskStatus[] = ['not_started', 'in_progress', 'done', 'cancelled'];
  const found = statuses.find(
    (s) =>
      s === wanted ||
      t(`planning.status.${s}`).toLowerCase() === wanted ||
      t(`planning.status.${s}`, { lng: 'zh-CN' }) === wanted ||
      t(`planning.status.${s}`, { lng: 'en' }).toLowerCase() === wanted,
  );
  if (!found) throw new InvalidValue('badStatus');
  return found;
}

/**
 * The call that sets one field of a task to typed text, and the call that sets it back.
 * Null when the text leaves the task as it is.
 */
export function fieldOps(
  t: TFunction,
  task: TaskInfo,
  field: EditableField,
  text: string,
  overrideReason?: string,
  overrideBy?: string | null,
): { redo: Op; undo: Op } | null {
  const taskId = task.id;
  switch (field) {
    case 'name': {
      const name = text.trim();
      if (!name) throw new InvalidValue('emptyName');
      if (name === task.name) return null;
      return {
        redo: { method: 'tasks.update', input: { taskId, name } },
        undo: { method: 'tasks.update', input: { taskId, name: task.name } },
      };
    }
    case 'owner': {
      const owner = text.trim() || null;
      if (owner === task.owner) return null;
      return {
        redo: { method: 'tasks.update', input: { taskId, owner } },
        undo: { method: 'tasks.update', input: { taskId, owner: task.owner } },
      };
    }
    case 'duration': {
      const value = duration(text);
      if (value === task.duration) return null;
      return {
        redo: { method: 'tasks.update', input: { taskId, duration: value } },
        undo: { method: 'tasks.update', input: { taskId, duration: task.duration } },
      };
    }
    case 'start': {
      const start = day(text);
      if (start === task.start) return null;
      // A date typed by hand is kept (pinned) and flagged if it breaks a dependency.
      return {
        redo: { method: 'tasks.move', input: { taskId, start, pin: true } },
        undo: { method: 'tasks.move', input: moveBack(task) },
      };
    }
    case 'predecessors': {
      if (text.trim() === task.predecessors.trim()) return null;
      return {
        redo: { method: 'tasks.setPredecessors', input: { taskId, text } },
        undo: { method: 'tasks.setPredecessors', input: { taskId, text: task.predecessors } },
      };
    }
    case 'status': {
      const status = statusOf(t, text);
      if (status === task.status) return null;
      return {
        redo: { method: 'tasks.setStatus', input: { taskId, status, overrideReason, overrideBy } },
        undo: { method: 'tasks.setStatus', input: { taskId, status: task.status } },
      };
    }
  }
}

/** Puts a task back where it was planned, pinned as it was. */
export function moveBack(task: TaskInfo): {
  taskId: number;
  start: string;
  pin: boolean;
  duration: number;
} {
  return { taskId: task.id, start: task.plannedStart, pin: task.pinned, duration: task.duration };
}

export function singleEdit(label: string, ops: { redo: Op; undo: Op } | null): Edit | null {
  return ops ? { label, redo: [ops.redo], undo: [ops.undo] } : null;
}
