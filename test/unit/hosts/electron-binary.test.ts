import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../support/paths';

const script = path.join(repoRoot, 'scripts', 'electron-binary.mjs');
const installed = fs.existsSync(path.join(repoRoot, 'node_modules', 'electron', 'path.txt'));

describe('npm start without the Electron binary, offline', () => {
  // With the binary already installed there is nothing to download, hence nothing to test.
  it.skipIf(installed)('says the binary could not be downloaded and points to npm run web', () => {
    const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'roc-electron-cache-'));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      // A closed local port stands for "no internet"; an empty cache holds no binary.
      ELECTRON_MIRROR: 'http://127.0.0.1:47999/',
      electron_config_cache: cache,
    };
    const run = spawnSync(process.execPath, [script], { env, encoding: 'utf8', timeout: 60_000 });
    fs.rmSync(cache, { recursive: true, force: true });
    const output = run.stdout + run.stderr;

    expect(run.status).toBe(1);
    expect(output).toContain('The Electron binary could not be downloaded');
    expect(output).toContain('npm run web');
    expect(output).toContain('retail-ops-console-electron-install.log');
    expect(output).not.toMatch(/^TypeError/m);
  });
});
