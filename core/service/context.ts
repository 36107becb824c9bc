import type { Db } from '../db/open';
import type { FileRegistry } from './files';
import type { JobRunner } from './jobs';

/** What every service function may use: the database, the clock and the job runner. */
export interface ServiceContext {
  db: Db;
  /** The instant "now" means for this call: system clock, or a trainer's simulated one. */
  now(): Date;
  jobs: JobRunner;
  /** Files handed over by the host; the renderer refers to them by id only. */
  files: FileRegistry;
  host: 'electron' | 'web' | 'cli';
  version: string;
}
