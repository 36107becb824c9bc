import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDb } from '../../../core/db/open';
import { main } from '../../../hosts/cli/program';

/** Runs the CLI in this process and returns its exit code and what it said on stderr. */
async function cli(...args: string[]) {
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  try {
    return { code: await main(args), stderr: err.join('\n') };
  } finally {
    vi.restoreAllMocks();
  }
}

/** How many tags the database holds: the recompute made the built-in ones (gold, …). */
async function tagCount(file: string): Promise<number> {
  const db = await openDb({ file });
  try {
    return (db.raw.prepare('SELECT count(*) AS n FROM tags').get() as { n: number }).n;
  } finally {
    await db.close();
  }
}

describe('a segment export whose --out would overwrite the database', () => {
  let dir: string;
  let db: string;
  let tags = 0;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-out-db-'));
    db = path.join(dir, 'console.db');
    expect((await cli('recompute', '--db', db)).code).toBe(0);
    tags = await tagCount(db);
    expect(tags).toBeGreaterThan(0);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is refused (exit 2) in one line naming both paths, and the database stays whole', async () => {
    const run = await cli('export', '--tag', 'gold', '--out', db, '--db', db);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(`--out ${db}`);
    expect(run.stderr).toContain(`--db ${db}`);
    expect(run.stderr).toContain('Give --out another file');
    expect(await tagCount(db)).toBe(tags);
  });

  it('is refused however the path is spelt: relative steps, a link, or a hard link', async () => {
    fs.mkdirSync(path.join(dir, 'sub'));
    fs.symlinkSync(db, path.join(dir, 'link.db'));
    fs.linkSync(db, path.join(dir, 'hard.db'));
    for (const out of [
      path.join(dir, 'sub', '..', 'console.db'),
      path.join(dir, 'link.db'),
      path.join(dir, 'hard.db'),
    ]) {
      const run = await cli('export', '--tag', 'gold', '--out', out, '--db', db);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('the database itself');
    }
    expect(await tagCount(db)).toBe(tags);
  });

  it("is refused when it is one of SQLite's files beside the database", async () => {
    for (const suffix of ['-wal', '-shm', '-journal']) {
      const run = await cli('export', '--tag', 'gold', '--out', db + suffix, '--db', db);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`--out ${db}${suffix}`);
    }
    expect(await tagCount(db)).toBe(tags);
  });

  it('writes the file as before when --out is another file beside the database', async () => {
    const out = path.join(dir, 'gold.csv');
    expect((await cli('export', '--tag', 'gold', '--out', out, '--db', db)).code).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toContain('客户ID Customer id');
  });
});
