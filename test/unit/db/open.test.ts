import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from '../../../core/db/open';

const dirs: string[] = [];
function tempFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roc-db-'));
  dirs.push(dir);
  return path.join(dir, 'console.db');
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('opening the database', () => {
  it('creates a new file in WAL mode with foreign keys on and every table', async () => {
    const file = tempFile();
    const db = await openDb({ file });
    expect(db.raw.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.raw.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = db.raw
      .prepare("SELECT name FROM sqlite_master WHERE type='table'")
      .all()
      .map((r) => (r as { name: string }).name);
    expect(tables).toEqual(expect.arrayContaining(['customers', 'orders', 'order_lines', 'tags']));
    await db.close();
  });

  it('refuses a file written by a newer version and leaves it untouched', async () => {
    const file = tempFile();
    const db = await openDb({ file });
    await db.close();
    const raw = new SQLite(file);
    raw
      .prepare('INSERT INTO kysely_migration (name, timestamp) VALUES (?, ?)')
      .run('29990101T0000-from-the-future', new Date().toISOString());
    raw.close();
    const before = fs.readFileSync(file);

    await expect(openDb({ file })).rejects.toMatchObject({
      code: 'db.newer_version',
      message: expect.stringContaining('29990101T0000-from-the-future'),
    });
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('backs the file up before migrating one that already has data', async () => {
    const file = tempFile();
    const raw = new SQLite(file);
    raw.exec("CREATE TABLE keepsake (note TEXT); INSERT INTO keepsake VALUES ('hello')");
    raw.close();

    const db = await openDb({ file, now: () => new Date('2026-12-04T08:00:00Z') });
    await db.close();
    const backups = fs.readdirSync(path.dirname(file)).filter((f) => f.endsWith('.bak'));
    expect(backups).toEqual(['console.db.before-migration-2026-12-04T08-00-00-000Z.bak']);
    const copy = new SQLite(path.join(path.dirname(file), backups[0]!));
    expect(copy.prepare('SELECT note FROM keepsake').get()).toEqual({ note: 'hello' });
    copy.close();
  });
});
