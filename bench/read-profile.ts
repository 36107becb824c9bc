/**
 * `npx tsx bench/read-profile.ts <file.csv> [preset] [--hash] [--repeat N]`: the reading
 * side of an import alone. Times `readRecords` over one export in CPU time (the machine is
 * shared, so wall time says little), samples RSS and heap at every chunk, and with
 * `--hash` prints a fingerprint of every outcome instead, so a change to the reader can be
 * checked to give exactly the same records and errors. With `--repeat N` the file is read
 * N times in one process: the first read pays for compiling the reader (as a real import
 * does), the later ones show the steady cost; the least of them is printed too, since a
 * busy machine only ever makes a figure worse. Generate a file first, e.g. with
 * `bench/phase-files.ts` or `bench/commit-profile.ts`, or any preset-layout export.
 */
import { createHash } from 'node:crypto';
import { readRecords } from '../core/crm/import';
import { setLogLevel } from '../core/shared/log';

interface ReadFigures {
  outcomes: number;
  rejected: number;
  cpuMs: number;
  wallMs: number;
  firstChunkCpuMs: number;
  peakRss: number;
  peakHeap: number;
  fingerprint: string;
}

async function readOnce(file: string, preset: string, hashing: boolean): Promise<ReadFigures> {
  const options = { source: { kind: 'preset' as const, id: preset } };
  const hash = createHash('sha256');
  const figures = { outcomes: 0, rejected: 0, firstChunkCpuMs: 0, peakRss: 0, peakHeap: 0 };
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  for await (const chunk of readRecords(file, options)) {
    // The first chunk carries the passes made before reading (encoding, samples, date order).
    if (figures.outcomes === 0) figures.firstChunkCpuMs = cpuMsSince(cpuStart);
    figures.outcomes += chunk.length;
    for (const outcome of chunk) if (!outcome.ok) figures.rejected++;
    if (hashing) for (const outcome of chunk) hash.update(JSON.stringify(outcome));
    const memory = process.memoryUsage();
    figures.peakRss = Math.max(figures.peakRss, memory.rss);
    figures.peakHeap = Math.max(figures.peakHeap, memory.heapUsed);
  }
  const cpuMs = cpuMsSince(cpuStart);
  const wallMs = performance.now() - started;
  const fingerprint = hashing ? hash.digest('hex').slice(0, 16) : '';
  return { ...figures, cpuMs, wallMs, fingerprint };
}

function cpuMsSince(start: NodeJS.CpuUsage): number {
  const cpu = process.cpuUsage(start);
  return (cpu.user + cpu.system) / 1000;
}

async function main(): Promise<void> {
  setLogLevel('warn');
  const args = process.argv.slice(2);
  const hashing = args.includes('--hash');
  const repeatAt = args.indexOf('--repeat');
  const repeat = repeatAt === -1 ? 1 : Math.max(1, Number(args[repeatAt + 1]));
  const repeatValueAt = repeatAt === -1 ? -1 : repeatAt + 1;
  const positional = args.filter((a, i) => !a.startsWith('--') && i !== repeatValueAt);
  const [file, preset = 'pos-standard'] = positional;
  if (!file) throw new Error('usage: read-profile.ts <file.csv> [preset] [--hash] [--repeat N]');

  const perLine: number[] = [];
  for (let run = 1; run <= repeat; run++) {
    const f = await readOnce(file, preset, hashing);
    const micros = (f.cpuMs * 1000) / f.outcomes;
    perLine.push(micros);
    const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
    console.log(`run ${run}: outcomes ${f.outcomes} (rejected ${f.rejected})`);
    console.log(
      `  CPU ${Math.round(f.cpuMs)} ms = ${micros.toFixed(2)} µs/line ` +
        `(${Math.round(f.outcomes / (f.cpuMs / 1000))} lines/CPU s), ` +
        `first chunk ${Math.round(f.firstChunkCpuMs)} ms, wall ${Math.round(f.wallMs)} ms`,
    );
    console.log(`  peak RSS ${mb(f.peakRss)} MB, peak heap used ${mb(f.peakHeap)} MB`);
    if (hashing) console.log(`  fingerprint ${f.fingerprint}`);
  }
  if (repeat > 1) console.log(`least CPU ${Math.min(...perLine).toFixed(2)} µs/line`);
}

void main();
