import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../../electron/main/trust';

const rendererFile = path.resolve('/opt/console/out/renderer/index.html');
const pageUrl = pathToFileURL(rendererFile).href;

describe('which pages may call the core from Electron', () => {
  it('trusts the built console page, with or without a hash route', () => {
    expect(isTrustedSender(pageUrl, rendererFile)).toBe(true);
    expect(isTrustedSender(`${pageUrl}#/customers/12`, rendererFile)).toBe(true);
  });

  it('refuses another local file, a web page and a missing URL', () => {
    const other = pathToFileURL(path.resolve('/tmp/evil.html')).href;
    expect(isTrustedSender(other, rendererFile)).toBe(false);
    expect(isTrustedSender('https://example.com/', rendererFile)).toBe(false);
    expect(isTrustedSender(undefined, rendererFile)).toBe(false);
    expect(isTrustedSender('not a url', rendererFile)).toBe(false);
  });

  it('under the dev server trusts only that origin', () => {
    const dev = 'http://localhost:5173';
    expect(isTrustedSender('http://localhost:5173/', rendererFile, dev)).toBe(true);
    expect(isTrustedSender('http://localhost:5173.evil.com/', rendererFile, dev)).toBe(false);
    expect(isTrustedSender(pageUrl, rendererFile, dev)).toBe(false);
  });
});
