import { useCallback, useEffect, useRef, useState } from 'react';
import type { InputOf } from '../../../../core/api/contract';
import type { ProjectView } from '../../../../core/api/planning';
import { api } from '../../api/client';

type EditMethod =
  | 'tasks.update'
  | 'tasks.move'
  | 'tasks.setPredecessors'
  | 'tasks.setStatus'
  | 'tasks.create'
  | 'tasks.delete';

/** One call of the contract that changes the plan and answers with the new view. */
export type Op = { [M in EditMethod]: { method: M; input: InputOf<M> } }[EditMethod];

/**
 * What a person did: the calls that do it and, call by call, the call that takes it
 * back (null for a created task: deleting it takes it back, once its id is known).
 */
export interface Edit {
  label: string;
  redo: Op[];
  undo: (Op | null)[];
}

/** An edit as it went through, with the calls that take it back, newest first. */
interface Done {
  edit: Edit;
  inverse: Op[];
}

/** Where a refused edit was typed, with the text kept so nothing is lost silently. */
export interface Rejection {
  taskId: number;
  field: string;
  text: string;
  error: unknown;
}

interface Outcome {
  view: ProjectView | null;
  done: Done;
  /** The calls refused, by their index in the edit; the others went through. */
  failures: { index: number; error: unknown }[];
}

function runOp(op: Op): Promise<ProjectView> {
  const call = api.call as (name: string, input: unknown) => Promise<ProjectView>;
  return call(op.method, op.input);
}

/**
 * Runs the calls in order. A refused call is reported and the rest still run (a paste
 * of ten rows with one bad cell keeps the nine good ones); what went through can be
 * taken back as one step.
 */
async function runEdit(edit: Edit, before: ProjectView): Promise<Outcome> {
  const done: Done = { edit: { label: edit.label, redo: [], undo: [] }, inverse: [] };
  const failures: Outcome['failures'] = [];
  let view: ProjectView | null = null;
  for (const [index, op] of edit.redo.entries()) {
    try {
      const prior = view ?? before;
      view = await runOp(op);
      const back = edit.undo[index] ?? null;
      done.edit.redo.push(op);
      done.edit.undo.push(back);
      done.inverse.unshift(...inverseOf(prior, view, back));
    } catch (error) {
      failures.push({ index, error });
    }
  }
  return { view, done, failures };
}

/**
 * What takes one call back: delete the tasks it created, the call given as its inverse,
 * then move the tasks the scheduler pushed back to where they were (pushed tasks stay
 * pushed otherwise), earliest first so predecessors go back before their successors.
 */
function inverseOf(prior: ProjectView, after: ProjectView, back: Op | null): Op[] {
  const known = new Map(prior.tasks.map((t) => [t.id, t]));
  const deletes: Op[] = after.tasks
    .filter((t) => !known.has(t.id))
    .map((t) => ({ method: 'tasks.delete', input: { taskId: t.id } }));
  const restores: Op[] = [...after.moved]
    .filter((m) => known.has(m.id))
    .sort((a, b) => a.from.localeCompare(b.from))
    .map((m) => ({
      method: 'tasks.move',
      input: { taskId: m.id, start: m.from, pin: known.get(m.id)!.pinned },
    }));
  return [...deletes, ...(back ? [back] : []), ...restores];
}

/** Where an edit's call was typed: the task, the column and the text. */
export interface Where {
  taskId: number;
  field: string;
  text: string;
}

/**
 * The project view's state: the plan as the server last scheduled it, the edits that
 * can be undone and redone, and the edits the core refused (kept with their text).
 */
export function useProjectEditor(projectId: number) {
  const [view, setView] = useState<ProjectView | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [undoStack, setUndo] = useState<Done[]>([]);
  const [redoStack, setRedo] = useState<Done[]>([]);
  const [rejections, setRejections] = useState<Rejection[]>([]);
  const [lastError, setLastError] = useState<unknown>(null);
  const viewRef = useRef<ProjectView | null>(null);
  useEffect(() => {
    viewRef.current = view;
  }, [view]);

  const reload = useCallback(() => {
    api.call('projects.get', { projectId }).then(setView, setLoadError);
  }, [projectId]);
  useEffect(reload, [reload]);

  const run = useCallback(async (edit: Edit): Promise<Outcome | null> => {
    const before = viewRef.current;
    if (!before) return null;
    setBusy(true);
    const outcome = await runEdit(edit, before);
    setBusy(false);
    if (outcome.view) {
      viewRef.current = outcome.view;
      setView(outcome.view);
    }
    setLastError(outcome.failures[0]?.error ?? null);
    return outcome;
  }, []);

  /**
   * Applies an edit. `wheres` says, call by call, where it was typed: a refusal is kept
   * at that cell with the text typed. Resolves to the first refusal, or null.
   */
  const apply = useCallback(
    async (edit: Edit, wheres: (Where | null)[] = []) => {
      const outcome = await run(edit);
      if (!outcome) return null;
      if (outcome.done.edit.redo.length) {
        setUndo((s) => [...s, outcome.done]);
        setRedo([]);
      }
      const refused = outcome.failures.flatMap(({ index, error }) => {
        const where = wheres[index];
        return where ? [{ ...where, error }] : [];
      });
      const touched = wheres.filter((w): w is Where => w !== null);
      setRejections((list) => [
        ...list.filter((r) => !touched.some((w) => w.taskId === r.taskId && w.field === r.field)),
        ...refused,
      ]);
      return outcome.failures[0]?.error ?? null;
    },
    [run],
  );

  /** Marks a value refused before it reached the core (e.g. "abc" as a duration). */
  const reject = useCallback((rejection: Rejection) => {
    setRejections((list) => [
      ...list.filter((r) => r.taskId !== rejection.taskId || r.field !== rejection.field),
      rejection,
    ]);
    setLastError(rejection.error);
  }, []);

  const dismiss = useCallback(() => {
    setRejections([]);
    setLastError(null);
  }, []);

  /** Takes back the last edit; resolves to its label, or null when nothing was undone. */
  const undo = useCallback(async () => {
    const entry = undoStack[undoStack.length - 1];
    if (!entry) return null;
    const outcome = await run({ label: entry.edit.label, redo: entry.inverse, undo: [] });
    if (!outcome || outcome.failures.length) return null;
    setUndo((s) => s.slice(0, -1));
    setRedo((s) => [...s, entry]);
    return entry.edit.label;
  }, [undoStack, run]);

  const redo = useCallback(async () => {
    const entry = redoStack[redoStack.length - 1];
    if (!entry) return null;
    const outcome = await run(entry.edit);
    if (!outcome || outcome.failures.length) return null;
    setRedo((s) => s.slice(0, -1));
    setUndo((s) => [...s, outcome.done]);
    return entry.edit.label;
  }, [redoStack, run]);

  /** The plan as last scheduled, right after an edit resolves (before React re-renders). */
  const current = useCallback(() => viewRef.current, []);

  return {
    view,
    current,
    loadError,
    busy,
    rejections,
    lastError,
    canUndo: undoStack.length > 0,
    canRedo: redoStack.length > 0,
    apply,
    reject,
    dismiss,
    undo,
    redo,
    reload,
  };
}

export type ProjectEditor = ReturnType<typeof useProjectEditor>;
