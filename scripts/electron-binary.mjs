// Makes sure the Electron binary is there before "npm start" (it is downloaded on first use).
// Electron's own installer says only "fetch failed" when it cannot download; this says what
// failed and what works offline, keeps the installer's output in a log file, and exits 1.
//
//   --verbose   print the installer's own output as well
//
// Environment: ELECTRON_MIRROR and the other @electron/get settings pass through unchanged.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const verbose = process.argv.slice(2).includes('--verbose');
const installer = path.join(root, 'node_modules', 'electron', 'install.js');
const logFile = path.join(os.tmpdir(), 'retail-ops-console-electron-install.log');
const timeoutMs = 10 * 60_000;

function fail(message) {
  console.error(`\n[electron] ${message}`);
  console.error(
    '[electron] "npm run web" serves the same console in a browser, without Electron ' +
      '(the CLI, "npm run cli -- --help", needs no Electron either).',
  );
  console.error(
    '[electron] With internet access (or ELECTRON_MIRROR set), run "npm start" again.\n',
  );
  process.exit(1);
}

function main() {
  if (!fs.existsSync(installer)) fail('Electron is not installed yet. Run: npm install');

  const run = spawnSync(process.execPath, [installer], {
    cwd: path.dirname(installer),
    encoding: 'utf8',
    timeout: timeoutMs,
    killSignal: 'SIGKILL',
  });
  const output = `${run.stdout ?? ''}${run.stderr ?? ''}`;
  if (verbose && output) process.stderr.write(output);
  if (run.status === 0) return;

  fs.writeFileSync(logFile, output);
  const said =
    output
      .split('\n')
      .find((line) => /error/i.test(line))
      ?.trim() ?? 'no output';
  const why = run.error?.code === 'ETIMEDOUT' ? 'timed out' : `the installer said: ${said}`;
  fail(
    `The Electron binary could not be downloaded (${why}), so the desktop window cannot ` +
      `open. The installer's output is in ${logFile}.`,
  );
}

main();
