import { CoreError } from '../shared/errors';
import type { Dependency, DependencyType, TaskStatus } from './types';

/**
 * A predecessor holding a task back. FS and SS hold the task's start: FS until the
 * predecessor is done, SS until it has started. FF and SF hold the task's finish:
 * FF until the predecessor is done, SF until it has started. A cancelled
 * predecessor holds nothing. Lags shape dates only, never the freeze.
 */
export interface Hold {
  predecessorId: number;
  predecessorName: string;
  type: DependencyType;
  blocks: 'start' | 'finish';
}

export interface FreezeState {
  /** True when the task's next step is held: starting it, or (once started) finishing it. */
  frozen: boolean;
  holds: Hold[];
  /** The planner-facing sentence: which predecessor holds what. */
  reason: string | null;
}

export interface FreezeTask {
  id: number;
  name: string;
  status: TaskStatus;
}

/** Why each task is frozen, if it is, from the statuses of its predecessors right now. */
export function freezeStates(
  tasks: readonly FreezeTask[],
  dependencies: readonly Dependency[],
): Map<number, FreezeState> {
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const holds = new Map<number, Hold[]>();
  for (const d of dependencies) {
    const pred = byId.get(d.predecessorId);
    const succ = byId.get(d.successorId);
    if (!pred || !succ || !holdsBack(d.type, pred.status)) continue;
    const hold: Hold = {
      predecessorId: pred.id,
      predecessorName: pred.name,
      type: d.type,
      blocks: d.type === 'FS' || d.type === 'SS' ? 'start' : 'finish',
    };
    const list = holds.get(succ.id);
    if (list) list.push(hold);
    else holds.set(succ.id, [hold]);
  }

  const states = new Map<number, FreezeState>();
  for (const t of tasks) {
    const all = holds.get(t.id) ?? [];
    const next = nextStep(t.status);
    const active = next ? all.filter((h) => h.blocks === next) : [];
    states.set(t.id, { frozen: active.length > 0, holds: all, reason: describe(active) });
  }
  return states;
}

/** Whether a predecessor in this status still holds its successor under this type. */
export function holdsBack(type: DependencyType, status: TaskStatus): boolean {
  if (status === 'cancelled' || status === 'done') return false;
  if (type === 'FS' || type === 'FF') return true;
  return status === 'not_started';
}

/**
 * Checks a status change against the holds. Starting needs every start hold
 * released; finishing needs every hold released. Without an override reason a held
 * change is refused with the holding predecessors named; with one it goes through
 * and the caller records the reason. Returns the holds that were overridden.
 */
export function checkTransition(
  task: FreezeTask,
  to: TaskStatus,
  state: FreezeState,
  overrideReason: string | null,
): Hold[] {
  const blocking =
    to === 'in_progress' && task.status === 'not_started'
      ? state.holds.filter((h) => h.blocks === 'start')
      : to === 'done'
        ? state.holds.filter((h) => h.blocks === 'finish' || task.status === 'not_started')
        : [];
  if (blocking.length === 0 || (overrideReason && overrideReason.trim() !== '')) return blocking;

  throw new CoreError(
    'planning.task_frozen',
    `"${task.name}" is frozen: ${describe(blocking)}. ` +
      'Finish those first, or give a reason to override.',
    { taskId: task.id, task: task.name, holds: blocking },
  );
}

function nextStep(status: TaskStatus): 'start' | 'finish' | null {
  if (status === 'not_started') return 'start';
  if (status === 'in_progress') return 'finish';
  return null;
}

function describe(holds: readonly Hold[]): string | null {
  if (holds.length === 0) return null;
  return holds
    .map((h) => {
      const need = h.type === 'FS' || h.type === 'FF' ? 'be done' : 'start';
      return `waiting for "${h.predecessorName}" to ${need} (${h.type})`;
    })
    .join('; ');
}
