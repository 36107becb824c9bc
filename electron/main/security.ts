import { app } from 'electron';
import type { Session } from 'electron';
import { contentSecurityPolicy } from '../../hosts/shared/csp';

/** The dev server's URL under `electron-vite dev`; absent for built and packaged runs. */
export const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;

/**
 * Locks down every web contents: no navigation away from the console, no new windows,
 * no <webview>. The console is one page; links to the outside are not followed.
 */
export function blockNavigation(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.on('will-redirect', (event) => event.preventDefault());
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

/**
 * Denies every permission (camera, notifications, …) and adds the console's CSP to
 * every response. Under the dev server the CSP is left to the page: React refresh
 * needs an inline script there.
 */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  if (devServerUrl) return;
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [contentSecurityPolicy],
      },
    });
  });
}
