import type { JobStatus } from '../../../core/api/system';
import { api } from './client';

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
