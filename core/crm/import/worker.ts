/**
 * The entry of the import's worker threads. The import thread commits on its own
 * connection to the database file, so the host's thread only relays progress and
 * cancel; it starts a reader thread that converts the file's rows meanwhile, so that
 * reading and writing use both cores. Messages from the host: 'cancel'; to the host:
 * progress, the summary, or the coded error.
 */
import { MessageChannel, parentPort, workerData } from 'node:worker_threads';
import type { MessagePort } from 'node:worker_threads';
import type { ImportOptions, ImportSummary } from '../../api/imports';
import { openDb } from '../../db/open';
import { isCoreError } from '../../shared/errors';
import { importFile } from './batch-run';
import { recordsFrom, sendRecords } from './worker-read';
import { spawnWorker } from './worker-spawn';
import type { WorkerEntry } from './worker-spawn';

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
}

export type WorkerMessage =
  | { type: 'progress'; processed: number; total: number | null }
  | { type: 'done'; summary: ImportSummary }
  | { type: 'error'; code: string; message: string; details?: Record<string, unknown> };

type WorkerData =
  | { role: 'import'; task: WorkerTask }
  | { role: 'read'; port: MessagePort; path: string; options: ImportOptions };

async function runImport(host: MessagePort, task: WorkerTask): Promise<void> {
  const channel = new MessageChannel();
  const reader = spawnWorker(
    task.entry,
    { role: 'read', port: channel.port2, path: task.path, options: task.options },
    [channel.port2],
  );
  const readerFailed = new Promise<never>((_, reject) => reader.on('error', reject));
  readerFailed.catch(() => undefined);

  const controller = new AbortController();
  host.on('message', (message) => {
    if (message !== 'cancel') return;
    controller.abort();
    channel.port1.postMessage('cancel');
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
        records: (onLinesTotal) => recordsFrom(channel.port1, onLinesTotal, readerFailed),
      },
    );
    host.postMessage({ type: 'done', summary } satisfies WorkerMessage);
  } catch (error) {
    host.postMessage({ type: 'error', ...described(error) } satisfies WorkerMessage);
  } finally {
    channel.port1.close();
    await reader.terminate();
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
if (parentPort && data?.role === 'read') void sendRecords(data.port, data.path, data.options);
