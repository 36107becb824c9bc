import fs from 'node:fs';
import path from 'node:path';
import { app } from 'electron';

/**
 * Where the better-sqlite3 addon built for this Electron's ABI lives: `native/` in the
 * project (built by scripts/electron-native.mjs) or the app's resources when packaged.
 * The copy in node_modules stays built for Node, for the tests, the CLI and the web host.
 */
export function nativeBindingPath(): string {
  const folder = `electron-v${process.versions.modules}-${process.platform}-${process.arch}`;
  const base = app.isPackaged
    ? path.join(process.resourcesPath, 'native')
    : path.join(app.getAppPath(), 'native');
  const file = path.join(base, folder, 'better_sqlite3.node');
  if (!fs.existsSync(file)) {
    throw new Error(
      `The database driver for this Electron (${folder}) is missing at ${file}. ` +
        'Run "npm run native:electron" (needs internet once for the Electron headers).',
    );
  }
  return file;
}
