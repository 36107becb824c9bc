import type { DateOrder } from '../../api/imports';
import { orderEvidence } from './dates';
import type { EffectiveImport } from './mapping';
import type { Source } from './source';

const yearFirstProofRows = 5000;

export interface DateOrderDecision {
  detected: DateOrder | null;
  /** The file writes `a/b/yyyy` dates and none of them tells day from month. */
  ambiguous: boolean;
}

/**
 * Decides once per file which of day and month comes first, from the values of the
 * given columns: one `13/01/19` proves day-first, one `01/13/19` month-first; the scan
 * stops at the first proof. A file whose dates put the year first (all of them, or all
 * of its first 5,000 rows) is 'ymd'. A file without any proof is ambiguous and gets no order: reading then reports those cells
 * instead of guessing (the wizard asks the user).
 */
export function scanDateOrder(source: Source, columns: number[]): DateOrderDecision {
  const key = `dateOrder:${columns.join(',')}`;
  const known = source.scans.get(key) as DateOrderDecision | undefined;
  if (known) return known;
  const decision = scan(source, columns);
  source.scans.set(key, decision);
  return decision;
}

function scan(source: Source, columns: number[]): DateOrderDecision {
  if (columns.length === 0) return { detected: null, ambiguous: false };

  let yearFirst = false;
  let ambiguous = false;
  let rowsSeen = 0;
  for (const row of source.rows()) {
    for (const column of columns) {
      const evidence = orderEvidence(row.cells[column] ?? '');
      if (evidence === 'dayFirst') return { detected: 'dmy', ambiguous: false };
      if (evidence === 'monthFirst') return { detected: 'mdy', ambiguous: false };
      if (evidence === 'ambiguous') ambiguous = true;
      if (evidence === 'yearFirst') yearFirst = true;
    }
    // A file that writes only year-first dates for its first rows is year-first; a later
    // `a/b/c` date is then reported by the row that has it, not guessed.
    if (++rowsSeen >= yearFirstProofRows && yearFirst && !ambiguous) break;
  }
  if (ambiguous) return { detected: null, ambiguous: true };
  return { detected: yearFirst ? 'ymd' : null, ambiguous: false };
}

/** The order reading will use: the user's choice, else the file's own. */
export async function decideDateOrder(
  source: Source,
  effective: EffectiveImport,
): Promise<DateOrder | null> {
  if (effective.dateOrderChosen) return effective.dateOrder;
  const columns = [effective.columns.orderedAt, effective.columns.customerBirthDate].filter(
    (index): index is number => index !== undefined,
  );
  return scanDateOrder(source, columns).detected;
}
