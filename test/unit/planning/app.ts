import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { InputOf, MethodName, OutputOf } from '../../../core/api/contract';
import { openApp } from '../../../core/service';
import type { App } from '../../../core/service';
import { dispatch } from '../../../core/service/dispatch';

/** The console's service over a fresh database file, with the clock at `now`. */
export async function testApp(now: string): Promise<App & { cleanup(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roc-plan-'));
  const app = await openApp({ file: path.join(dir, 'console.db'), host: 'cli', version: 'test' });
  app.ctx.now = () => new Date(now);
  return {
    ...app,
    cleanup: async () => {
      await app.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Calls a method the way a host does; throws the ApiError when it fails. */
export async function callOn<M extends MethodName>(
  app: App,
  name: M,
  input: InputOf<M>,
): Promise<OutputOf<M>> {
  const result = await dispatch(app.handlers, name, input);
  if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
  return result.value as OutputOf<M>;
}
