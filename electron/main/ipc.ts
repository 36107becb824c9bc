import { BrowserWindow, dialog, ipcMain } from 'electron';
import type { IpcMainInvokeEvent } from 'electron';
import type { ApiResult } from '../../core/api/method';
import type { App } from '../../core/service';
import { dispatch } from '../../core/service/dispatch';
import type { BridgeFile } from '../../renderer/src/api/bridge';
import { channels } from '../shared/channels';
import { devServerUrl } from './security';
import { isTrustedSender } from './trust';

const untrusted: ApiResult<never> = {
  ok: false,
  error: { code: 'ipc.untrusted', message: 'Only the console page may call the core.' },
};

/**
 * Answers the preload bridge: a contract call goes through the same dispatch as
 * every host (method name checked, input validated); a file chosen in the system
 * dialog is registered with the core, and the page gets only its id. Calls made
 * while the database is still opening wait for it.
 */
export function registerIpc(opening: Promise<App>, rendererFile: string): void {
  const trusted = (event: IpcMainInvokeEvent) =>
    event.senderFrame !== null &&
    event.senderFrame === event.sender.mainFrame &&
    isTrustedSender(event.senderFrame.url, rendererFile, devServerUrl);

  ipcMain.handle(channels.call, async (event, name: unknown, input: unknown) => {
    if (!trusted(event)) return untrusted;
    if (typeof name !== 'string') {
      return { ok: false, error: { code: 'api.unknown_method', message: 'No method name.' } };
    }
    return dispatch((await opening).handlers, name, input);
  });

  ipcMain.handle(channels.pickFile, async (event): Promise<BridgeFile | null> => {
    if (!trusted(event)) return null;
    const owner = BrowserWindow.fromWebContents(event.sender);
    const options: Electron.OpenDialogOptions = {
      properties: ['openFile'],
      filters: [
        { name: 'CSV / Excel', extensions: ['csv', 'tsv', 'txt', 'xlsx'] },
        { name: '*', extensions: ['*'] },
      ],
    };
    const picked = owner
      ? await dialog.showOpenDialog(owner, options)
      : await dialog.showOpenDialog(options);
    const chosen = picked.filePaths[0];
    if (picked.canceled || !chosen) return null;
    const file = (await opening).ctx.files.register(chosen);
    return { fileId: file.id, name: file.name };
  });
}
