import fs from 'node:fs';
import path from 'node:path';
import { CliFailure, exitCodes } from './exit';
import { messages } from './i18n';

/** Why a file cannot be written there, in words, with what to do instead. */
function problemWith(file: string, code: string | undefined): string {
  const m = messages();
  const folder = path.dirname(file);
  switch (code) {
    case 'ENOENT':
      return m.outNoFolder(folder);
    case 'ENOTDIR':
      return m.outNotFolder(folder);
    case 'EISDIR':
      return m.outIsFolder(path.join(file, 'segment.csv'));
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return m.outForbidden;
    default:
      return m.outOther(code);
  }
}

function unwritable(file: string, code: string | undefined): CliFailure {
  return new CliFailure(
    { code: 'files.unwritable', message: messages().cannotWrite(file, problemWith(file, code)) },
    exitCodes.rejected,
  );
}

/**
 * Checks, before any work is done, that a result file can be written at this path: its
 * folder exists and may be written, and the path is not itself a folder. A wrong path is
 * the user's mistake, said as such (exit 2 like a file that cannot be read), not a bug.
 */
export function checkOutFile(file: string): void {
  const folder = path.dirname(file);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(folder);
  } catch (error) {
    throw unwritable(file, (error as NodeJS.ErrnoException).code);
  }
  if (!stat.isDirectory()) throw unwritable(file, 'ENOTDIR');
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) throw unwritable(file, 'EISDIR');
  try {
    fs.accessSync(folder, fs.constants.W_OK);
  } catch (error) {
    throw unwritable(file, (error as NodeJS.ErrnoException).code);
  }
}

/** Writes a result file; a failure the check could not foresee is said the same way. */
export function writeOutFile(file: string, bytes: Buffer): void {
  try {
    fs.writeFileSync(file, bytes);
  } catch (error) {
    throw unwritable(file, (error as NodeJS.ErrnoException).code);
  }
}

/** A path with its links and `..` resolved; for a file still to be made, its folder's. */
function realPath(file: string): string {
  try {
    return fs.realpathSync(file);
  } catch {
    try {
      return path.join(fs.realpathSync(path.dirname(file)), path.basename(file));
    } catch {
      return path.resolve(file);
    }
  }
}

/** Whether two paths are one file: the same real path, or (a hard link) the same inode. */
function sameFile(a: string, b: string): boolean {
  if (realPath(a) === realPath(b)) return true;
  try {
    const [sa, sb] = [fs.statSync(a), fs.statSync(b)];
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

/** SQLite's files beside the database, which writing over would damage it as well. */
const companions = [
  { suffix: '', what: 'db' },
  { suffix: '-wal', what: 'wal' },
  { suffix: '-shm', what: 'shm' },
  { suffix: '-journal', what: 'journal' },
] as const;

/**
 * Refuses, before anything is opened or written, a result file that is the database (--db)
 * or one of SQLite's files beside it: the CSV would replace every customer and order.
 */
export function checkOutIsNotDatabase(out: string, dbFile: string): void {
  const hit = companions.find((c) => sameFile(out, dbFile + c.suffix));
  if (!hit) return;
  const example = path.join(path.dirname(out), 'segment.csv');
  throw new CliFailure(
    {
      code: 'files.out_is_database',
      message: messages().outIsDatabase(out, hit.what, dbFile, example),
    },
    exitCodes.rejected,
  );
}
