/**
 * An expected failure with a stable code. Hosts turn the code into a sentence in the
 * user's language with a next step; `message` is the English fallback and is what
 * logs and the CLI print. `details` carries what and where (file, line, column).
 */
export class CoreError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'CoreError';
  }
}

export function isCoreError(error: unknown): error is CoreError {
  return error instanceof CoreError;
}
