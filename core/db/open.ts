import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, sql } from 'kysely';
import type { MigrationProvider } from 'kysely';
import { migrations } from '../../migrations';
import { logger } from '../shared/log';
import { CoreError, isCoreError } from '../shared/errors';
import type { Database } from './schema';

const log = logger('db');

export interface Db {
  /** The query builder used by every core service. */
  k: Kysely<Database>;
  /** The raw connection, for the few hot paths that need prepared statements. */
  raw: SQLite.Database;
  file: string;
  /** The addon path it was opened with (Electron), for a second connection to the same file. */
  nativeBinding?: string;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** Path of the SQLite file, or ':memory:' for tests. */
  file: string;
  /** Inside Electron: the better-sqlite3 addon built for Electron's ABI. */
  nativeBinding?: string;
  /** Clock for backup file names; defaults to the system clock. */
  now?: () => Date;
}

const provider: MigrationProvider = { getMigrations: async () => migrations };

/**
 * Opens (creating if needed) the user's database: WAL, foreign keys on, migrated
 * forward. Before migrating a file that already holds data it is copied beside
 * itself. A file written by a newer version of the console is refused untouched.
 */
export async function openDb(options: OpenOptions): Promise<Db> {
  const { file } = options;
  const existed = file !== ':memory:' && fs.existsSync(file) && fs.statSync(file).size > 0;
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });

  const raw = new SQLite(
    file,
    options.nativeBinding ? { nativeBinding: options.nativeBinding } : undefined,
  );
  raw.pragma('journal_mode = WAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('synchronous = NORMAL');
  raw.pragma('busy_timeout = 5000');
  // Lets a statement's sorter hand a large sort (the full recompute's grouping of every
  // sale's lines by customer and category) to one helper thread on the second core: about a
  // tenth off the full recompute's metrics at the benchmark's size. Small sorts stay inline.
  raw.pragma('threads = 1');
  const k = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });

  let copy: string | null = null;
  try {
    const pending = await pendingMigrations(k, file);
    if (pending.length > 0 && existed) copy = backup(raw, file, options.now?.() ?? new Date());
    if (pending.length > 0) await migrateOrRefuse(k, raw, file);
  } catch (error) {
    await k.destroy();
    // A failed migration left the file as it was (one transaction): the copy made before
    // it is the same file again, and would pile up with every failed start.
    if (copy && isCoreError(error) && error.code === 'db.migration_failed') fs.rmSync(copy);
    throw error;
  }

  return { k, raw, file, nativeBinding: options.nativeBinding, close: () => k.destroy() };
}

async function pendingMigrations(k: Kysely<Database>, file: string): Promise<string[]> {
  const known = Object.keys(migrations);
  const hasTable = await sql<{ n: number }>`
    SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'kysely_migration'
  `.execute(k);
  if ((hasTable.rows[0]?.n ?? 0) === 0) return known;

  const applied = await sql<{ name: string }>`SELECT name FROM kysely_migration`.execute(k);
  const names = applied.rows.map((r) => r.name);
  const unknown = names.filter((n) => !known.includes(n));
  if (unknown.length > 0) {
    throw new CoreError(
      'db.newer_version',
      `${file} was written by a newer version of the console (it has migration ` +
        `${unknown.join(', ')}). It was left untouched; open it with that version or newer.`,
      { file, migrations: unknown },
    );
  }
  return known.filter((n) => !names.includes(n));
}

function backup(raw: SQLite.Database, file: string, now: Date): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const target = `${file}.before-migration-${stamp}.bak`;
  raw.prepare('VACUUM INTO ?').run(target);
  log.info(`backed up ${path.basename(file)} to ${path.basename(target)} before migrating`);
  return target;
}

/** Migrates, or refuses the file with what went wrong, saying it was left as it was. */
async function migrateOrRefuse(
  k: Kysely<Database>,
  raw: SQLite.Database,
  file: string,
): Promise<void> {
  try {
    await migrate(k, raw);
  } catch (error) {
    const cause = error instanceof Error ? error.message : String(error);
    throw new CoreError(
      'db.migration_failed',
      `${file} could not be brought up to this version (${cause}). It was left as it was: ` +
        `open it with the version that wrote it, or report the problem with this message.`,
      { file, cause },
    );
  }
}

/**
 * Runs every pending migration, and records it, in one transaction. SQLite changes its
 * schema inside a transaction, but kysely runs SQLite migrations statement by statement
 * without one; a start stopped part way (closed, killed, a full disk) would then leave a
 * half-changed file that the next start cannot migrate. Now it leaves the file as it was.
 */
async function migrate(k: Kysely<Database>, raw: SQLite.Database): Promise<void> {
  const migrator = new Migrator({ db: k, provider });
  raw.exec('BEGIN IMMEDIATE');
  try {
    const { error, results } = await migrator.migrateToLatest();
    for (const r of results ?? []) log.info(`migration ${r.migrationName}: ${r.status}`);
    if (error) throw error;
    raw.exec('COMMIT');
  } finally {
    if (raw.inTransaction) raw.exec('ROLLBACK');
  }
}
