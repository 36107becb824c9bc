import { z } from 'zod';
import { method } from './method';

export interface AppInfo {
  version: string;
  dbFile: string;
  /** The instant every "as of now" computation uses: the system clock or a scenario's. */
  now: string;
  simulatedClock: boolean;
  locale: 'zh-CN' | 'en';
  host: 'electron' | 'web' | 'cli';
}

export interface JobStatus {
  id: string;
  kind: string;
  state: 'running' | 'done' | 'failed' | 'cancelled';
  /** 0…1, or null while the total is unknown. */
  progress: number | null;
  processed: number;
  total: number | null;
  ratePerSecond: number;
  message: string | null;
  /** Set when state is 'done': the job's own result. */
  result?: unknown;
  error?: { code: string; message: string; details?: Record<string, unknown> };
}

export const systemContract = {
  'app.info': method<AppInfo>()(z.object({})),
  'settings.setLocale': method<AppInfo>()(z.object({ locale: z.enum(['zh-CN', 'en']) })),
  /** Simulated clock for trainers' scenarios; null returns to the system clock. */
  'settings.setClock': method<AppInfo>()(z.object({ now: z.iso.datetime().nullable() })),
  'jobs.get': method<JobStatus>()(z.object({ id: z.string().min(1).max(64) })),
  'jobs.cancel': method<JobStatus>()(z.object({ id: z.string().min(1).max(64) })),
};
