import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../support/paths';

const script = path.join(repoRoot, 'scripts', 'electron-native.mjs');
const nodeAddon = path.join(
  repoRoot,
  'node_modules/better-sqlite3/build/Release/better_sqlite3.node',
);

/** Runs the script with the headers "server" on a closed local port: offline, quickly. */
function run(mode: '--soft' | '--strict') {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'roc-native-'));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ELECTRON_HEADERS_URL: 'http://127.0.0.1:47999',
    // What this machine's npm config exports; the script must not build for Node.
    npm_config_nodedir: '/usr',
    // An empty home: no cached Electron headers that would let a build start.
    HOME: out,
    USERPROFILE: out,
  };
  delete env.CI;
  delete env.CONSOLE_SKIP_ELECTRON_NATIVE;
  delete env.ELECTRON_NATIVE_NODEDIR;
  const result = spawnSync(process.execPath, [script, mode, '--out', out], {
    env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  const wrote = fs.readdirSync(out).filter((f) => f !== '.cache');
  fs.rmSync(out, { recursive: true, force: true });
  return { code: result.status, output: result.stdout + result.stderr, wrote };
}

describe('the Electron-ABI build of better-sqlite3 when offline', () => {
  it('warns and succeeds in --soft mode (postinstall), leaving the Node build alone', () => {
    const before = fs.statSync(nodeAddon).mtimeMs;
    const soft = run('--soft');
    expect(soft.code).toBe(0);
    expect(soft.output).toContain('warning: could not get the Electron');
    // node-gyp's own failure lines go to a log file the warning names, not to the terminal.
    expect(soft.output).not.toContain('gyp ERR!');
    expect(soft.output).toContain('retail-ops-console-electron-native.log');
    expect(soft.wrote).toEqual([]);
    expect(fs.statSync(nodeAddon).mtimeMs).toBe(before);
  });

  it('fails in --strict mode (prestart) and says what to do', () => {
    const strict = run('--strict');
    expect(strict.code).toBe(1);
    expect(strict.output).toContain('npm run native:electron');
    expect(strict.wrote).toEqual([]);
  });
});
