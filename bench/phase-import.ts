/**
 * Benchmark phase 2, its own process (so its peak memory is the import's): imports
 * the exports through the real importer, then measures the floor: the same parsed
 * rows inserted with one prepared statement in one transaction. Prints a JSON line.
 */
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { readRecords } from '../core/crm/import';
import { importFile } from '../core/crm/import/batch-run';
import type { ImportRecord } from '../core/crm/import/types';
import { openDb } from '../core/db/open';
import { setLogLevel } from '../core/shared/log';
import { RssSampler } from './measure';
import type { ExportFile } from './phase-files';

export interface ImportResult {
  lines: number;
  importMs: number;
  /** CPU time (user + system) of the import: on a shared machine, less noisy than wall time. */
  importCpuMs: number;
  peakRssBytes: number;
  maxRssBytes: number;
  rejected: number;
  floorMs: number;
  floorCpuMs: number;
  floorLines: number;
}

async function main(): Promise<void> {
  setLogLevel('warn');
  const [dbFile, filesJson, asOf] = process.argv.slice(2);
  const files = JSON.parse(filesJson!) as ExportFile[];
  const db = await openDb({ file: dbFile! });

  const sampler = new RssSampler();
  sampler.start();
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  let lines = 0;
  let rejected = 0;
  for (const f of files) {
    const options = { source: { kind: 'preset' as const, id: f.preset } };
    const summary = await importFile(db, f.path, path.basename(f.path), options, false, {
      at: new Date(asOf!),
    });
    lines += summary.rowsTotal;
    rejected += summary.rowsRejected;
  }
  const importMs = performance.now() - started;
  const importCpuMs = cpuMs(process.cpuUsage(cpuStart));
  const peakRssBytes = sampler.stop();
  // maxRSS is in kilobytes: the process's peak so far, i.e. start-up plus the import.
  const maxRssBytes = process.resourceUsage().maxRSS * 1024;
  await db.close();

  const floor = await measureFloor(files, path.join(path.dirname(dbFile!), 'floor.db'));
  const result: ImportResult = {
    lines,
    importMs: Math.round(importMs),
    importCpuMs: Math.round(importCpuMs),
    peakRssBytes,
    maxRssBytes,
    rejected,
    floorMs: Math.round(floor.ms),
    floorCpuMs: Math.round(floor.cpuMs),
    floorLines: floor.lines,
  };
  process.stdout.write(JSON.stringify(result) + '\n');
}

/**
 * The floor: what writing the rows costs at the least. The files are parsed again
 * (not timed); only the inserts are timed, one prepared statement, one transaction.
 */
async function measureFloor(
  files: ExportFile[],
  file: string,
): Promise<{ ms: number; cpuMs: number; lines: number }> {
  fs.rmSync(file, { force: true });
  const raw = new SQLite(file);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  raw.exec(`CREATE TABLE floor_lines (id INTEGER PRIMARY KEY, channel TEXT, order_id TEXT,
    line_no INTEGER, ordered_at INTEGER, business_day TEXT, store TEXT, sku TEXT,
    customer TEXT, quantity REAL, unit_price_fen INTEGER, amount_fen INTEGER)`);
  const insert = raw.prepare(
    `INSERT INTO floor_lines (channel, order_id, line_no, ordered_at, business_day, store, sku,
       customer, quantity, unit_price_fen, amount_fen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const row = (r: ImportRecord) => [
    r.channel,
    r.orderId ?? null,
    r.lineNo ?? null,
    r.orderedAt ?? null,
    r.businessDay ?? null,
    r.store?.code ?? null,
    r.product?.sku ?? null,
    r.customer.memberId ?? r.customer.phone ?? r.customer.platformId ?? null,
    r.quantity ?? null,
    r.unitPriceFen ?? null,
    r.lineAmountFen ?? null,
  ];

  let ms = 0;
  let cpu = 0;
  let lines = 0;
  raw.exec('BEGIN');
  for (const f of files) {
    const options = { source: { kind: 'preset' as const, id: f.preset } };
    for await (const chunk of readRecords(f.path, options)) {
      const started = performance.now();
      const cpuStart = process.cpuUsage();
      for (const outcome of chunk) if (outcome.ok) insert.run(row(outcome.record));
      ms += performance.now() - started;
      cpu += cpuMs(process.cpuUsage(cpuStart));
      lines += chunk.length;
    }
  }
  const started = performance.now();
  const cpuStart = process.cpuUsage();
  raw.exec('COMMIT');
  ms += performance.now() - started;
  cpu += cpuMs(process.cpuUsage(cpuStart));
  raw.close();
  return { ms, cpuMs: cpu, lines };
}

function cpuMs(usage: NodeJS.CpuUsage): number {
  return (usage.user + usage.system) / 1000;
}

void main();
