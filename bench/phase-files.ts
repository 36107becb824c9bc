/**
 * Benchmark phase 1, its own process: generates the chain and writes each channel's
 * orders as one CSV export in its preset's layout. Prints a JSON line with the files.
 */
import path from 'node:path';
import type { DemoChannel } from '../core/demo/customers';
import { writeDemoExport } from '../core/demo/export';
import { generateDemo } from '../core/demo/generate';
import type { DemoSize } from '../core/demo/plan';

export interface ExportFile {
  path: string;
  preset: string;
  channel: string;
  lines: number;
}

export interface FilesResult {
  files: ExportFile[];
  customers: number;
  generateMs: number;
}

export const presetOf: Record<string, string> = {
  pos: 'pos-standard',
  miniprogram: 'miniprogram-shop',
  delivery: 'delivery-platform',
};

function main(): void {
  const [dir, asOf, seed, size] = process.argv.slice(2);
  const demoSize = JSON.parse(size!) as DemoSize;
  const started = performance.now();
  const chain = generateDemo({ asOf: new Date(asOf!), seed: Number(seed), size: demoSize });

  // One file per channel, so each pass over the batches keeps only one channel's lines.
  const files: ExportFile[] = Object.entries(presetOf).map(([channel, preset]) => {
    const file = path.join(dir!, `${channel}-two-years.csv`);
    const batches = chain.batches(channel as DemoChannel);
    const lines = writeDemoExport(
      file,
      preset,
      (function* () {
        for (const batch of batches) yield batch.records;
      })(),
    );
    return { path: file, preset, channel, lines };
  });

  const result: FilesResult = {
    files,
    customers: chain.customers.length,
    generateMs: Math.round(performance.now() - started),
  };
  process.stdout.write(JSON.stringify(result) + '\n');
}

main();
