import type { DuplicateRow, ImportSummary, StoreZoneChange, TargetField } from '../../api/imports';
import type { Db } from '../../db/open';
import type { BatchStatus } from '../../db/schema';
import { CoreError, isCoreError } from '../../shared/errors';
import { logger } from '../../shared/log';
import { defaultStoreTimeZone } from './mapping';
import { openWriter } from './batch-connection';
import type { WriterConnection } from './batch-connection';
import {
  closeBatchRow,
  committedBatchWithHash,
  openBatchRow,
  recordFailedBatch,
} from './batch-store';
import { keepZoneChanges } from './commit-catalog';
import { RowWriter } from './commit-rows';
import { orderNumberShown } from './order-number';
import type { DuplicateCode, RowResult } from './commit-rows';
import { countAdded, summarize, summarizeCancelled } from './commit-summary';
import type { Tally } from './commit-summary';
import type { ImportRecord, RecordOutcome, SourceFacts } from './types';

const log = logger('import');

/** How many duplicate rows the summary lists; `rowsDuplicate` counts them all. */
const SUMMARY_DUPLICATES = 100;

export interface CommitOptions {
  facts: SourceFacts;
  channel: string;
  /** Target field → the file's header, so that errors name the column people see. */
  columns: Partial<Record<TargetField, string>>;
  /** The source's cancellation prefix of order ids (a preset rule), if it has one. */
  cancelPrefix?: string;
  /**
   * The zone of the business days of the stores this import creates (the preset's, e.g.
   * Europe/London for the UK shop); stores already there keep theirs. Default Asia/Shanghai.
   */
  storeTimeZone?: string;
  /** Commit the valid rows of a file that has rejected rows (status 'partial'). */
  acceptPartial: boolean;
  at: Date;
  signal?: AbortSignal;
  /** Called after each chunk with the rows handled so far. */
  onRows?: (rows: number) => void;
}

/**
 * Commits one export as one import batch, in one transaction on its own connection:
 * every row valid → committed; rows rejected → nothing is written (the file is only
 * recorded as a failed batch, to list its rejected rows) unless `acceptPartial`, then
 * the valid rows are (status 'partial'). A file that adds nothing new is 'unchanged'
 * and leaves the database as it was (its refused rows, when the valid ones were asked for,
 * still listed in the summary). Cancelling rolls everything back.
 *
 * The service runs it on a worker thread (worker-host.ts); wherever it runs, it
 * yields to the event loop between chunks of rows so that a cancel is heard.
 */
export async function commitBatch(
  db: Db,
  chunks: AsyncIterable<RecordOutcome[]>,
  options: CommitOptions,
): Promise<ImportSummary> {
  const startedMs = performance.now();
  const at = options.at.getTime();
  const conn = openWriter(db);
  try {
    return await commitOn(conn, chunks, options, at, startedMs);
  } finally {
    conn.close();
  }
}

async function commitOn(
  conn: WriterConnection,
  chunks: AsyncIterable<RecordOutcome[]>,
  options: CommitOptions,
  at: number,
  startedMs: number,
): Promise<ImportSummary> {
  const { raw } = conn;
  const { facts, channel } = options;
  const tally: Tally = {
    rowsTotal: 0,
    rowsImported: 0,
    rowsDuplicate: 0,
    rowsRejected: 0,
    rejected: [],
    duplicates: [],
  };

  const deferred: ImportRecord[] = [];

  begin(raw, facts.fileName);
  let writer: RowWriter;
  try {
    const batchId = openBatchRow(raw, facts, channel, at);
    writer = new RowWriter(raw, {
      batchId,
      fileName: facts.fileName,
      channel,
      columns: options.columns,
      cancelPrefix: options.cancelPrefix,
      storeTimeZone: options.storeTimeZone ?? defaultStoreTimeZone,
      at,
    });
    for await (const chunk of chunks) {
      throwIfCancelled(options.signal, facts.fileName);
      writeChunk(writer, chunk, tally, deferred);
      options.onRows?.(tally.rowsTotal);
      // Let the host serve its window and hear a cancel between chunks.
      await new Promise((resolve) => setImmediate(resolve));
    }
    throwIfCancelled(options.signal, facts.fileName);
    writeDeferred(writer, deferred, tally);
    const orders = writer.orders.finish();
    const summary = (status: ImportSummary['status'], id: number | null) =>
      summarize(options, tally, orders, writer, status, id, startedMs);

    if (tally.rowsRejected > 0 && !options.acceptPartial) {
      raw.exec('ROLLBACK');
      // Its valid rows were rolled back: the history says it imported none, as the summary.
      const counts = { ...tally, rowsImported: 0 };
      const id = recordFailedBatch(raw, facts, channel, counts, tally.rejected, at, at);
      log.info(`refused ${facts.fileName}: ${tally.rowsRejected} rows rejected, nothing written`);
      return summary('failed', id);
    }
    // Nothing new, its refused rows (if the valid ones were asked for) listed again in the
    // summary: no batch of its own, as a file imported again makes none.
    const changedNothing = tally.rowsImported === 0 && writer.identities.writes === 0;
    if (changedNothing) {
      raw.exec('ROLLBACK');
      // The stores' zones it corrected are kept: a correction of the store, not a batch.
      const zones = writer.catalog.zoneChanges;
      keepZoneChanges(raw, zones);
      log.info(
        `${facts.fileName} holds nothing new: ${tally.rowsDuplicate} duplicate rows` +
          describeZones(zones),
      );
      return summary('unchanged', committedBatchWithHash(raw, facts.contentHash));
    }

    const status: BatchStatus = tally.rowsRejected > 0 ? 'partial' : 'committed';
    closeBatchRow(raw, batchId, status, tally, tally.rejected, at);
    raw.exec('COMMIT');
    log.info(
      `imported ${facts.fileName} as batch ${batchId}: ${tally.rowsImported} rows, ` +
        `${tally.rowsDuplicate} duplicates, ${tally.rowsRejected} rejected, ` +
        `${writer.identities.merges} merges` +
        describeZones(writer.catalog.zoneChanges),
    );
    return summary(status, batchId);
  } catch (error) {
    if (raw.inTransaction) raw.exec('ROLLBACK');
    if (isCoreError(error) && error.code === 'imports.cancelled') {
      log.info(`cancelled ${facts.fileName} after ${tally.rowsTotal} rows; nothing was written`);
      return summarizeCancelled(options, tally, startedMs);
    }
    throw error;
  }
}

/** The stores whose zone an import corrected, for its log line ('' when none). */
function describeZones(changes: StoreZoneChange[]): string {
  if (changes.length === 0) return '';
  const each = changes.map((c) => `${c.store} from ${c.from} to ${c.to}`);
  return `; store zones corrected: ${each.join(', ')}`;
}

/** Takes the write lock for the whole file; another import holding it is an expected failure. */
function begin(raw: WriterConnection['raw'], fileName: string): void {
  try {
    raw.exec('BEGIN IMMEDIATE');
  } catch (error) {
    if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw error;
    throw new CoreError(
      'imports.busy',
      `${fileName} was not imported: another import or recompute is writing to the database. ` +
        `Try again when it has finished.`,
      { fileName },
    );
  }
}

function writeChunk(
  writer: RowWriter,
  chunk: RecordOutcome[],
  tally: Tally,
  deferred: ImportRecord[],
): void {
  for (const outcome of chunk) {
    tally.rowsTotal += 1;
    if (!outcome.ok) {
      tally.rowsRejected += 1;
      for (const e of outcome.errors) tally.rejected.push(e);
      continue;
    }
    const result = writer.write(outcome.record);
    // A row naming another customer than its order's earlier rows may name the same
    // person once a later row of the file has joined the two: it is tried again at the end.
    if (typeof result === 'object' && result.code === 'order_customers_differ') {
      deferred.push(outcome.record);
    } else {
      count(result, outcome.record, writer, tally);
    }
  }
}

/**
 * The rows set aside by `writeChunk`, written again after every other row of the file,
 * in their order: whether the file is accepted does not depend on where in it the row
 * that joins two records of one person comes. A row still naming another customer is
 * refused then, and the rejected rows are listed by line again.
 */
function writeDeferred(writer: RowWriter, deferred: ImportRecord[], tally: Tally): void {
  if (deferred.length === 0) return;
  for (const record of deferred) count(writer.write(record), record, writer, tally);
  tally.rejected.sort((a, b) => a.line - b.line);
}

function count(result: RowResult, record: ImportRecord, writer: RowWriter, tally: Tally): void {
  if (result === 'imported') {
    tally.rowsImported += 1;
    countAdded(tally, record, writer);
  } else if (result === 'duplicate') {
    tally.rowsDuplicate += 1;
    if (tally.duplicates.length < SUMMARY_DUPLICATES) {
      tally.duplicates.push(duplicateRow(record, writer));
    }
  } else {
    tally.rowsRejected += 1;
    tally.rejected.push(result);
  }
}

/**
 * A duplicate row as the summary lists it: where, which order (its number as the file wrote
 * it, without the store a per-store key adds), and what it matched.
 */
function duplicateRow(r: ImportRecord, writer: RowWriter): DuplicateRow {
  const code = writer.duplicateCode;
  const lineNo = writer.duplicateLineNo;
  const orderId =
    r.orderId === undefined ? null : orderNumberShown(r.orderId, r.store?.code ?? null);
  return { line: r.line, orderId, lineNo, code, reason: duplicateReason[code](orderId, lineNo) };
}

const duplicateReason: Record<DuplicateCode, (order: string | null, n: number | null) => string> = {
  customer_known: () => 'The customer is already known with these keys and details.',
  order_known: (o) => `Order ${o} is already in the database from an earlier import.`,
  order_repeated: (o) => `Order ${o} appears earlier in this file.`,
  line_known: (o, n) =>
    `Line ${n} of order ${o} is already in the database from an earlier import.`,
  line_repeated: (o, n) => `Line ${n} of order ${o} appears earlier in this file.`,
  refund_known: (o, n) =>
    `This refund of line ${n} of order ${o} is already in the database from an earlier import.`,
  refund_repeated: (o, n) => `This refund of line ${n} of order ${o} appears earlier in this file.`,
  payment_known: (o, n) => `Payment ${n} of order ${o} is already recorded.`,
};

function throwIfCancelled(signal: AbortSignal | undefined, fileName: string): void {
  if (!signal?.aborted) return;
  throw new CoreError(
    'imports.cancelled',
    `The import of ${fileName} was cancelled; nothing was written.`,
  );
}
