// Placeholder until the Electron-ABI build of better-sqlite3 is written.
console.warn('[electron-native] not implemented yet');
