import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { migrations } from '../../migrations';

/**
 * A database file as an earlier version of the console wrote it: every migration named
 * before `before` (a migration's timestamp prefix, e.g. '20261206T1100'), then `seed`
 * (SQL run with foreign keys on). For tests of a migration on data it must keep. The
 * file's folder is `dir`, which the caller removes.
 */
export async function olderDatabase(
  before: string,
  seed: string,
): Promise<{ file: string; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roc-older-'));
  const file = path.join(dir, 'console.db');
  const raw = new SQLite(file);
  raw.pragma('foreign_keys = ON');
  const k = new Kysely<unknown>({ dialect: new SqliteDialect({ database: raw }) });
  const names = Object.keys(migrations).filter((n) => n < before);
  const earlier = Object.fromEntries(names.map((n) => [n, migrations[n]!]));
  const migrator = new Migrator({ db: k, provider: { getMigrations: async () => earlier } });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
  raw.exec(seed);
  await k.destroy();
  return { file, dir };
}

/**
 * A store as an older version left it and migration 20261206T1300 marked it: at the
 * default zone, Asia/Shanghai, its zone unknown (an import in another zone may correct
 * it). Stores made by this version's imports are known and never moved.
 */
export function markOlderStore(raw: SQLite.Database, code: string): void {
  raw
    .prepare("UPDATE stores SET time_zone = 'Asia/Shanghai', time_zone_unknown = 1 WHERE code = ?")
    .run(code);
}
