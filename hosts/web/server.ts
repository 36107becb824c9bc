import fs from 'node:fs';
import http from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { dispatch } from '../../core/service/dispatch';
import type { App } from '../../core/service';
import { logger } from '../../core/shared/log';
import {
  hostAllowed,
  sendError,
  sendJson,
  setSecurityHeaders,
  tokenCookieHeader,
  tokenSource,
} from './guard';
import { serveStatic } from './static';
import { BodyTooLarge, readJson, sanitizeFileName, saveUpload } from './upload';

const log = logger('web');

export interface WebHostOptions {
  app: App;
  /** 0 picks any free port. */
  port: number;
  token: string;
  /** The built renderer (out/renderer). */
  staticDir: string;
  uploadLimitBytes?: number;
  jsonLimitBytes?: number;
}

export interface WebHost {
  port: number;
  /** The launch link: opening it in a browser hands the page its token. */
  url: string;
  /** Where uploads are kept until the host closes. */
  uploadDir: string;
  close(): Promise<void>;
}

const GiB = 1024 ** 3;

/**
 * Serves the console on 127.0.0.1 only: the built renderer and the core's contract
 * (`POST /api/<method>`), plus `POST /upload?name=` for import files. Every request
 * must name this host and carry the launch token (header, cookie, or the page link).
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const uploadDir = fs.mkdtempSync(path.join(os.tmpdir(), 'retail-ops-uploads-'));
  const limits = {
    upload: options.uploadLimitBytes ?? 2 * GiB,
    json: options.jsonLimitBytes ?? 8 * 1024 ** 2,
  };
  let port = options.port;

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log.error(`${req.method} ${req.url?.split('?')[0]} failed`, error);
      if (!res.headersSent) sendError(res, 500, 'internal', 'Internal error; see the log.');
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    setSecurityHeaders(res);
    if (!hostAllowed(req.headers.host, port)) {
      return sendError(res, 403, 'http.foreign_host', 'This host answers only to 127.0.0.1.');
    }
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const proof = tokenSource(req, url, options.token);
    if (!proof) {
      return sendError(res, 401, 'http.no_token', 'Open the console with the link it printed.');
    }

    if (url.pathname.startsWith('/api/')) return api(req, res, url.pathname.slice(5));
    if (url.pathname === '/upload') return upload(req, res, url);
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return sendError(res, 405, 'http.method', `${req.method} is not allowed here.`);
    }
    const cookie: Record<string, string> =
      proof === 'query' ? { 'Set-Cookie': tokenCookieHeader(options.token) } : {};
    serveStatic(options.staticDir, url.pathname, res, cookie);
  }

  async function api(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    if (req.method !== 'POST') return sendError(res, 405, 'http.method', 'Use POST.');
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendError(res, 415, 'http.content_type', 'Send the input as application/json.');
    }
    let input: unknown;
    try {
      input = await readJson(req, limits.json);
    } catch (error) {
      if (error instanceof BodyTooLarge) {
        return sendError(res, 413, 'http.too_large', error.message);
      }
      return sendError(res, 400, 'http.bad_json', 'The body is not valid JSON.');
    }
    sendJson(res, 200, await dispatch(options.app.handlers, name, input));
  }

  async function upload(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    if (req.method !== 'POST') return sendError(res, 405, 'http.method', 'Use POST.');
    const name = sanitizeFileName(url.searchParams.get('name'));
    let saved: string;
    try {
      saved = await saveUpload(req, uploadDir, name, limits.upload);
    } catch (error) {
      if (!(error instanceof BodyTooLarge)) throw error;
      res.setHeader('Connection', 'close');
      return sendError(res, 413, 'http.too_large', `${name}: ${error.message}`);
    }
    const file = options.app.ctx.files.register(saved, name);
    log.info(`received ${file.name} (${file.sizeBytes} bytes)`);
    sendJson(res, 200, { ok: true, value: { fileId: file.id, name: file.name } });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    port,
    url: `http://127.0.0.1:${port}/?token=${encodeURIComponent(options.token)}`,
    uploadDir,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      fs.rmSync(uploadDir, { recursive: true, force: true });
    },
  };
}
