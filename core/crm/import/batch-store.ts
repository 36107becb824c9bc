import type SQLite from 'better-sqlite3';
import type { BatchInfo, EarlierImport, RowError } from '../../api/imports';
import type { Db } from '../../db/open';
import type { BatchStatus } from '../../db/schema';
import { CoreError } from '../../shared/errors';
import { businessDayOf } from '../metrics/days';
import type { SourceFacts } from './types';

/** The counts an import batch keeps. */
export interface BatchCounts {
  rowsTotal: number;
  rowsImported: number;
  rowsDuplicate: number;
  rowsRejected: number;
}

/** Opens the batch row inside the import's transaction, so that orders can name it. */
export function openBatchRow(
  raw: SQLite.Database,
  facts: SourceFacts,
  channel: string,
  at: number,
): number {
  const res = raw
    .prepare(
      `INSERT INTO import_batches (file_name, content_hash, source, channel, encoding, status,
         started_at) VALUES (?, ?, ?, ?, ?, 'committed', ?)`,
    )
    .run(facts.fileName, facts.contentHash, facts.source, channel, facts.encoding, at);
  return Number(res.lastInsertRowid);
}

/** Writes the final status, counts and rejected rows of a batch. */
export function closeBatchRow(
  raw: SQLite.Database,
  id: number,
  status: BatchStatus,
  counts: BatchCounts,
  rejected: RowError[],
  at: number,
): void {
  raw
    .prepare(
      `UPDATE import_batches SET status = ?, finished_at = ?, rows_total = ?, rows_imported = ?,
         rows_duplicate = ?, rows_rejected = ?, rejected_json = ? WHERE id = ?`,
    )
    .run(
      status,
      at,
      counts.rowsTotal,
      counts.rowsImported,
      counts.rowsDuplicate,
      counts.rowsRejected,
      JSON.stringify(rejected),
      id,
    );
}

/**
 * Records a refused file after its facts were rolled back: the batch row alone,
 * status 'failed', so that its rejected rows can be listed and saved. No fact of the
 * file (customer, order, store, product) is written.
 */
export function recordFailedBatch(
  raw: SQLite.Database,
  facts: SourceFacts,
  channel: string,
  counts: BatchCounts,
  rejected: RowError[],
  started: number,
  finished: number,
): number {
  return raw.transaction(() => {
    const id = openBatchRow(raw, facts, channel, started);
    closeBatchRow(raw, id, 'failed', counts, rejected, finished);
    return id;
  })();
}

/** The latest batch that committed a file with these bytes, if any. */
export function committedBatchWithHash(raw: SQLite.Database, hash: string): number | null {
  const row = raw
    .prepare(
      `SELECT id FROM import_batches WHERE content_hash = ? AND status IN ('committed', 'partial')
       ORDER BY id DESC LIMIT 1`,
    )
    .get(hash) as { id: number } | undefined;
  return row?.id ?? null;
}

/**
 * The latest batch that committed (all or part of) a file with these bytes, as the wizard
 * names it before a second import: its number, file name, start and day (Asia/Shanghai).
 */
export async function earlierImportWithHash(db: Db, hash: string): Promise<EarlierImport | null> {
  const row = await db.k
    .selectFrom('import_batches')
    .select(['id', 'file_name', 'started_at'])
    .where('content_hash', '=', hash)
    .where('status', 'in', ['committed', 'partial'])
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return null;
  return {
    batchId: row.id,
    fileName: row.file_name,
    startedAt: new Date(row.started_at).toISOString(),
    day: businessDayOf(row.started_at),
  };
}

/** Every import batch, newest first. */
export async function listBatches(db: Db): Promise<BatchInfo[]> {
  const rows = await db.k
    .selectFrom('import_batches')
    .select([
      'id',
      'file_name',
      'source',
      'channel',
      'encoding',
      'status',
      'started_at',
      'rows_total',
      'rows_imported',
      'rows_duplicate',
      'rows_rejected',
    ])
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    fileName: r.file_name,
    source: r.source,
    channel: r.channel,
    encoding: r.encoding,
    status: r.status,
    startedAt: new Date(r.started_at).toISOString(),
    rowsTotal: r.rows_total,
    rowsImported: r.rows_imported,
    rowsDuplicate: r.rows_duplicate,
    rowsRejected: r.rows_rejected,
  }));
}

/** Every rejected row of a batch, in file order, with line, column, value and reason. */
export async function rejectedRows(db: Db, batchId: number): Promise<RowError[]> {
  const row = await db.k
    .selectFrom('import_batches')
    .select('rejected_json')
    .where('id', '=', batchId)
    .executeTakeFirst();
  if (!row) {
    throw new CoreError('imports.batch_not_found', `No import batch with id ${batchId}.`, {
      batchId,
    });
  }
  return JSON.parse(row.rejected_json) as RowError[];
}
