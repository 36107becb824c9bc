import { CoreError } from '../shared/errors';
import type { DependencyType } from './types';

/** One entry of predecessor text such as `3FS+2`: row 3, finish-to-start, 2 working days lag. */
export interface PredecessorRef {
  seq: number;
  type: DependencyType;
  lag: number;
}

// Row number, optional type, optional signed lag with an optional day unit (d, 天, 工作日).
const tokenPattern = /^(\d+)\s*(FS|SS|FF|SF)?\s*(?:([+-])\s*(\d+)\s*(?:d|days?|天|工作日)?)?$/i;

/**
 * Reads predecessor text as typed in the task grid or pasted from a spreadsheet:
 * `3FS+2, 5SS, 7FF-1`. The type defaults to FS and the lag to 0; commas, Chinese
 * commas and semicolons all separate entries. A bad entry is refused with the
 * token and its column (1-based), never skipped.
 */
export function parsePredecessors(text: string): PredecessorRef[] {
  const refs: PredecessorRef[] = [];
  const seen = new Map<number, string>();
  let column = 1;

  for (const piece of text.split(/[,，;；、]/)) {
    const lead = piece.length - piece.trimStart().length;
    const token = piece.trim();
    const at = column + lead;
    column += piece.length + 1;
    if (token === '') continue; // "3, 5," or an empty cell

    const m = tokenPattern.exec(token);
    if (!m) throw badToken(token, at, text);
    const seq = Number(m[1]);
    const type = (m[2]?.toUpperCase() ?? 'FS') as DependencyType;
    const lag = m[3] ? Number(m[4]) * (m[3] === '-' ? -1 : 1) : 0;
    if (seq < 1) throw badToken(token, at, text, 'task numbers start at 1');
    if (Math.abs(lag) > 3650) throw badToken(token, at, text, 'a lag is at most 3650 days');

    const earlier = seen.get(seq);
    if (earlier !== undefined) {
      throw new CoreError(
        'planning.predecessor_duplicate',
        `Task ${seq} appears twice in "${text}" ("${earlier}" and "${token}"); keep one.`,
        { token, column: at, text },
      );
    }
    seen.set(seq, token);
    refs.push({ seq, type, lag });
  }
  return refs;
}

/** Writes predecessors back as text: `3FS+2, 5SS, 7FF-1` (FS with no lag is just `3`). */
export function formatPredecessors(refs: readonly PredecessorRef[]): string {
  return [...refs]
    .sort((a, b) => a.seq - b.seq)
    .map((r) => {
      const lag = r.lag === 0 ? '' : r.lag > 0 ? `+${r.lag}` : `${r.lag}`;
      const type = r.type === 'FS' && lag === '' ? '' : r.type;
      return `${r.seq}${type}${lag}`;
    })
    .join(', ');
}

function badToken(token: string, column: number, text: string, why?: string): CoreError {
  const reason = why ?? 'write a task number, then FS, SS, FF or SF, then +/- working days';
  return new CoreError(
    'planning.predecessor_invalid',
    `Cannot read "${token}" at column ${column} of "${text}": ${reason}, e.g. 3FS+2.`,
    { token, column, text },
  );
}
