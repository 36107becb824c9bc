import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
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

// Exit 2 is "input rejected: a file that cannot be read or written" (--help); a --db that
// is no database is such an input, not a bug (4).
describe('a --db that is not a console database', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-db-path-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is refused with exit 2 and one line when it is a folder, and nothing is created', async () => {
    const folder = path.join(dir, 'exports');
    fs.mkdirSync(folder);
    const run = await cli('tags', '--db', folder);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toMatch(/bug/);
    expect(run.stderr.split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(folder);
    expect(run.stderr).toContain('is a folder');
    expect(fs.readdirSync(folder)).toEqual([]);
    expect(fs.readdirSync(dir)).toEqual(['exports']);
  });

  it('is refused with exit 2 when it is a CSV, which is left byte for byte', async () => {
    const csv = path.join(dir, 'orders.csv');
    const text = 'InvoiceNo,StockCode\n536365,85123A\n';
    fs.writeFileSync(csv, text);
    const run = await cli('recompute', '--db', csv);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toMatch(/bug/);
    expect(run.stderr.split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(csv);
    expect(run.stderr).toContain('not a console database');
    expect(fs.readFileSync(csv, 'utf8')).toBe(text);
    // SQLite's companion files were not made beside it either.
    expect(fs.existsSync(`${csv}-wal`)).toBe(false);
    expect(fs.existsSync(`${csv}-shm`)).toBe(false);
  });

  it('is refused in a folder path that runs through a file', async () => {
    const csv = path.join(dir, 'note.txt');
    fs.writeFileSync(csv, 'x');
    const run = await cli('tags', '--db', path.join(csv, 'console.db'));
    expect(run.code).toBe(2);
    expect(run.stderr).not.toMatch(/bug/);
  });

  it('still starts a new, empty database at a name that does not exist yet', async () => {
    const fresh = path.join(dir, 'new.db');
    const run = await cli('tags', '--db', fresh);
    expect(run.code).toBe(0);
    expect(fs.existsSync(fresh)).toBe(true);
  });
});
