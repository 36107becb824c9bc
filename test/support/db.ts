import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDb } from '../../core/db/open';
import type { Db } from '../../core/db/open';

/** A fresh, fully migrated database in a temporary folder; `cleanup` closes and deletes it. */
export async function tempDb(): Promise<Db & { cleanup(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roc-test-'));
  const db = await openDb({ file: path.join(dir, 'console.db') });
  return {
    ...db,
    cleanup: async () => {
      await db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
