import type { MessagePort } from 'node:worker_threads';
import type { ImportOptions } from '../../api/imports';
import { CoreError, isCoreError } from '../../shared/errors';
import { readRecords } from './index';
import type { RecordOutcome } from './types';

/**
 * Reading and committing run on two threads at once: the reader converts rows while
 * the committer writes the previous chunk. Chunks travel through a message port;
 * the reader stays at most `inFlight` chunks ahead, so memory stays bounded.
 */
type ReaderMessage =
  | { type: 'chunk'; chunk: RecordOutcome[]; linesTotal: number }
  | { type: 'end' }
  | { type: 'error'; code: string; message: string; details?: Record<string, unknown> };

const inFlight = 3;

/** The reader thread's work: read the file and send its chunks to the committer. */
export async function sendRecords(
  port: MessagePort,
  path: string,
  options: ImportOptions,
): Promise<void> {
  const controller = new AbortController();
  let unacked = 0;
  let resume: (() => void) | null = null;
  port.on('message', (m) => {
    if (m === 'cancel') controller.abort();
    if (m === 'ack') unacked -= 1;
    resume?.();
    resume = null;
  });

  let linesTotal = 0;
  try {
    const chunks = readRecords(path, options, undefined, {
      signal: controller.signal,
      onProgress: (p) => (linesTotal = p.linesTotal),
    });
    for await (const chunk of chunks) {
      port.postMessage({ type: 'chunk', chunk, linesTotal } satisfies ReaderMessage);
      unacked += 1;
      while (unacked >= inFlight && !controller.signal.aborted) {
        await new Promise<void>((r) => (resume = r));
      }
    }
    port.postMessage({ type: 'end' } satisfies ReaderMessage);
  } catch (error) {
    const coded = isCoreError(error)
      ? { code: error.code, message: error.message, details: error.details }
      : {
          code: 'internal',
          message: error instanceof Error ? (error.stack ?? error.message) : String(error),
        };
    port.postMessage({ type: 'error', ...coded } satisfies ReaderMessage);
  } finally {
    port.close();
  }
}

/** The committer's side: the reader's chunks as an async iterable, acknowledging each. */
export async function* recordsFrom(
  port: MessagePort,
  onLinesTotal: (n: number) => void,
  /** Rejects if the reader thread dies without a word (a bug, not a bad file). */
  readerFailed: Promise<never>,
): AsyncGenerator<RecordOutcome[]> {
  const queue: ReaderMessage[] = [];
  let wake: (() => void) | null = null;
  port.on('message', (m: ReaderMessage) => {
    queue.push(m);
    wake?.();
    wake = null;
  });

  for (;;) {
    while (queue.length === 0) {
      await Promise.race([new Promise<void>((r) => (wake = r)), readerFailed]);
    }
    const m = queue.shift() as ReaderMessage;
    if (m.type === 'end') return;
    if (m.type === 'error') {
      throw m.code === 'internal'
        ? new Error(m.message)
        : new CoreError(m.code, m.message, m.details);
    }
    onLinesTotal(m.linesTotal);
    port.postMessage('ack');
    yield m.chunk;
  }
}
