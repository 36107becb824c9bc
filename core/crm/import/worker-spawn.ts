import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { TransferListItem } from 'node:worker_threads';

/**
 * How to start the import's worker thread. In the built app the worker is a bundle
 * of its own beside the main one (out/main/import-worker.js); from sources (tsx,
 * vitest) the TypeScript entry is loaded through tsx's require hook, registered
 * inside the new thread. Decided once by the host and handed down, because a
 * worker's own `__dirname` (a shared chunk of the bundle) is not the host's.
 */
export type WorkerEntry = { built: string } | { tsxApi: string; source: string };

export function workerEntry(): WorkerEntry {
  const built = path.join(__dirname, 'import-worker.js');
  if (!__filename.endsWith('.ts') && fs.existsSync(built)) return { built };
  return {
    tsxApi: createRequire(__filename).resolve('tsx/cjs/api'),
    source: path.join(__dirname, 'worker.ts'),
  };
}

export function spawnWorker(
  entry: WorkerEntry,
  workerData: unknown,
  transferList: TransferListItem[] = [],
): Worker {
  if ('built' in entry) return new Worker(entry.built, { workerData, transferList });
  const boot =
    `require(${JSON.stringify(entry.tsxApi)}).register(); ` +
    `require(${JSON.stringify(entry.source)});`;
  return new Worker(boot, { eval: true, workerData, transferList });
}
