import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDb } from '../../../core/db/open';
import { main } from '../../../hosts/cli/program';
import { dataFile } from '../../support/paths';

/** The CLI in this process, with what it prints captured. */
async function cli(...args: string[]) {
  const err: string[] = [];
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  const code = await main(args);
  vi.restoreAllMocks();
  return { code, stderr: err.join('\n') };
}

describe('a saved mapping this version can no longer use, named on the command line', () => {
  let dir: string;
  let db: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roc-cli-mapping-'));
    db = path.join(dir, 'console.db');
    // As an earlier version could have stored it: a currency written as a word.
    const opened = await openDb({ file: db });
    const mapping = {
      rowKind: 'orderLine',
      channel: 'online',
      currency: 'yuan',
      fields: { orderId: 'InvoiceNo', orderedAt: 'InvoiceDate', unitPrice: 'UnitPrice' },
    };
    opened.raw
      .prepare('INSERT INTO column_mappings (name, mapping_json, updated_at) VALUES (?, ?, ?)')
      .run('old-shop', JSON.stringify(mapping), 0);
    await opened.close();
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('is said to be unusable, with why, not "no saved mapping"', async () => {
    // A mapping "old-shop" is stored but no longer validates (currency "yuan"): the CLI
    // says it is saved but cannot be used, and why, as the import wizard shows it.
    const run = await cli(
      'import',
      dataFile('online-retail-dirty.csv'),
      '--mapping',
      'old-shop',
      '--db',
      db,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).not.toContain('No saved mapping "old-shop"');
    expect(run.stderr).toContain('The saved mapping "old-shop" can no longer be used: currency:');
    expect(run.stderr).toContain('"yuan" is not an ISO 4217 code');
  });
});
