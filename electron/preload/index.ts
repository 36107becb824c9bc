import { contextBridge, ipcRenderer } from 'electron';
import type { ConsoleBridge } from '../../renderer/src/api/bridge';
import { channels } from '../shared/channels';

// The page sees exactly this object and nothing of Node or Electron: the main process
// checks the method name and validates the input through the core's dispatch.
const consoleApi: ConsoleBridge = {
  call: (name, input) => ipcRenderer.invoke(channels.call, name, input),
  pickFile: () => ipcRenderer.invoke(channels.pickFile),
  platform: process.platform,
};

contextBridge.exposeInMainWorld('consoleApi', consoleApi);
