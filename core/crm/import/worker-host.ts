import type { ImportOptions, ImportSummary } from '../../api/imports';
import type { Db } from '../../db/open';
import { CoreError } from '../../shared/errors';
import { logger } from '../../shared/log';
import { importFile } from './batch-run';
import type { RunControl } from './batch-run';
import type { WorkerMessage, WorkerTask } from './worker';
import { spawnWorker, workerEntry } from './worker-spawn';
import { logLevel } from '../../shared/log';

const log = logger('import');

/**
 * Imports a file on a worker thread (see worker.ts) with its own connection to the
 * same database file (WAL); the host's thread only relays progress and cancel. Where no
 * worker can run (an in-memory database has no file to share) the import runs on this
 * thread, yielding to the event loop between chunks.
 */
export async function importInWorker(
  db: Db,
  filePath: string,
  fileName: string,
  options: ImportOptions,
  acceptPartial: boolean,
  control: RunControl,
): Promise<ImportSummary> {
  if (db.file === ':memory:') {
    return importFile(db, filePath, fileName, options, acceptPartial, control);
  }
  const task: WorkerTask = {
    entry: workerEntry(),
    dbFile: db.file,
    nativeBinding: db.nativeBinding,
    path: filePath,
    fileName,
    options,
    acceptPartial,
    atMs: control.at.getTime(),
    logLevel: logLevel(),
  };
  return new Promise<ImportSummary>((resolve, reject) => {
    const worker = spawnWorker(task.entry, { role: 'import', task });
    let settled = false;
    const onAbort = () => worker.postMessage('cancel');
    control.signal?.addEventListener('abort', onAbort, { once: true });
    const finish = (act: () => void) => {
      if (settled) return;
      settled = true;
      control.signal?.removeEventListener('abort', onAbort);
      act();
    };

    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') control.onProgress?.(m.processed, m.total);
      else if (m.type === 'done') finish(() => resolve(m.summary));
      else finish(() => reject(workerError(m)));
    });
    worker.on('error', (error) => finish(() => reject(error)));
    worker.on('exit', (code) =>
      finish(() => reject(new Error(`the import worker stopped (exit code ${code})`))),
    );
  });
}

function workerError(m: Extract<WorkerMessage, { type: 'error' }>): Error {
  if (m.code === 'internal') {
    log.error(`the import worker failed: ${m.message}`);
    return new Error(m.message);
  }
  return new CoreError(m.code, m.message, m.details);
}
