import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CoreError } from '../shared/errors';

export interface RegisteredFile {
  id: string;
  /** The name the user knows the file by (no directories). */
  name: string;
  path: string;
  sizeBytes: number;
}

/**
 * Files a host has handed to the core: an upload saved by the web host, a file the
 * user picked in Electron's open dialog, a path given to the CLI. The renderer only
 * ever holds the id, so it can never make the core read a path of its choosing.
 */
export class FileRegistry {
  private files = new Map<string, RegisteredFile>();

  register(filePath: string, displayName = path.basename(filePath)): RegisteredFile {
    const stat = fs.statSync(filePath, { throwIfNoEntry: false });
    if (!stat || !stat.isFile()) {
      throw new CoreError('files.not_found', `No file at ${filePath}.`, { path: filePath });
    }
    const file = {
      id: randomUUID(),
      name: path.basename(displayName),
      path: filePath,
      sizeBytes: stat.size,
    };
    this.files.set(file.id, file);
    return file;
  }

  get(id: string): RegisteredFile {
    const file = this.files.get(id);
    if (!file) {
      throw new CoreError('files.unknown', 'That file is no longer available; choose it again.', {
        fileId: id,
      });
    }
    return file;
  }
}
