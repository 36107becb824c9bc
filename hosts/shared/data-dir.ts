import os from 'node:os';
import path from 'node:path';

/** Folder name of the console's data outside Electron (web host, CLI). */
const appFolder = 'retail-ops-console';

/**
 * The user's data folder for hosts that have no Electron `app.getPath('userData')`:
 * XDG data home on Linux, Application Support on macOS, %APPDATA% on Windows.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const home = os.homedir();
  if (process.platform === 'win32') {
    return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), appFolder);
  }
  if (process.platform === 'darwin') {
    return path.join(home, 'Library', 'Application Support', appFolder);
  }
  return path.join(env.XDG_DATA_HOME || path.join(home, '.local', 'share'), appFolder);
}

/** The database every host opens unless told otherwise. */
export function defaultDbFile(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(defaultDataDir(env), 'console.db');
}
