/**
 * The one logger. Every line carries a level and a `[component]` prefix and says
 * what happened to what. Callers must never pass secrets or full phone numbers:
 * use `maskPhone` from ./mask before logging an identity.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface LogSink {
  (level: LogLevel, line: string): void;
}

let threshold: LogLevel = 'info';
// stderr keeps stdout free for CLI results that scripts parse.
let sink: LogSink = (_level, line) => process.stderr.write(line + '\n');

export function setLogLevel(level: LogLevel): void {
  threshold = level;
}

/** The level set here, for a worker thread to log at the same one. */
export function logLevel(): LogLevel {
  return threshold;
}

/** Redirect log lines, e.g. to a file in the user's data folder, or to capture them in tests. */
export function setLogSink(next: LogSink): void {
  sink = next;
}

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string, cause?: unknown): void;
}

export function logger(component: string): Logger {
  const write = (level: LogLevel, message: string) => {
    if (order[level] < order[threshold]) return;
    sink(level, `${new Date().toISOString()} ${level.toUpperCase()} [${component}] ${message}`);
  };
  return {
    debug: (m) => write('debug', m),
    info: (m) => write('info', m),
    warn: (m) => write('warn', m),
    error: (m, cause) => {
      const detail = cause instanceof Error ? `: ${cause.stack ?? cause.message}` : '';
      write('error', m + detail);
    },
  };
}
