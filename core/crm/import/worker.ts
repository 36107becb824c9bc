/**
 * The import worker's entry: runs one import on its own thread and its own
 * connection to the database file, so that reading and committing a million lines
 * never hold up the host's thread. Started by worker-host.ts; talks by messages:
 * in, 'cancel'; out, progress, the summary, or the coded error.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ImportOptions } from '../../api/imports';
import { openDb } from '../../db/open';
import { isCoreError } from '../../shared/errors';
import { importFile } from './batch-run';

/** What the host hands the worker. */
export interface WorkerTask {
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
  | { type: 'done'; summary: Awaited<ReturnType<typeof importFile>> }
  | { type: 'error'; code: string; message: string; details?: Record<string, unknown> };

async function run(task: WorkerTask): Promise<void> {
  const port = parentPort;
  if (!port) return;
  const controller = new AbortController();
  port.on('message', (message) => {
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
        onProgress: (processed, total) => port.postMessage({ type: 'progress', processed, total }),
      },
    );
    port.postMessage({ type: 'done', summary } satisfies WorkerMessage);
  } catch (error) {
    const coded = isCoreError(error)
      ? { code: error.code, message: error.message, details: error.details }
      : {
          code: 'internal',
          message: error instanceof Error ? (error.stack ?? error.message) : String(error),
        };
    port.postMessage({ type: 'error', ...coded } satisfies WorkerMessage);
  } finally {
    await db.close();
    port.close();
  }
}

if (parentPort && (workerData as { task?: WorkerTask } | null)?.task) {
  void run((workerData as { task: WorkerTask }).task);
}
