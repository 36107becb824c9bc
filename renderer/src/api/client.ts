import type { ApiClient, InputOf, MethodName, OutputOf } from '../../../core/api/contract';
import type { ApiResult } from '../../../core/api/method';

/** An expected failure from the core (or the transport), with its stable code. */
export class ApiCallError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiCallError';
  }
}

/** A file the host has registered for the core; the renderer only ever holds its id. */
export interface PickedFile {
  fileId: string;
  name: string;
}

/**
 * The preload bridge as the renderer uses it. Helper D's bridge.d.ts declares the real
 * type of `window.consoleApi`; reading it through this shape keeps the client
 * independent of that file's exact form.
 */
interface Bridge {
  call(name: string, input: unknown): Promise<ApiResult<unknown>>;
  pickFile?(): Promise<PickedFile | null>;
}

const TOKEN_KEY = 'console.token';

export function bridge(): Bridge | undefined {
  return (window as unknown as { consoleApi?: Bridge }).consoleApi;
}

/** The web host's per-launch token: from `?token=` on first load, then from the session. */
export function webToken(): string {
  const fromUrl = new URLSearchParams(window.location.search).get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function unwrap<T>(result: ApiResult<unknown>): T {
  if (result.ok) return result.value as T;
  const { code, message, details } = result.error;
  throw new ApiCallError(code, message, details);
}

async function callWeb(name: string, input: unknown): Promise<ApiResult<unknown>> {
  let response: Response;
  try {
    response = await fetch(`/api/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-console-token': webToken() },
      body: JSON.stringify(input ?? {}),
    });
  } catch (error) {
    throw new ApiCallError('transport.offline', `The console host did not answer: ${error}`);
  }
  const body = (await response.json().catch(() => null)) as ApiResult<unknown> | null;
  if (body && typeof body === 'object' && 'ok' in body) return body;
  throw new ApiCallError(
    response.status === 401 || response.status === 403 ? 'transport.forbidden' : 'transport.http',
    `The console host answered ${response.status} ${response.statusText}.`,
    { status: response.status },
  );
}

/** The one client every screen uses: Electron's bridge when present, else the web host. */
export const api: ApiClient = {
  async call<M extends MethodName>(name: M, input: InputOf<M>): Promise<OutputOf<M>> {
    const b = bridge();
    const result = b ? await b.call(name, input) : await callWeb(name, input);
    return unwrap<OutputOf<M>>(result);
  },
};

/** Uploads a file the person chose in the browser to the web host: `/upload?name=…`. */
export async function uploadFile(file: File): Promise<PickedFile> {
  let response: Response;
  try {
    response = await fetch(`/upload?name=${encodeURIComponent(file.name)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', 'x-console-token': webToken() },
      body: file,
    });
  } catch (error) {
    throw new ApiCallError('transport.offline', `The console host did not answer: ${error}`);
  }
  const body = (await response.json().catch(() => null)) as unknown;
  if (body && typeof body === 'object' && 'ok' in body) {
    return unwrap<PickedFile>(body as ApiResult<unknown>);
  }
  if (response.ok && body && typeof body === 'object' && 'fileId' in body) {
    return body as PickedFile;
  }
  throw new ApiCallError('transport.upload', `Upload failed: ${response.status}.`, {
    status: response.status,
  });
}
