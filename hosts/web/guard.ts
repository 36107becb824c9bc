import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { contentSecurityPolicy } from '../shared/csp';

export const tokenCookie = 'console_token';
export const tokenHeader = 'x-console-token';

/**
 * A request must name this host exactly (`127.0.0.1:<port>` or `localhost:<port>`):
 * a page on another site that rebinds its DNS name to 127.0.0.1 still sends its own
 * name in Host, and is refused.
 */
export function hostAllowed(hostHeader: string | undefined, port: number): boolean {
  if (!hostHeader) return false;
  const host = hostHeader.toLowerCase();
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

function sameToken(given: string | undefined | null, token: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function readCookie(req: IncomingMessage, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** How the request proved it came from the page this host launched, if it did. */
export function tokenSource(
  req: IncomingMessage,
  url: URL,
  token: string,
): 'header' | 'cookie' | 'query' | null {
  const header = req.headers[tokenHeader];
  if (sameToken(typeof header === 'string' ? header : undefined, token)) return 'header';
  if (sameToken(readCookie(req, tokenCookie), token)) return 'cookie';
  // Only the page itself may carry the token in its URL (the launch link).
  if (req.method === 'GET' && sameToken(url.searchParams.get('token'), token)) return 'query';
  return null;
}

/** Headers on every answer: no framing, no sniffing, no referrer, the console's CSP. */
export function setSecurityHeaders(res: ServerResponse): void {
  res.setHeader('Content-Security-Policy', contentSecurityPolicy);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('X-Frame-Options', 'DENY');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  res.setHeader('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
}

export function tokenCookieHeader(token: string): string {
  return `${tokenCookie}=${token}; Path=/; HttpOnly; SameSite=Strict`;
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

/** A refusal in the same shape as a core error, so the client can show it. */
export function sendError(res: ServerResponse, status: number, code: string, message: string) {
  sendJson(res, status, { ok: false, error: { code, message } });
}
