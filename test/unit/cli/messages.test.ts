import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { nearestWord } from '../../../hosts/cli/nearest';
import { cli } from './run-cli';

/*
 * What a newcomer read when a command line was wrong, said plainly. The database is empty
 * (a missing --db file is created empty), so customer 999999 is no customer at all.
 */
let dir = '';
let db = '';
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roc-cli-messages-'));
  db = path.join(dir, 'console.db');
});
afterEach(() => vi.restoreAllMocks());
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the CLI says what is wrong with a command line', () => {
  it('names an unknown command, lists the commands and suggests the nearest', async () => {
    const run = await cli('custmer', '--customer', '1', '--db', db);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'Unknown command "custmer". Commands: import, batches, recompute, tags, export, ' +
        'explain, customer. Did you mean customer?',
    );
    expect(run.stderr).not.toContain('Not for it');
  });

  it('suggests nothing for a word far from every command', async () => {
    const run = await cli('frobnicate', '--db', db);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Unknown command "frobnicate"');
    expect(run.stderr).not.toContain('Did you mean');
  });

  it('says an option the command does not take, with the ones it does', async () => {
    const run = await cli('customer', '--tag', 'gold', '--db', db);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'customer does not take --tag (its own options: --customer, --member, --phone).',
    );
  });

  it('says a customer number must be a whole number, naming the value given', async () => {
    for (const command of ['customer', 'explain']) {
      const run = await cli(command, '--customer', 'abc', '--db', db);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain('--customer must be a positive whole number');
      expect(run.stderr).toContain('not "abc"');
      expect(run.stderr).not.toContain('needs --customer');
    }
  });

  it('says there is no such customer, without guessing at merges or recomputes', async () => {
    for (const command of ['customer', 'explain']) {
      const run = await cli(command, '--customer', '999999', '--db', db);
      expect(run.code).toBe(3);
      expect(run.stderr).toContain('No customer 999999 exists');
      expect(run.stderr).not.toContain('merged');
      expect(run.stderr).not.toContain('recompute');
    }
  });
});

describe('the nearest command to a mistyped one', () => {
  const commands = ['import', 'batches', 'recompute', 'tags', 'export', 'explain', 'customer'];

  it('is found one or two letters away', () => {
    // custmer → customer: one letter inserted; exprot → export: two letters changed.
    expect(nearestWord('custmer', commands)).toBe('customer');
    expect(nearestWord('exprot', commands)).toBe('export');
    expect(nearestWord('TAGS', commands)).toBe('tags');
  });

  it('is not guessed for a word three letters away or a very short one', () => {
    // frobnicate is at least five letters from every command (longer than each but
    // customer, which shares no letter in place); "ta" → tags is two, but as long as "ta".
    expect(nearestWord('frobnicate', commands)).toBeNull();
    expect(nearestWord('ta', commands)).toBeNull();
  });
});
