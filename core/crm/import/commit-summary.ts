import type { DuplicateRow, ImportSummary, RowError } from '../../api/imports';
import type { BatchCounts } from './batch-store';
import type { OrderCounts } from './commit-kinds';
import type { RowWriter } from './commit-rows';
import type { CommitOptions } from './commit';
import type { ImportRecord } from './types';

/** How many rejected rows the summary carries; `imports.rejected` lists them all. */
const SUMMARY_REJECTED = 100;

/** What a file's order line and payment rows added, beside the orders it created. */
export interface Added {
  linesAdded: number;
  linesToEarlierOrders: number;
  paymentsRecorded: number;
}

/** What the rows of a file did, counted as they are written. */
export interface Tally extends BatchCounts {
  rejected: RowError[];
  duplicates: DuplicateRow[];
  /** Absent until a line or payment row is imported. */
  added?: Added;
}

const nothingAdded: Added = Object.freeze({
  linesAdded: 0,
  linesToEarlierOrders: 0,
  paymentsRecorded: 0,
});

/**
 * Counts what an imported row added: an order line row wrote a line (to an order this
 * file created, or to one of an earlier import: Olist's items come after its orders), a
 * payment row recorded a payment. A line row that changed an earlier line's order kind
 * counts as a line too (the writer reports both as imported). Customer and order rows add
 * what the other counts already say (customers, orders).
 */
export function countAdded(tally: Tally, record: ImportRecord, writer: RowWriter): void {
  if (record.rowKind !== 'orderLine' && record.rowKind !== 'payment') return;
  const added = (tally.added ??= { ...nothingAdded });
  if (record.rowKind === 'payment') {
    added.paymentsRecorded += 1;
    return;
  }
  added.linesAdded += 1;
  if (writer.lineOfEarlierOrder) added.linesToEarlierOrders += 1;
}

/**
 * What an import did, as the person is told: the orders and customers it wrote (none when
 * it wrote nothing), its rows, and the stores whose zone it corrected.
 */
export function summarize(
  options: CommitOptions,
  tally: Tally,
  orders: OrderCounts,
  writer: RowWriter,
  status: ImportSummary['status'],
  batchId: number | null,
  startedMs: number,
): ImportSummary {
  const written = status === 'committed' || status === 'partial';
  return {
    ...base(options, tally, status, batchId, startedMs),
    orders: written
      ? {
          sales: orders.sales,
          returns: orders.returns,
          cancellations: orders.cancellations,
          writeoffs: orders.writeoffs,
          adjustments: orders.adjustments,
        }
      : noOrders(),
    anonymousOrders: written ? orders.anonymous : 0,
    customersNew: written ? writer.identities.customersNew : 0,
    customersMatched: written ? writer.identities.customersMatched : 0,
    ...(written ? (tally.added ?? nothingAdded) : nothingAdded),
    // A refused file corrects no store either: it leaves the database as it was.
    storeZones: status === 'failed' ? [] : writer.catalog.zoneChanges,
  };
}

/** A cancelled import: what was read before the cancel, nothing written. */
export function summarizeCancelled(
  options: CommitOptions,
  tally: Tally,
  startedMs: number,
): ImportSummary {
  return {
    ...base(options, tally, 'cancelled', null, startedMs),
    orders: noOrders(),
    anonymousOrders: 0,
    customersNew: 0,
    customersMatched: 0,
    ...nothingAdded,
    storeZones: [],
  };
}

function base(
  options: CommitOptions,
  tally: Tally,
  status: ImportSummary['status'],
  batchId: number | null,
  startedMs: number,
) {
  return {
    batchId,
    fileName: options.facts.fileName,
    status,
    encoding: options.facts.encoding,
    dateOrder: options.facts.dateOrder,
    rowsTotal: tally.rowsTotal,
    rowsImported: status === 'committed' || status === 'partial' ? tally.rowsImported : 0,
    rowsDuplicate: tally.rowsDuplicate,
    rowsRejected: tally.rowsRejected,
    rejected: tally.rejected.slice(0, SUMMARY_REJECTED),
    duplicates: tally.duplicates,
    durationMs: Math.round(performance.now() - startedMs),
  };
}

function noOrders(): ImportSummary['orders'] {
  return { sales: 0, returns: 0, cancellations: 0, writeoffs: 0, adjustments: 0 };
}
