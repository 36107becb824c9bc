import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDb } from '../../../core/db/open';
import { dataFile, repoRoot } from '../../support/paths';
import { cli } from './run-cli';

const tsx = path.join(repoRoot, 'node_modules', '.bin', 'tsx');
const entry = path.join(repoRoot, 'hosts', 'cli', 'main.ts');

/** The real entry in its own process, as a script would run it. */
function spawnCli(...args: string[]) {
  const run = spawnSync(tsx, [entry, ...args], { cwd: repoRoot, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('the CLI', () => {
  let dir: string;
  let db: string;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roc-cli-'));
    db = path.join(dir, 'console.db');
  });
  afterEach(() => vi.restoreAllMocks());
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints its help with the exit codes to stdout and exits 0', () => {
    const run = spawnCli('--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Exit codes:\n {2}0 {2}ok/);
    expect(run.stdout).toContain('import <file>');
  });

  it('exits 1 for an unknown command, without touching a database', async () => {
    const run = await cli('frobnicate', '--db', db);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Unknown command "frobnicate"');
    expect(fs.existsSync(db)).toBe(false);
  });

  it('exits 1 for an unknown option or one that does not belong to the command', async () => {
    expect((await cli('tags', '--colour', '--db', db)).code).toBe(1);
    const run = await cli('tags', '--out', 'x.csv', '--db', db);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--out');
  });

  it('says every wrong command line in one shape: error [usage], the problem, then --help', async () => {
    const runs = [
      await cli('recompute', '--bogus', '--db', db),
      await cli('recompute', '--db'),
      await cli('tags', '--json=yes', '--db', db),
      await cli('frobnicate', '--db', db),
      await cli('tags', '--out', 'x.csv', '--db', db),
      await cli('import', 'orders.csv', '--preset', 'uci-online-retail', '--date-order', 'x'),
      await cli('export', '--tag', 'gold', '--out', 'x.pdf', '--format', 'pdf', '--db', db),
    ];
    for (const run of runs) {
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/^error \[usage\]: \S.*\nRun with --help for usage\.$/);
      expect(run.stdout).toBe('');
    }
    expect(runs[0]?.stderr).toContain('Unknown option "--bogus".');
    expect(runs[0]?.stderr).not.toContain('positional argument');
    expect(runs[1]?.stderr).toContain('Option --db needs a value.');
    expect(runs[2]?.stderr).toContain('Option --json takes no value.');
  });

  it("says an --out in a folder that does not exist is the user's mistake: exit 2, naming it", async () => {
    const out = path.join(dir, 'no-such-folder', 'x.csv');
    const run = await cli('export', '--tag', 'rfm:champions', '--out', out, '--db', db);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`error [files.unwritable]: Cannot write ${out}`);
    expect(run.stderr).toContain(`the folder ${path.dirname(out)} does not exist`);
    expect(run.stderr).toContain('Create it first');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(fs.existsSync(path.dirname(out))).toBe(false);
  });

  it('says an --out that is a folder, or a file in place of a folder, the same way', async () => {
    const asFolder = await cli('export', '--tag', 'rfm:champions', '--out', dir, '--db', db);
    expect(asFolder.code).toBe(2);
    expect(asFolder.stderr).toContain('it is a folder. Give --out a file name');
    const plain = path.join(dir, 'plain.txt');
    fs.writeFileSync(plain, 'x');
    const under = path.join(plain, 'x.csv');
    const underFile = await cli('export', '--tag', 'rfm:champions', '--out', under, '--db', db);
    expect(underFile.code).toBe(2);
    expect(underFile.stderr).toContain(`${plain} is not a folder`);
  });

  it('writes only JSON to stdout through npm run --silent, as the README shows', () => {
    const run = spawnSync('npm', ['run', '--silent', 'cli', '--', 'tags', '--db', db, '--json'], {
      cwd: repoRoot,
      encoding: 'utf8',
    });
    expect(run.status).toBe(0);
    expect(run.stdout).not.toContain('> retail-ops-console');
    expect((JSON.parse(run.stdout) as unknown[]).length).toBeGreaterThan(0);
  });

  it('writes its JSON, and only it, to stdout, in its own process as a script runs it', () => {
    const run = spawnCli('tags', '--db', db, '--json');
    expect(run.code).toBe(0);
    const tags = JSON.parse(run.stdout) as { key: string }[];
    expect(tags.map((t) => t.key)).toContain('rfm:champions');
    expect(run.stdout.trim().startsWith('[')).toBe(true);
  });

  it('exits 1 when import is given neither a preset nor a mapping', async () => {
    const run = await cli('import', 'orders.csv', '--db', db);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--preset');
  });

  it('exits 1 for a customer id that is not a number', async () => {
    expect((await cli('explain', '--customer', 'abc', '--db', db)).code).toBe(1);
  });

  it('exits 2 and names the file when the file to import does not exist', async () => {
    const missing = path.join(dir, 'no-such-export.csv');
    const run = await cli('import', missing, '--preset', 'uci-online-retail', '--db', db);
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

    const run = await cli('recompute', '--db', newer);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('db.newer_version');
    expect(fs.readFileSync(newer)).toEqual(before);
  });

  it('imports the UCI sample with its preset, then finds the same file unchanged', () => {
    // 3,049 customers: the count given for this sample in SOURCES.md and the issue.
    const file = dataFile('online-retail-uci-sample.csv');
    const first = spawnCli('import', file, '--preset', 'uci-online-retail', '--db', db, '--json');
    expect(first.code).toBe(0);
    const summary = JSON.parse(first.stdout);
    expect(summary.status).toBe('committed');
    expect(summary.rowsImported).toBe(20_000);
    expect(summary.customersNew).toBe(3049);
    expect(first.stderr).toMatch(/rows\/s/);
    // The import's own thread logs at the CLI's level: no INFO lines among the progress.
    expect(first.stderr).not.toContain('INFO');

    const again = spawnCli('import', file, '--preset', 'uci-online-retail', '--db', db, '--json');
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout).rowsImported).toBe(0);
  });

  it('exits 2 when rows are rejected and --accept-partial was not given', async () => {
    const file = dataFile('online-retail-dirty.csv');
    const run = await cli('import', file, '--preset', 'uci-online-retail', '--db', db);
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/line \d+/);
  });

  it('says a refused file wrote nothing, with what the file held and no batch or duplicates', async () => {
    // 20 rows: `awk 'NR>1' online-retail-dirty.csv | wc -l` prints 20.
    const file = dataFile('online-retail-dirty.csv');
    const run = await cli('import', file, '--preset', 'uci-online-retail', '--db', db);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('refused, nothing was written');
    expect(run.stdout).toMatch(/the file holds 20 rows: \d+ readable, \d+ rejected/);
    expect(run.stdout).not.toMatch(/\(batch \d+\)|duplicates|n\/a/);
  });

  it('names --date-order dmy|mdy when the dates could be day-first or month-first', async () => {
    const file = dataFile('online-retail-dirty.csv');
    const run = await cli('import', file, '--preset', 'uci-online-retail', '--db', db);
    expect(run.stdout).toContain('dates undecided');
    expect(run.stdout).toContain('--date-order dmy or --date-order mdy');
    expect(run.stdout).toContain('(--date-order dmy|mdy) [date.order_unknown]');
  });

  it('says which date order it used and that it was given', async () => {
    const file = dataFile('online-retail-dirty.csv');
    const run = await cli(
      'import',
      file,
      '--preset',
      'uci-online-retail',
      '--date-order',
      'dmy',
      '--db',
      db,
    );
    expect(run.stdout).toContain('dates read day-month-year (dmy, as given by --date-order)');
  });

  it('lists the presets there are when asked for an unknown one, as a usage error', async () => {
    const run = await cli('import', 'orders.csv', '--preset', 'bogus', '--db', db);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('error [usage]');
    expect(run.stderr).toContain('There is no preset "bogus"');
    expect(run.stderr).toContain('uci-online-retail');
    expect(run.stderr).toContain('superstore');
    expect(run.stderr).toContain('--help');
  });

  it('writes a segment file with as many customers as it reports, and explains a tag', async () => {
    // Runs after the UCI import above, on the same database. A recompute of every
    // customer names no store: its as-of time is the console's default zone's.
    const recomputed = await cli('recompute', '--db', db);
    expect(recomputed.code).toBe(0);
    expect(recomputed.stdout).toMatch(
      /as of \d{4}-\d{2}-\d{2} \d{2}:\d{2} Asia\/Shanghai \(UTC\+08:00\):/,
    );
    const out = path.join(dir, 'segment.csv');
    const exported = await cli(
      'export',
      '--tag',
      'rfm:champions',
      '--out',
      out,
      '--db',
      db,
      '--json',
    );
    expect(exported.code).toBe(0);
    const { rows } = JSON.parse(exported.stdout) as { rows: number };
    expect(rows).toBeGreaterThan(0);
    const lines = fs.readFileSync(out, 'utf8').trim().split(/\r?\n/);
    expect(lines.length).toBe(rows + 1);

    const customerId = lines[1]?.split(',')[0] ?? '';
    const explained = await cli(
      'explain',
      '--customer',
      customerId,
      '--tag',
      'rfm:champions',
      '--db',
      db,
      '--json',
    );
    expect(explained.code).toBe(0);
    expect(JSON.parse(explained.stdout)[0].has).toBe(true);
    // --json keeps the instants as ISO UTC.
    expect(JSON.parse(explained.stdout)[0].asOf).toMatch(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/);

    // Text: instants in the customer's store's zone, named: every UCI customer buys from
    // the one store UCI-ONLINE, in London (the preset's zone); never raw ISO instants.
    const text = await cli(
      'explain',
      '--customer',
      customerId,
      '--tag',
      'rfm:champions',
      '--db',
      db,
    );
    const time = '\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} Europe/London \\(UTC\\+0[01]:00\\)';
    expect(text.stdout).toMatch(new RegExp(`since ${time}; rule version`));
    expect(text.stdout).toMatch(new RegExp(`as of ${time}$`, 'm'));
    expect(text.stdout).not.toMatch(/\d{2}:\d{2}:\d{2}\.\d{3}Z/);
  });

  it('exits 1 for an encoding that does not exist, naming ones that do', async () => {
    const file = dataFile('online-retail-dirty.csv');
    const run = await cli('import', file, '--preset', 'uci-online-retail', '--encoding', 'utf-9');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('error [usage]: Unknown text encoding "utf-9".');
    expect(run.stderr).toContain('--encoding utf-8, gb18030');
  });

  it('exits 3 for a saved mapping that does not exist, like a tag', async () => {
    const run = await cli('import', 'orders.csv', '--mapping', 'no such shop', '--db', db);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('No saved mapping "no such shop"');
  });

  it('exits 3 for a tag that does not exist', async () => {
    const run = await cli(
      'export',
      '--tag',
      'no_such_tag',
      '--out',
      path.join(dir, 'x.csv'),
      '--db',
      db,
    );
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('no_such_tag');
  });
});
