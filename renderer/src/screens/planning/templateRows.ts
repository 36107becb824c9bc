import { formatPredecessors, parsePredecessors } from '../../../../core/api/planning';
import type { Template } from '../../../../core/api/planning';

/** One line of the template's task table, as the planner reads and types it. */
export interface TemplateRow {
  /** Stable key of the task inside the template (kept through edits). */
  key: string;
  nameZh: string;
  nameEn: string;
  phase: string;
  department: string;
  /** "D-15", "D0", "T+30". */
  offset: string;
  /** Working days, as typed. */
  duration: string;
  /** Row numbers of this table: "3FS+2, 5SS". */
  predecessors: string;
}

/** A row that cannot become a template task: which row, which field, what was typed. */
export class RowError extends Error {
  constructor(
    readonly kind: 'badOffset' | 'badDuration' | 'predecessorUnknown' | 'nameMissing',
    readonly row: number,
    readonly value: string,
  ) {
    super(`${kind} in row ${row}: ${value}`);
  }
}

/** "D-15" for -15 days from a D anchor; "D0" for the anchor day itself. */
export function offsetText(kind: 'D' | 'T', days: number): string {
  return days === 0 ? `${kind}0` : `${kind}${days > 0 ? '+' : ''}${days}`;
}

/** The template's tasks as table rows; predecessors name rows by their number. */
export function templateToRows(template: Template): TemplateRow[] {
  const seqOf = new Map(template.tasks.map((task, i) => [task.key, i + 1]));
  return template.tasks.map((task) => ({
    key: task.key,
    nameZh: task.nameZh,
    nameEn: task.nameEn,
    phase: task.phase,
    department: task.department,
    offset: offsetText(template.anchor.kind, task.offset),
    duration: String(task.duration),
    predecessors: formatPredecessors(
      task.dependsOn.map((d) => ({ seq: seqOf.get(d.task)!, type: d.type, lag: d.lag })),
    ),
  }));
}

// "D-15", "d+7", "T 30", "-3", "0": the anchor letter and the plus sign may be left out.
const offsetPattern = /^[DT]?\s*([+-]?)\s*(\d{1,4})$/i;

function readOffset(text: string, row: number): number {
  const m = offsetPattern.exec(text.trim());
  if (!m) throw new RowError('badOffset', row, text);
  // Out-of-range numbers go to the core, which says what the limit is.
  return Number(m[2]) * (m[1] === '-' ? -1 : 1);
}

function readDuration(text: string, row: number): number {
  const trimmed = text.trim();
  if (!/^\d{1,4}$/.test(trimmed)) throw new RowError('badDuration', row, text);
  return Number(trimmed);
}

/**
 * The edited rows back into a template (the next version is numbered by the core).
 * Predecessor text is read by the core's own reader, so a bad token is refused with the
 * same sentence as in the project grid; cycles are left to the core's save.
 */
export function rowsToTemplate(base: Template, names: Names, rows: TemplateRow[]) {
  const tasks = rows.map((row, i) => {
    if (!row.nameZh.trim()) throw new RowError('nameMissing', i + 1, row.nameZh);
    if (!row.nameEn.trim()) throw new RowError('nameMissing', i + 1, row.nameEn);
    const refs = parsePredecessors(row.predecessors);
    const dependsOn = refs.map((ref) => {
      const predecessor = rows[ref.seq - 1];
      if (!predecessor) throw new RowError('predecessorUnknown', i + 1, String(ref.seq));
      return { task: predecessor.key, type: ref.type, lag: ref.lag };
    });
    const old = base.tasks.find((task) => task.key === row.key);
    return {
      key: row.key,
      phase: row.phase,
      nameZh: row.nameZh,
      nameEn: row.nameEn,
      department: row.department,
      offset: readOffset(row.offset, i + 1),
      duration: readDuration(row.duration, i + 1),
      dependsOn,
      checklist: old?.checklist ?? [],
      links: old?.links ?? {},
    };
  });
  // The core numbers the new version; the one read is not sent back.
  return { ...base, version: undefined, nameZh: names.nameZh, nameEn: names.nameEn, tasks };
}

export interface Names {
  nameZh: string;
  nameEn: string;
}

/**
 * A new empty task at the end of the table: a fresh key, the last row's phase and
 * department, starting on the anchor day for one working day, with no predecessors.
 */
export function addRow(rows: TemplateRow[], kind: 'D' | 'T', firstPhase: string): TemplateRow[] {
  const keys = new Set(rows.map((r) => r.key));
  let n = rows.length + 1;
  while (keys.has(`task-${n}`)) n++;
  const last = rows.at(-1);
  const row: TemplateRow = {
    key: `task-${n}`,
    nameZh: '',
    nameEn: '',
    phase: last?.phase ?? firstPhase,
    department: last?.department ?? '',
    offset: offsetText(kind, 0),
    duration: '1',
    predecessors: '',
  };
  return [...rows, row];
}

/** What deleting a row did: the rows left, and the rows that lost a link to it. */
export interface Deletion {
  rows: TemplateRow[];
  /** Row numbers (after renumbering) whose predecessors named the deleted row. */
  unlinked: number[];
}

/**
 * Deletes row `index` (0-based). Links to it are removed from every other row, and
 * predecessor numbers after it move up by one, so every link still names the same
 * task. A row whose predecessor text cannot be read refuses the deletion (the reader
 * names the bad token) rather than guessing what it meant.
 */
export function deleteRow(rows: TemplateRow[], index: number): Deletion {
  const deleted = index + 1;
  const unlinked: number[] = [];
  const kept = rows.filter((_, i) => i !== index);
  const renumbered = kept.map((row, i) => {
    const refs = parsePredecessors(row.predecessors);
    const left = refs.filter((ref) => ref.seq !== deleted);
    if (left.length < refs.length) unlinked.push(i + 1);
    const shifted = left.map((ref) => (ref.seq > deleted ? { ...ref, seq: ref.seq - 1 } : ref));
    return left.length === refs.length && shifted.every((r, k) => r.seq === refs[k]!.seq)
      ? row
      : { ...row, predecessors: formatPredecessors(shifted) };
  });
  return { rows: renumbered, unlinked };
}
