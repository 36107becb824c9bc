import type { InputOf, MethodName, OutputOf } from '../../../core/api/contract';
import type { ApiResult } from '../../../core/api/method';

/** A file the host registered for the core; the renderer holds only its id. */
export interface BridgeFile {
  fileId: string;
  name: string;
}

/**
 * What Electron's preload exposes as `window.consoleApi` (absent in the web host).
 * The main process validates the method name and input through the core's dispatch.
 */
export interface ConsoleBridge {
  call<M extends MethodName>(name: M, input: InputOf<M>): Promise<ApiResult<OutputOf<M>>>;
  /** Opens the system file dialog; null when the person cancelled. */
  pickFile(): Promise<BridgeFile | null>;
  platform: string;
}

declare global {
  interface Window {
    consoleApi?: ConsoleBridge;
  }
}
