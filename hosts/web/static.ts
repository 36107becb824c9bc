import fs from 'node:fs';
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import { sendError } from './guard';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json; charset=utf-8',
};

/**
 * Serves a file of the built renderer. The path is resolved inside `root` and
 * anything that would leave it is refused; unknown paths without an extension get
 * the page itself (client-side routes).
 */
export function serveStatic(
  root: string,
  pathname: string,
  res: ServerResponse,
  extraHeaders: Record<string, string> = {},
): void {
  let relative: string;
  try {
    relative = decodeURIComponent(pathname);
  } catch {
    return sendError(res, 400, 'http.bad_path', 'Malformed path.');
  }
  if (relative.includes('\0')) return sendError(res, 400, 'http.bad_path', 'Malformed path.');

  const base = path.resolve(root);
  let file = path.resolve(base, '.' + path.posix.normalize('/' + relative));
  if (file !== base && !file.startsWith(base + path.sep)) {
    return sendError(res, 403, 'http.forbidden', 'Outside the console.');
  }
  if (file === base || (!path.extname(file) && !fs.existsSync(file))) {
    file = path.join(base, 'index.html');
  }

  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (!stat && pathname === '/favicon.ico') {
    res.writeHead(204).end();
    return;
  }
  if (!stat || !stat.isFile()) {
    const hint = file.endsWith('index.html') ? ' Build the renderer first: npm run build.' : '';
    return sendError(res, 404, 'http.not_found', `Not found: ${pathname}.${hint}`);
  }
  const isPage = file.endsWith('.html');
  res.writeHead(200, {
    'Content-Type': types[path.extname(file)] ?? 'application/octet-stream',
    'Content-Length': stat.size,
    'Cache-Control': isPage ? 'no-store' : 'private, max-age=3600',
    ...extraHeaders,
  });
  fs.createReadStream(file).pipe(res);
}
