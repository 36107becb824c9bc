import { spawn } from 'node:child_process';
import path from 'node:path';

/** One line of the benchmark's table and JSON. */
export interface Measure {
  key: string;
  label: string;
  /** null when the piece could not run; `note` says why. */
  value: number | null;
  unit: string;
  target: string;
  pass: boolean | null;
  /** The baseline measured in the same run (the import's floor), and value ÷ baseline. */
  baseline?: number;
  ratio?: number;
  note?: string;
}

export function notAvailable(
  key: string,
  label: string,
  unit: string,
  target: string,
  why: string,
): Measure {
  return { key, label, value: null, unit, target, pass: null, note: `not available: ${why}` };
}

/** The p-th percentile (0–100) by the nearest-rank method. */
export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** Samples the resident set size every few milliseconds while work runs on this thread's loop. */
export class RssSampler {
  peakBytes = 0;
  private timer: NodeJS.Timeout | null = null;

  start(everyMs = 20): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), everyMs);
  }

  stop(): number {
    if (this.timer) clearInterval(this.timer);
    this.sample();
    return this.peakBytes;
  }

  private sample(): void {
    this.peakBytes = Math.max(this.peakBytes, process.memoryUsage.rss());
  }
}

/**
 * Runs one phase of the benchmark as its own Node process (so that its peak memory
 * is its own) and returns the JSON it prints as its last line of output.
 */
export function runPhase<T>(script: string, args: string[]): Promise<T> {
  const file = path.join(__dirname, script);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', file, ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (piece: Buffer) => (out += piece.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      if (code !== 0) return reject(new Error(`${script} exited with ${code}: ${last}`));
      try {
        resolve(JSON.parse(last) as T);
      } catch {
        reject(new Error(`${script} printed no result: ${last}`));
      }
    });
  });
}

export function ms(since: number): number {
  return performance.now() - since;
}
