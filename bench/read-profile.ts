/**
 * `npx tsx bench/read-profile.ts <file.csv> [preset] [--hash]`: the reading side of an
 * import alone. Times `readRecords` over one export in CPU time (the machine is shared,
 * so wall time says little), samples RSS and heap at every chunk, and with `--hash`
 * prints a fingerprint of every outcome instead, so a change to the reader can be
 * checked to give exactly the same records and errors. Generate a file first, e.g. with
 * `bench/commit-profile.ts`, or any preset-layout export.
 */
import { createHash } from 'node:crypto';
import { readRecords } from '../core/crm/import';
import { setLogLevel } from '../core/shared/log';

async function main(): Promise<void> {
  setLogLevel('warn');
  const args = process.argv.slice(2);
  const hashing = args.includes('--hash');
  const [file, preset = 'pos-standard'] = args.filter((a) => !a.startsWith('--'));
  if (!file) throw new Error('usage: read-profile.ts <file.csv> [preset] [--hash]');
  const options = { source: { kind: 'preset' as const, id: preset } };

  const hash = createHash('sha256');
  let outcomes = 0;
  let rejected = 0;
  let peakRss = 0;
  let peakHeap = 0;
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  for await (const chunk of readRecords(file, options)) {
    outcomes += chunk.length;
    for (const outcome of chunk) if (!outcome.ok) rejected++;
    if (hashing) for (const outcome of chunk) hash.update(JSON.stringify(outcome));
    const memory = process.memoryUsage();
    peakRss = Math.max(peakRss, memory.rss);
    peakHeap = Math.max(peakHeap, memory.heapUsed);
  }
  const cpu = process.cpuUsage(cpuStart);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const wall = performance.now() - started;

  const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
  console.log(`outcomes ${outcomes} (rejected ${rejected})`);
  console.log(
    `CPU ${Math.round(cpuMs)} ms = ${((cpuMs * 1000) / outcomes).toFixed(2)} µs/line ` +
      `(${Math.round(outcomes / (cpuMs / 1000))} lines/CPU s), wall ${Math.round(wall)} ms`,
  );
  console.log(`peak RSS ${mb(peakRss)} MB, peak heap used ${mb(peakHeap)} MB`);
  if (hashing) console.log(`fingerprint ${hash.digest('hex').slice(0, 16)}`);
}

void main();
