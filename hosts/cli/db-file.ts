import fs from 'node:fs';
import path from 'node:path';
import { CliFailure, exitCodes } from './exit';

/** The first 16 bytes of every SQLite database file. */
const sqliteHeader = Buffer.from('SQLite format 3\0', 'latin1');

function refused(code: string, message: string): CliFailure {
  return new CliFailure({ code, message }, exitCodes.rejected);
}

function notADatabase(file: string): CliFailure {
  return refused(
    'db.not_a_database',
    `--db ${file} is not a console database (SQLite says "file is not a database"); it was ` +
      'left as it was. Give --db the console database, or a new file name to start an empty one.',
  );
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
      throw refused(
        'db.unopenable',
        `--db ${file}: a part of its folder path is a file, not a folder.`,
      );
    }
    throw refused('db.unopenable', `--db ${file} cannot be opened (the system answered ${code}).`);
  }
  if (stat.isDirectory()) {
    throw refused(
      'db.is_folder',
      `--db ${file} is a folder, not a database file. Give --db a file, e.g. ` +
        `${path.join(file, 'console.db')}.`,
    );
  }
  // An empty file is an empty database to SQLite; anything else must start as one.
  if (stat.size === 0) return;
  let head: Buffer;
  try {
    head = firstBytes(file, sqliteHeader.length);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw refused('db.unopenable', `--db ${file} cannot be read (the system answered ${code}).`);
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
    return refused(
      'db.unopenable',
      `--db ${file} cannot be opened for writing (SQLite answered ${code}). ` +
        'Check the path, or give --db a file in a folder you can write to.',
    );
  }
  return null;
}
