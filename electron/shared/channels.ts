/** IPC channels between the preload bridge and the main process; nothing else is handled. */
export const channels = {
  call: 'console:call',
  pickFile: 'console:pick-file',
} as const;
