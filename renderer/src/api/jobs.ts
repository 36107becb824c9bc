import { useCallback, useEffect, useRef, useState } from 'react';
import type { JobStatus } from '../../../core/api/system';
import { api, ApiCallError } from './client';

/**
 * Follows a job until it ends, reporting each status on the way. Resolves with the
 * last status (done, failed or cancelled); polling errors reject.
 */
export async function followJob(
  id: string,
  onStatus: (status: JobStatus) => void,
  intervalMs = 300,
): Promise<JobStatus> {
  for (;;) {
    const status = await api.call('jobs.get', { id });
    onStatus(status);
    if (status.state !== 'running') return status;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

export interface JobRun {
  status: JobStatus | null;
  error: unknown;
  running: boolean;
  /** Starts the job (unless one is running) and follows it to its end. */
  start: () => void;
}

/**
 * A job a button starts: its latest status, its failure (a refusal to start, or the
 * job's own error) and whether it is still running. `onDone` gets the finished status.
 */
export function useJob(begin: () => Promise<JobStatus>, onDone?: (s: JobStatus) => void): JobRun {
  const [status, setStatus] = useState<JobStatus | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [running, setRunning] = useState(false);
  const live = useRef(true);
  useEffect(() => {
    live.current = true;
    return () => {
      live.current = false;
    };
  }, []);

  const start = useCallback(() => {
    if (running) return;
    const update = (s: JobStatus) => live.current && setStatus(s);
    const run = async () => {
      setRunning(true);
      setError(null);
      setStatus(null);
      const job = await begin();
      update(job);
      const last = await followJob(job.id, update);
      if (last.state === 'failed' && last.error) {
        throw new ApiCallError(last.error.code, last.error.message, last.error.details);
      }
      if (last.state === 'done') onDone?.(last);
    };
    run()
      .catch((e: unknown) => live.current && setError(e))
      .finally(() => live.current && setRunning(false));
  }, [begin, onDone, running]);

  return { status, error, running, start };
}
