/**
 * The entry of the import's worker thread: reads the file and commits it on its own
 * connection to the database file, so the host's thread only relays progress and
 * cancel. Messages from the host: 'cancel'; to the host: progress, the summary, or
 * the coded error.
 *
 * Tried twice and dropped: a second thread that reads while this one commits. Sending
 * records as objects (structured clone) costs the receiving thread about 4.5 µs a
 * record, as much as reading them. Sent compactly instead (a chunk's numbers in one
 * Float64Array, its texts as indexes into its distinct strings: 0.6 µs a record to
 * rebuild), a million lines still took longer on two quiet cores (54k against 59k
 * lines/s) for 29 s of CPU against 18 and a higher peak memory: the reading thread
 * spends about twice the CPU of reading in place. That code is on the branch
 * `wip/read-apart`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import type { ImportOptions, ImportSummary } from '../../api/imports';
import { openDb } from '../../db/open';
import { isCoreError } from '../../shared/errors';
import { importFile } from './batch-run';
import type { WorkerEntry } from './worker-spawn';
import { setLogLevel, type LogLevel } from '../../shared/log';

/** What the host hands the import thread. */
export interface WorkerTask {
  entry: WorkerEntry;
  dbFile: string;
  nativeBinding?: string;
  path: string;
  fileName: string;
  options: ImportOptions;
  acceptPartial: boolean;
  atMs: number;
  /** The host's log level (a thread has its own logger state): the CLI's quiet is kept. */
  logLevel: LogLevel;
}

export type WorkerMessage =
  | { type: 'progress'; processed: number; total: number | null }
  | { type: 'done'; summary: ImportSummary }
  | { type: 'error'; code: string; message: string; details?: Record<string, unknown> };

type WorkerData = { role: 'import'; task: WorkerTask };

async function runImport(host: MessagePort, task: WorkerTask): Promise<void> {
  setLogLevel(task.logLevel);
  const controller = new AbortController();
  host.on('message', (message) => {
    if (message === 'cancel') controller.abort();
  });

  const db = await openDb({ file: task.dbFile, nativeBinding: task.nativeBinding });
  try {
    const summary = await importFile(
      db,
      task.path,
      task.fileName,
      task.options,
      task.acceptPartial,
      {
        at: new Date(task.atMs),
        signal: controller.signal,
        onProgress: (processed, total) => host.postMessage({ type: 'progress', processed, total }),
      },
    );
    host.postMessage({ type: 'done', summary } satisfies WorkerMessage);
  } catch (error) {
    host.postMessage({ type: 'error', ...described(error) } satisfies WorkerMessage);
  } finally {
    await db.close();
    host.close();
  }
}

function described(error: unknown): {
  code: string;
  message: string;
  details?: Record<string, unknown>;
} {
  if (isCoreError(error))
    return { code: error.code, message: error.message, details: error.details };
  return {
    code: 'internal',
    message: error instanceof Error ? (error.stack ?? error.message) : String(error),
  };
}

const data = workerData as WorkerData | null;
if (parentPort && data?.role === 'import') void runImport(parentPort, data.task);
