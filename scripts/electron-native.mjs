// Builds better-sqlite3 for Electron's ABI into native/electron-v<abi>-<platform>-<arch>/,
// leaving node_modules/better-sqlite3 built for Node (tests, CLI, web host) untouched.
//
//   --soft    (postinstall) warn and exit 0 when it cannot be built, e.g. offline
//   --strict  (prestart)    fail with a message that says what to do
//   --out <dir>             write the addon there instead (for checking the build)
//   --verbose               print node-gyp's output even when it is kept quiet
//
// Environment: ELECTRON_HEADERS_URL  mirror of https://electronjs.org/headers
//              ELECTRON_NATIVE_NODEDIR  unpacked Electron headers (no download at all)
//              CONSOLE_SKIP_ELECTRON_NATIVE=1, or CI=true with --soft: skip
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const strict = args.includes('--strict');
const outArg = args.includes('--out') ? args[args.indexOf('--out') + 1] : undefined;
const headersUrl = process.env.ELECTRON_HEADERS_URL || 'https://electronjs.org/headers';
const localHeaders = process.env.ELECTRON_NATIVE_NODEDIR;
const downloadTimeoutMs = strict ? 120_000 : 30_000;
const buildTimeoutMs = 15 * 60_000;
const verbose = args.includes('--verbose');
/** node-gyp's output of a quiet step that failed: kept here, not printed raw. */
const gypLog = path.join(os.tmpdir(), 'retail-ops-console-electron-native.log');

function stop(message) {
  if (strict) {
    console.error(`\n[electron-native] ${message}\n`);
    process.exit(1);
  }
  console.warn(`[electron-native] warning: ${message}`);
  console.warn('[electron-native] the CLI, the web host and the tests do not need it.');
  process.exit(0);
}

const nextStep =
  'With internet access, run "npm run native:electron" (or "npm start", which runs it). ' +
  'Offline: unpack the Electron headers and set ELECTRON_NATIVE_NODEDIR to that folder.';

function readJson(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

function electronAbi(electronDir) {
  const file = path.join(electronDir, 'abi_version');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  stop(`cannot tell the ABI of Electron: ${file} is missing. Reinstall: npm ci.`);
}

/** npm exports its config to scripts; node-gyp would take nodedir/target from it. */
function cleanEnv() {
  const keep = /^npm_config_(https?_proxy|proxy|noproxy|cafile|strict_ssl)$/i;
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_(config|package_config_node_gyp)_/i.test(key) && !keep.test(key)) continue;
    env[key] = value;
  }
  return env;
}

/**
 * Runs node-gyp; a quiet step keeps its output to itself, and when it fails writes it to
 * gypLog (named in the message that follows) so that "gyp ERR!" lines do not read as a crash.
 */
function nodeGyp(cwd, gypArgs, timeout, quiet = false) {
  const gyp = path.join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
  const run = spawnSync(process.execPath, [gyp, ...gypArgs], {
    cwd,
    env: cleanEnv(),
    stdio: quiet ? 'pipe' : 'inherit',
    encoding: 'utf8',
    timeout,
    killSignal: 'SIGKILL',
  });
  const output = `${run.stdout ?? ''}${run.stderr ?? ''}`;
  if (quiet && verbose) process.stderr.write(output);
  if (quiet && failed(run)) fs.writeFileSync(gypLog, output);
  return run;
}

function failed(run) {
  if (run.error?.code === 'ETIMEDOUT') return 'timed out';
  if (run.error) return run.error.message;
  return run.status === 0 ? null : `exit code ${run.status ?? run.signal}`;
}

/** A copy of the addon's sources to build in, so node_modules is never touched. */
function copySources(sqliteDir) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'roc-electron-native-'));
  for (const entry of ['binding.gyp', 'package.json', 'src', 'deps']) {
    fs.cpSync(path.join(sqliteDir, entry), path.join(work, entry), { recursive: true });
  }
  return work;
}

function main() {
  if (process.env.CONSOLE_SKIP_ELECTRON_NATIVE === '1' || (!strict && process.env.CI)) {
    console.log('[electron-native] skipped (CI or CONSOLE_SKIP_ELECTRON_NATIVE=1)');
    return;
  }
  const electronDir = path.join(root, 'node_modules', 'electron');
  const sqliteDir = path.join(root, 'node_modules', 'better-sqlite3');
  if (!fs.existsSync(electronDir) || !fs.existsSync(sqliteDir)) {
    stop('electron or better-sqlite3 is not installed yet. Run: npm install');
  }

  const electronVersion = readJson(path.join(electronDir, 'package.json')).version;
  const sqliteVersion = readJson(path.join(sqliteDir, 'package.json')).version;
  const abi = electronAbi(electronDir);
  const folder = `electron-v${abi}-${process.platform}-${process.arch}`;
  const outDir = path.resolve(outArg ?? path.join(root, 'native', folder));
  const target = path.join(outDir, 'better_sqlite3.node');
  const stampFile = path.join(outDir, 'build-info.json');
  const stamp = { electron: electronVersion, abi, betterSqlite3: sqliteVersion };

  if (fs.existsSync(target) && fs.existsSync(stampFile)) {
    const seen = readJson(stampFile);
    if (seen.electron === stamp.electron && seen.betterSqlite3 === stamp.betterSqlite3) {
      console.log(`[electron-native] up to date: ${path.relative(root, target)}`);
      return;
    }
  }

  const devdir = path.join(os.homedir(), '.cache', 'retail-ops-console', 'electron-gyp');
  const common = [`--target=${electronVersion}`, `--arch=${process.arch}`, `--devdir=${devdir}`];
  const headers = localHeaders ? [`--nodedir=${localHeaders}`] : [`--dist-url=${headersUrl}`];

  if (!localHeaders) {
    console.log(`[electron-native] Electron ${electronVersion} headers from ${headersUrl}`);
    const fetched = nodeGyp(root, ['install', ...common, ...headers], downloadTimeoutMs, true);
    const why = failed(fetched);
    if (why) {
      stop(
        `could not get the Electron ${electronVersion} headers (${why}; node-gyp's output ` +
          `is in ${gypLog}). ${nextStep}`,
      );
    }
  }

  console.log(`[electron-native] building better-sqlite3 ${sqliteVersion} for ${folder}…`);
  const work = copySources(sqliteDir);
  try {
    const built = nodeGyp(work, ['rebuild', '--release', ...common, ...headers], buildTimeoutMs);
    const why = failed(built);
    if (why) stop(`building better-sqlite3 for Electron failed (${why}). ${nextStep}`);
    fs.mkdirSync(outDir, { recursive: true });
    fs.copyFileSync(path.join(work, 'build', 'Release', 'better_sqlite3.node'), target);
    fs.writeFileSync(stampFile, JSON.stringify(stamp, null, 2) + '\n');
    console.log(`[electron-native] wrote ${target}`);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main();
