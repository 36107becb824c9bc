import { randomUUID } from 'node:crypto';
import type { JobStatus } from '../api/system';
import { CoreError, isCoreError } from '../shared/errors';
import { logger } from '../shared/log';

const log = logger('jobs');

export interface JobProgress {
  processed: number;
  total: number | null;
  message?: string;
}

export interface JobHandle {
  report(progress: JobProgress): void;
  /** Aborted when the user presses cancel; long work checks it between chunks. */
  signal: AbortSignal;
}

/**
 * Long work (imports, full recomputes) runs as a job: the caller gets an id at once
 * and polls `jobs.get` for progress, so that no host blocks while it runs.
 */
export class JobRunner {
  private jobs = new Map<
    string,
    { status: JobStatus; controller: AbortController; started: number }
  >();

  start<T>(kind: string, work: (job: JobHandle) => Promise<T>): JobStatus {
    const id = randomUUID();
    const controller = new AbortController();
    const status: JobStatus = {
      id,
      kind,
      state: 'running',
      progress: null,
      processed: 0,
      total: null,
      ratePerSecond: 0,
      message: null,
    };
    const entry = { status, controller, started: performance.now() };
    this.jobs.set(id, entry);

    const report = (p: JobProgress) => {
      const seconds = (performance.now() - entry.started) / 1000;
      status.processed = p.processed;
      status.total = p.total;
      status.progress = p.total ? Math.min(1, p.processed / p.total) : null;
      status.ratePerSecond = seconds > 0 ? Math.round(p.processed / seconds) : 0;
      status.message = p.message ?? status.message;
    };

    work({ report, signal: controller.signal }).then(
      (result) => {
        status.state = controller.signal.aborted ? 'cancelled' : 'done';
        status.progress = 1;
        status.result = result;
      },
      (error: unknown) => {
        status.state = controller.signal.aborted ? 'cancelled' : 'failed';
        if (isCoreError(error)) {
          status.error = { code: error.code, message: error.message, details: error.details };
        } else {
          log.error(`job ${kind} ${id} failed`, error);
          status.error = { code: 'internal', message: String(error) };
        }
      },
    );
    return { ...status };
  }

  get(id: string): JobStatus {
    const entry = this.jobs.get(id);
    if (!entry) throw new CoreError('jobs.not_found', `No job with id ${id}.`, { jobId: id });
    return { ...entry.status };
  }

  cancel(id: string): JobStatus {
    const entry = this.jobs.get(id);
    if (!entry) throw new CoreError('jobs.not_found', `No job with id ${id}.`, { jobId: id });
    entry.controller.abort();
    return { ...entry.status };
  }

  /** Resolves when the job has ended; for the CLI and tests. */
  async wait(id: string, onProgress?: (s: JobStatus) => void, pollMs = 200): Promise<JobStatus> {
    for (;;) {
      const s = this.get(id);
      onProgress?.(s);
      if (s.state !== 'running') return s;
      await new Promise((r) => setTimeout(r, pollMs));
    }
  }
}
