/**
 * `npm run bench [-- --scale 0.05] [--seed N] [--keep]`: the console's benchmark on a
 * generated chain (at scale 1: 100k customers, 1M order lines over two years, three
 * channels). Prints a table and writes bench/results/<timestamp>.json. Not part of
 * `npm test`: it takes minutes and wants a quiet machine.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BENCH_SIZE, scaleSize } from '../core/demo/plan';
import { openApp } from '../core/service';
import { setLogLevel } from '../core/shared/log';
import type { Measure } from './measure';
import { runPhase } from './measure';
import type { FilesResult } from './phase-files';
import type { ImportResult } from './phase-import';
import {
  guarded,
  measureDemoCreate,
  measureGridPage,
  measureNewOrder,
  measureRecompute,
  saveBenchTags,
} from './queries';

const AS_OF = new Date('2026-11-30T12:00:00Z');
const SAMPLES = 200;
const MB = 1024 * 1024;

interface Args {
  scale: number;
  seed: number;
  keep: boolean;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { scale: 1, seed: 20260101, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--keep') args.keep = true;
    else if (a === '--scale') args.scale = Number(argv[++i]);
    else if (a === '--seed') args.seed = Number(argv[++i]);
    else throw new Error(`unknown argument ${a}; use --scale <x>, --seed <n>, --keep`);
  }
  if (!(args.scale > 0 && args.scale <= 2)) throw new Error('--scale must be in (0, 2]');
  return args;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const size = scaleSize(BENCH_SIZE, args.scale);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roc-bench-'));
  const dbFile = path.join(dir, 'bench.db');
  const startedAt = new Date();
  console.log(
    `bench: ${size.customers} customers, ~${size.orderLines} order lines over ${size.days} days ` +
      `(scale ${args.scale}, seed ${args.seed}) in ${dir}`,
  );

  try {
    const files = await runPhase<FilesResult>('phase-files.ts', [
      dir,
      AS_OF.toISOString(),
      String(args.seed),
      JSON.stringify(size),
    ]);
    console.log(`  generated and wrote ${files.files.length} exports in ${files.generateMs} ms`);
    const imported = await runPhase<ImportResult>('phase-import.ts', [
      dbFile,
      JSON.stringify(files.files),
      AS_OF.toISOString(),
    ]);
    console.log(`  imported ${imported.lines} lines in ${imported.importMs} ms`);

    const measures = [...importMeasures(imported), ...(await queryMeasures(dbFile))];
    const demoFile = path.join(dir, 'demo.db');
    measures.push(await measureDemoCreate(demoFile, AS_OF, args.scale));
    printTable(measures);
    const file = writeResults({ startedAt, args, size, files, imported, measures });
    console.log(`\nresults: ${path.relative(process.cwd(), file)}`);
  } finally {
    if (args.keep) console.log(`kept ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}

function importMeasures(r: ImportResult): Measure[] {
  const rate = r.lines / (r.importMs / 1000);
  const floor = r.floorLines / (r.floorMs / 1000);
  const ratio = rate / floor;
  return [
    {
      key: 'importRate',
      label: 'import throughput (read + commit)',
      value: Math.round(rate),
      unit: 'lines/s',
      target: '≥ 150000 lines/s',
      pass: rate >= 150_000,
      note:
        `${r.lines} lines in ${r.importMs} ms (CPU ${r.importCpuMs} ms: ` +
        `${Math.round(r.lines / (r.importCpuMs / 1000))} lines per CPU second); ${r.rejected} rejected`,
    },
    {
      key: 'importVsFloor',
      label: 'import ÷ floor (one statement, one transaction)',
      value: Math.round(ratio * 1000) / 10,
      unit: '%',
      target: '≥ 40 %',
      pass: ratio >= 0.4,
      baseline: Math.round(floor),
      ratio: Math.round(ratio * 1000) / 1000,
      note:
        `floor ${Math.round(floor)} lines/s (${r.floorLines} lines in ${r.floorMs} ms, ` +
        `CPU ${r.floorCpuMs} ms); by CPU time the ratio is ` +
        `${Math.round((r.floorCpuMs / r.importCpuMs) * 1000) / 10} %`,
    },
    {
      key: 'importPeakRss',
      label: 'peak memory during the import (RSS sampled)',
      value: Math.round(r.peakRssBytes / MB),
      unit: 'MB',
      target: '≤ 500 MB',
      pass: r.peakRssBytes <= 500 * MB,
      note: `maxRSS of the import process: ${Math.round(r.maxRssBytes / MB)} MB`,
    },
  ];
}

async function queryMeasures(dbFile: string): Promise<Measure[]> {
  setLogLevel('warn');
  const app = await openApp({ file: dbFile, host: 'cli', version: 'bench' });
  try {
    const tagsMissing = await saveBenchTags(app);
    const recompute = await guarded('recompute', 'full recompute', 'ms', '≤ 3000 ms', async () => [
      await measureRecompute(app, AS_OF, tagsMissing),
    ]);
    const newOrder = await guarded(
      'newOrder',
      'new order → metrics and tags',
      'ms',
      '≤ 20 ms',
      () => measureNewOrder(app, AS_OF, SAMPLES),
    );
    const grid = await measureGridPage(app, SAMPLES);
    return [...recompute, ...newOrder, grid];
  } finally {
    await app.close();
  }
}

function printTable(measures: Measure[]): void {
  const rows = measures.map((m) => [
    m.label,
    m.value === null ? '—' : `${m.value} ${m.unit}`,
    m.target,
    m.pass === null ? (m.value === null ? 'n/a' : '') : m.pass ? 'pass' : 'FAIL',
    m.ratio === undefined ? '' : `${m.ratio} × floor`,
  ]);
  const head = ['measure', 'value', 'target', 'pass/fail', 'ratio to baseline'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log('\n' + line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
  for (const m of measures) if (m.note) console.log(`  ${m.key}: ${m.note}`);
}

function writeResults(result: Record<string, unknown> & { startedAt: Date }): string {
  const dir = path.join(__dirname, 'results');
  fs.mkdirSync(dir, { recursive: true });
  const stamp = result.startedAt.toISOString().replace(/[:.]/g, '-');
  const file = path.join(dir, `${stamp}.json`);
  const machine = { node: process.version, cpus: os.cpus().length, platform: process.platform };
  fs.writeFileSync(file, JSON.stringify({ ...result, machine }, null, 2) + '\n');
  return file;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
