import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp } from '../../../core/service';
import type { App } from '../../../core/service';
import { startWebHost } from '../../../hosts/web/server';
import type { WebHost } from '../../../hosts/web/server';

const token = 'test-token-123456';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A raw request, so that the Host header can be whatever a test needs. */
function request(
  port: number,
  options: { path: string; method?: string; headers?: Record<string, string>; body?: Buffer },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: options.path,
        method: options.method ?? 'GET',
        headers: { host: `127.0.0.1:${port}`, ...options.headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('loopback web host', () => {
  let dir: string;
  let app: App;
  let host: WebHost;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roc-web-'));
    fs.mkdirSync(path.join(dir, 'static'));
    fs.writeFileSync(path.join(dir, 'static', 'index.html'), '<!doctype html><p>console</p>');
    fs.writeFileSync(path.join(dir, 'secret.txt'), 'not for the browser');
    app = await openApp({ file: path.join(dir, 'console.db'), host: 'web', version: 'test' });
    host = await startWebHost({
      app,
      port: 0,
      token,
      staticDir: path.join(dir, 'static'),
      uploadLimitBytes: 1024,
    });
  });

  afterAll(async () => {
    await host.close();
    await app.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('prints a launch link on 127.0.0.1 that carries the token', () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${token}`);
  });

  it('refuses a request without the token with 401', async () => {
    const page = await request(host.port, { path: '/' });
    expect(page.status).toBe(401);
    const call = await request(host.port, {
      path: '/api/app.info',
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: Buffer.from('{}'),
    });
    expect(call.status).toBe(401);
  });

  it('refuses a wrong token with 401', async () => {
    const answer = await request(host.port, {
      path: '/',
      headers: { 'x-console-token': 'test-token-654321' },
    });
    expect(answer.status).toBe(401);
  });

  it('refuses a foreign Host header with 403 even with the token (DNS rebinding)', async () => {
    for (const name of ['evil.example:' + host.port, '127.0.0.1:1', 'localhost']) {
      const answer = await request(host.port, {
        path: '/',
        headers: { host: name, 'x-console-token': token },
      });
      expect(answer.status, name).toBe(403);
    }
  });

  it('accepts localhost:<port> as Host', async () => {
    const answer = await request(host.port, {
      path: '/',
      headers: { host: `localhost:${host.port}`, 'x-console-token': token },
    });
    expect(answer.status).toBe(200);
  });

  it('serves the page from the launch link with an HttpOnly SameSite=Strict cookie', async () => {
    const page = await request(host.port, { path: `/?token=${token}` });
    expect(page.status).toBe(200);
    expect(page.body).toContain('console');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    const cookie = String(page.headers['set-cookie']);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');

    const again = await request(host.port, {
      path: '/',
      headers: { cookie: cookie.split(';')[0] ?? '' },
    });
    expect(again.status).toBe(200);
  });

  it('does not accept the token in the query of an API call', async () => {
    const answer = await request(host.port, {
      path: `/api/app.info?token=${token}`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: Buffer.from('{}'),
    });
    expect(answer.status).toBe(401);
  });

  it('never serves a file outside the built renderer', async () => {
    const answer = await request(host.port, {
      path: '/%2e%2e/secret.txt',
      headers: { 'x-console-token': token },
    });
    expect(answer.body).not.toContain('not for the browser');
  });

  it('runs a contract method and answers its ApiResult', async () => {
    const answer = await request(host.port, {
      path: '/api/app.info',
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-console-token': token },
      body: Buffer.from('{}'),
    });
    expect(answer.status).toBe(200);
    const result = JSON.parse(answer.body);
    expect(result.ok).toBe(true);
    expect(result.value.host).toBe('web');
  });

  it('answers an unknown method and a bad input as coded errors', async () => {
    const call = (name: string, body: string) =>
      request(host.port, {
        path: `/api/${name}`,
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-console-token': token },
        body: Buffer.from(body),
      });
    expect(JSON.parse((await call('no.such', '{}')).body).error.code).toBe('api.unknown_method');
    const bad = JSON.parse((await call('settings.setLocale', '{"locale":"fr"}')).body);
    expect(bad.error.code).toBe('api.invalid_input');
    expect((await call('app.info', '{not json')).status).toBe(400);
  });

  it('saves an upload under a clean name and registers it for the core', async () => {
    const content = Buffer.from('InvoiceNo,Quantity\n536365,6\n');
    const answer = await request(host.port, {
      path: `/upload?name=${encodeURIComponent('../../etc/订单 2024.csv')}`,
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', 'x-console-token': token },
      body: content,
    });
    expect(answer.status).toBe(200);
    const result = JSON.parse(answer.body);
    expect(result.ok).toBe(true);
    expect(result.value.name).toBe('订单 2024.csv');

    const file = app.ctx.files.get(result.value.fileId);
    expect(fs.readFileSync(file.path)).toEqual(content);
    expect(file.sizeBytes).toBe(content.length);
  });

  it('refuses an upload over the size limit with 413 and keeps nothing', async () => {
    const before = fs.readdirSync(host.uploadDir).length;
    const answer = await request(host.port, {
      path: '/upload?name=big.csv',
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', 'x-console-token': token },
      body: Buffer.alloc(4096, 65),
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body).error.code).toBe('http.too_large');
    expect(fs.readdirSync(host.uploadDir).length).toBe(before);
  });
});
