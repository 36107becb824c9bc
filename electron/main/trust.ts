import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Whether a page may call the core: only the console's own page, i.e. the built
 * renderer file, or the dev server under `electron-vite dev`.
 */
export function isTrustedSender(
  url: string | undefined,
  rendererFile: string,
  devServerUrl?: string,
): boolean {
  if (!url) return false;
  if (devServerUrl)
    return url === devServerUrl || url.startsWith(devServerUrl.replace(/\/?$/, '/'));
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'file:' && fileURLToPath(parsed) === path.resolve(rendererFile);
  } catch {
    return false;
  }
}
