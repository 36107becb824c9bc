import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../../core/db/open';
import { repoRoot } from '../../support/paths';

const tsx = path.join(repoRoot, 'node_modules', '.bin', 'tsx');
const main = path.join(repoRoot, 'hosts', 'cli', 'main.ts');

function cli(...args: string[]) {
  const run = spawnSync(tsx, [main, ...args], { cwd: repoRoot, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('the CLI', () => {
  let dir: string;
  let db: string;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roc-cli-'));
    db = path.join(dir, 'console.db');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints its help with the exit codes to stdout and exits 0', () => {
    const run = cli('--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Exit codes: 0 ok');
    expect(run.stdout).toContain('import <file>');
  });

  it('exits 1 for an unknown command, without touching a database', () => {
    const run = cli('frobnicate', '--db', db);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Unknown command "frobnicate"');
    expect(fs.existsSync(db)).toBe(false);
  });

  it('exits 1 for an option that does not belong to the command', () => {
    const run = cli('tags', '--out', 'x.csv', '--db', db);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--out');
  });

  it('exits 1 when import is given neither a preset nor a mapping', () => {
    const run = cli('import', 'orders.csv', '--db', db);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--preset');
  });

  it('exits 1 for a customer id that is not a number', () => {
    expect(cli('explain', '--customer', 'abc', '--db', db).code).toBe(1);
  });

  it('exits 2 and names the file when the file to import does not exist', () => {
    const missing = path.join(dir, 'no-such-export.csv');
    const run = cli('import', missing, '--preset', 'uci-online-retail', '--db', db);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('files.not_found');
    expect(run.stderr).toContain('no-such-export.csv');
    expect(run.stdout).toBe('');
  });

  it('exits 3 and leaves the file alone when the database is from a newer version', async () => {
    const newer = path.join(dir, 'newer.db');
    const opened = await openDb({ file: newer });
    opened.raw
      .prepare('INSERT INTO kysely_migration (name, timestamp) VALUES (?, ?)')
      .run('29991231T0000-from-the-future', new Date(0).toISOString());
    await opened.close();
    const before = fs.readFileSync(newer);

    const run = cli('recompute', '--db', newer);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('db.newer_version');
    expect(fs.readFileSync(newer)).toEqual(before);
  });
});
