import SQLite from 'better-sqlite3';
import type { Db } from '../../db/open';

export interface WriterConnection {
  raw: SQLite.Database;
  close(): void;
}

/**
 * The connection an import writes through: its own connection to the same file, so
 * that the import's long transaction (one per file, held across the pauses in which
 * the event loop serves the window) never swallows what other calls write or read on
 * the app's connection. With WAL those calls keep reading the last committed state;
 * a write elsewhere waits (busy timeout) and fails after 5 s while an import runs.
 * An in-memory database has no file to share, so it uses the app's connection.
 */
export function openWriter(db: Db): WriterConnection {
  if (db.file === ':memory:') return { raw: db.raw, close: () => undefined };
  const raw = new SQLite(
    db.file,
    db.nativeBinding ? { nativeBinding: db.nativeBinding } : undefined,
  );
  raw.pragma('foreign_keys = ON');
  raw.pragma('synchronous = NORMAL');
  raw.pragma('busy_timeout = 5000');
  // Building the caches of a large import wants more pages than the default 2 MB.
  raw.pragma('cache_size = -65536');
  return { raw, close: () => raw.close() };
}
