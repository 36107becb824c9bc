import fs from 'node:fs';
import path from 'node:path';
import { BrowserWindow, app, dialog, session } from 'electron';
import type { App } from '../../core/service';
import { logger, setLogSink } from '../../core/shared/log';
import { openConsole } from '../../hosts/shared/open-console';
import { registerIpc } from './ipc';
import { nativeBindingPath } from './native';
import { blockNavigation, devServerUrl, hardenSession } from './security';

const log = logger('electron');
const rendererFile = path.join(__dirname, '../renderer/index.html');
let consoleApp: App | undefined;

/** Log lines go to stderr and to console.log in the user's data folder. */
function logToFile(): void {
  const dir = path.join(app.getPath('userData'), 'logs');
  fs.mkdirSync(dir, { recursive: true });
  const out = fs.createWriteStream(path.join(dir, 'console.log'), { flags: 'a' });
  setLogSink((_level, line) => {
    process.stderr.write(line + '\n');
    out.write(line + '\n');
  });
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'Retail Ops Console',
    webPreferences: {
      preload: path.join(__dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
    },
  });
  win.once('ready-to-show', () => win.show());
  if (devServerUrl) void win.loadURL(devServerUrl);
  else void win.loadFile(rendererFile);
  return win;
}

/**
 * Shows the window at once and opens the database beside it: at first start the demo
 * chain is created, which takes a little while; calls from the page wait for it.
 */
async function start(): Promise<void> {
  logToFile();
  hardenSession(session.defaultSession);
  const file = path.join(app.getPath('userData'), 'console.db');
  const opening = openConsole({
    file,
    host: 'electron',
    version: app.getVersion(),
    nativeBinding: nativeBindingPath(),
  });
  registerIpc(opening, rendererFile);
  createWindow();
  consoleApp = await opening;
  log.info(`opened ${file}`);
}

app.enableSandbox();
blockNavigation();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const win = BrowserWindow.getAllWindows()[0];
    if (win?.isMinimized()) win.restore();
    win?.focus();
  });
  app.whenReady().then(start).catch(fail);
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => void consoleApp?.close());
}

/** A start that failed (e.g. a database from a newer version) is shown, not swallowed. */
function fail(error: unknown): void {
  log.error('could not start', error);
  const message = error instanceof Error ? error.message : String(error);
  dialog.showErrorBox('Retail Ops Console', message);
  app.exit(1);
}
