import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { IncomingMessage } from 'node:http';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export class BodyTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`The body is larger than ${limit} bytes.`);
  }
}

/**
 * A file name as the person knows it, safe to show and to keep: no folders, no
 * control or reserved characters, at most 200 characters, never empty.
 */
export function sanitizeFileName(raw: string | null | undefined): string {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .replace(/[\p{Cc}<>:"|?*]/gu, '_')
    .replace(/^[.\s]+/, '')
    .trim()
    .slice(0, 200);
  return cleaned || 'upload';
}

function limiter(limit: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      done(seen > limit ? new BodyTooLarge(limit) : null, chunk);
    },
  });
}

/**
 * Streams a request body into a new file in `dir` (never held in memory), refusing
 * more than `limit` bytes; a refused or broken upload leaves no file behind.
 */
export async function saveUpload(
  req: IncomingMessage,
  dir: string,
  name: string,
  limit: number,
): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > limit) throw new BodyTooLarge(limit);

  const ext = path
    .extname(name)
    .toLowerCase()
    .replace(/[^.a-z0-9]/g, '');
  const target = path.join(dir, `${randomUUID()}${ext}`);
  try {
    await pipeline(req, limiter(limit), fs.createWriteStream(target, { flags: 'wx' }));
  } catch (error) {
    fs.rmSync(target, { force: true });
    throw error;
  }
  return target;
}

/** Reads a small JSON body, refusing more than `limit` bytes. */
export async function readJson(req: IncomingMessage, limit: number): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new BodyTooLarge(limit);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text.trim() === '' ? {} : JSON.parse(text);
}
