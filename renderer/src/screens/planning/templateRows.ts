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
    readonly kind: 'badOffset' | 'badDuration' | 'predecessorUnknown',
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
