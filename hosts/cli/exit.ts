import type { ApiError } from '../../core/api/method';

/** Exit codes a script can rely on. */
export const exitCodes = {
  /** Done. */
  ok: 0,
  /**
   * The command line was wrong: unknown command or option, a missing or wrong value, a
   * name that is not in the program's own lists (presets, formats, date orders, encodings).
   */
  usage: 1,
  /** The input was rejected: a file that cannot be read, imported or written. */
  rejected: 2,
  /** Any other expected failure: a tag or customer not found, cancelled, a newer database. */
  failed: 3,
  /** A bug: the log on stderr says where. */
  bug: 4,
} as const;

export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes];

/** The exit code for an error the core answered with. */
export function exitCodeFor(error: Pick<ApiError, 'code'>): ExitCode {
  const { code } = error;
  if (code === 'internal') return exitCodes.bug;
  // Every input the CLI sends comes from its command line: one the core refuses is wrong.
  if (code === 'usage' || code === 'api.invalid_input') return exitCodes.usage;
  if (code === 'imports.cancelled') return exitCodes.failed;
  if (code.startsWith('imports.') || code.startsWith('files.')) return exitCodes.rejected;
  return exitCodes.failed;
}

/** An expected failure that ends the command with its message and exit code. */
export class CliFailure extends Error {
  readonly exitCode: ExitCode;

  constructor(
    readonly error: ApiError,
    exitCode?: ExitCode,
  ) {
    super(error.message);
    this.exitCode = exitCode ?? exitCodeFor(error);
  }
}

export function usageError(message: string): CliFailure {
  return new CliFailure({ code: 'usage', message }, exitCodes.usage);
}
