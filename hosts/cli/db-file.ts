import fs from 'node:fs';
import path from 'node:path';
import { CliFailure, exitCodes } from './exit';
import { messages } from './i18n';

/** The first 16 bytes of every SQLite database file. */
const sqliteHeader = Buffer.from('SQLite format 3\0', 'latin1');

function refused(code: string, message: string): CliFailure {
  return new CliFailure({ code, message }, exitCodes.rejected);
}

function notADatabase(file: string): CliFailure {
  return refused('db.not_a_database', messages().dbNotADatabase(file));
}

/** The first bytes of a file, at most `count`. */
function firstBytes(file: string, count: number): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const bytes = Buffer.alloc(count);
    const read = fs.readSync(fd, bytes, 0, count, 0);
    return bytes.subarray(0, read);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Checks, before the database is opened, that --db names a database file or a file still to
 * be created: a folder, or a file that is something else (a CSV export given by mistake), is
 * the user's mistake (exit 2) and nothing is created or changed.
 */
export function checkDbFile(file: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return; // a new, empty console database is created there
    if (code === 'ENOTDIR') {
      throw refused('db.unopenable', messages().dbFolderPathIsFile(file));
    }
    throw refused('db.unopenable', messages().dbCannotOpen(file, code));
  }
  if (stat.isDirectory()) {
    throw refused('db.is_folder', messages().dbIsFolder(file, path.join(file, 'console.db')));
  }
  // An empty file is an empty database to SQLite; anything else must start as one.
  if (stat.size === 0) return;
  let head: Buffer;
  try {
    head = firstBytes(file, sqliteHeader.length);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw refused('db.unopenable', messages().dbCannotRead(file, code));
  }
  if (!head.equals(sqliteHeader)) throw notADatabase(file);
}

/**
 * SQLite's own refusal to open --db (a damaged file that still starts as a database, a file
 * it may not open) as the user's input problem, or null for any other error.
 */
export function dbOpenFailure(error: unknown, file: string): CliFailure | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') return notADatabase(file);
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_READONLY')) {
    return refused('db.unopenable', messages().dbCannotWrite(file, code));
  }
  return null;
}
