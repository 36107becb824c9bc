/**
 * `npx tsx bench/commit-profile.ts [scale] [files-dir] [--stream] [--reps=N]`: the commit
 * side of an import alone. Generates the benchmark's exports once (kept in files-dir for
 * the next run), reads them into memory (not timed), then times `commitBatch` on those
 * records into a fresh database (the least CPU time of N runs), and the floor (one
 * prepared statement, one transaction) on the same records, both in CPU time. Prints a
 * fingerprint of what was written, so that a change to the commit side can be checked
 * to write exactly the same facts. With --stream: the whole import instead
 * (`importFile`, reading and committing as the bench does), its CPU time and peak RSS.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { readRecords, resolveFileImport, inspectFile } from '../core/crm/import';
import { commitBatch } from '../core/crm/import/commit';
import type { ImportRecord, RecordOutcome } from '../core/crm/import/types';
import { BENCH_SIZE, scaleSize } from '../core/demo/plan';
import { openDb } from '../core/db/open';
import { setLogLevel } from '../core/shared/log';
import { importFile } from '../core/crm/import/batch-run';
import { RssSampler, runPhase } from './measure';
import type { ExportFile, FilesResult } from './phase-files';

const AS_OF = '2026-11-30T12:00:00Z';

async function main(): Promise<void> {
  setLogLevel('warn');
  const scale = Number(process.argv[2] ?? '0.2');
  const dir = process.argv[3] ?? path.join(os.tmpdir(), `commit-profile-${scale}`);
  const files = await exportsIn(dir, scale);
  if (process.argv.includes('--stream')) return streamImport(files, dir);
  if (process.argv.includes('--one-line')) return oneLineBatches(path.join(dir, 'commit.db'));

  const parsed: { file: ExportFile; chunks: RecordOutcome[][] }[] = [];
  for (const file of files) {
    const chunks: RecordOutcome[][] = [];
    const options = { source: { kind: 'preset' as const, id: file.preset } };
    for await (const chunk of readRecords(file.path, options)) chunks.push(chunk);
    parsed.push({ file, chunks });
  }
  const lines = parsed.reduce((n, p) => n + p.chunks.reduce((m, c) => m + c.length, 0), 0);

  // On a shared machine one run says little: the least CPU time of several is kept.
  const reps = Number(process.argv.find((a) => a.startsWith('--reps='))?.slice(7) ?? '1');
  let best = { cpu: Infinity, wall: Infinity, fingerprint: '' };
  for (let rep = 0; rep < reps; rep++) {
    const run = await commitAll(parsed, path.join(dir, 'commit.db'));
    if (run.cpu < best.cpu) best = run;
  }
  const { cpu, wall, fingerprint } = best;

  const floor = measureFloor(parsed, path.join(dir, 'floor.db'));
  const rate = (ms: number) => Math.round(lines / (ms / 1000));
  console.log(`lines ${lines}`);
  console.log(
    `commit: CPU ${Math.round(cpu)} ms (${rate(cpu)} lines/CPU s, ` +
      `${Math.round((cpu * 100000) / lines) / 100} µs a line), wall ${Math.round(wall)} ms`,
  );
  console.log(`floor:  CPU ${Math.round(floor)} ms (${rate(floor)} lines/CPU s)`);
  console.log(`commit ÷ floor by CPU: ${Math.round((floor / cpu) * 1000) / 10} %`);
  console.log(`fingerprint ${fingerprint}`);
}

/** Commits every parsed file into a fresh database: CPU and wall time, and what it wrote. */
async function commitAll(
  parsed: { file: ExportFile; chunks: RecordOutcome[][] }[],
  dbFile: string,
): Promise<{ cpu: number; wall: number; fingerprint: string }> {
  for (const f of [dbFile, dbFile + '-wal', dbFile + '-shm']) fs.rmSync(f, { force: true });
  const db = await openDb({ file: dbFile });
  let cpu = 0;
  let wall = 0;
  for (const { file, chunks } of parsed) {
    const options = { source: { kind: 'preset' as const, id: file.preset } };
    const effective = await resolveFileImport(file.path, options);
    const inspection = await inspectFile(file.path, path.basename(file.path), {});
    const started = performance.now();
    const cpuStart = process.cpuUsage();
    const summary = await commitBatch(db, fromArray(chunks), {
      facts: {
        fileName: path.basename(file.path),
        contentHash: file.path,
        source: effective.source,
        encoding: inspection.encoding.used,
        dateOrder: effective.dateOrder,
      },
      channel: effective.mapping.channel,
      columns: effective.mapping.fields,
      cancelPrefix: effective.rules.cancelPrefix,
      acceptPartial: false,
      at: new Date(AS_OF),
    });
    cpu += cpuMsSince(cpuStart);
    wall += performance.now() - started;
    console.log(
      `  ${summary.fileName}: ${summary.status}, ${summary.rowsImported} imported, ` +
        `${summary.rowsDuplicate} duplicates, ${summary.rowsRejected} rejected`,
    );
  }
  const fingerprint = fingerprintOf(db.raw);
  await db.close();
  return { cpu, wall, fingerprint };
}

/** The real import of every file, as the bench runs it: CPU time and peak memory. */
async function streamImport(files: ExportFile[], dir: string): Promise<void> {
  const dbFile = path.join(dir, 'stream.db');
  for (const f of [dbFile, dbFile + '-wal', dbFile + '-shm']) fs.rmSync(f, { force: true });
  const db = await openDb({ file: dbFile });
  const sampler = new RssSampler();
  sampler.start();
  const cpuStart = process.cpuUsage();
  let heapPeak = 0;
  for (const file of files) {
    const options = { source: { kind: 'preset' as const, id: file.preset } };
    await importFile(db, file.path, path.basename(file.path), options, false, {
      at: new Date(AS_OF),
      onProgress: () => {
        // With --expose-gc: the heap that is really held, not garbage waiting.
        (globalThis as { gc?: () => void }).gc?.();
        heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
      },
    });
  }
  const cpu = cpuMsSince(cpuStart);
  const peak = sampler.stop();
  const mb = (n: number) => Math.round(n / 1024 / 1024);
  console.log(
    `import: CPU ${Math.round(cpu)} ms, peak RSS ${mb(peak)} MB, heap ${mb(heapPeak)} MB`,
  );
  console.log(`fingerprint ${fingerprintOf(db.raw)}`);
  await db.close();
}

/**
 * One-line batches (a new order of a known member, as the bench's "new order") into
 * the database a previous run left in files-dir: wall time p50 and p99, CPU mean.
 */
async function oneLineBatches(dbFile: string): Promise<void> {
  if (!fs.existsSync(dbFile)) throw new Error(`run once without --one-line first: ${dbFile}`);
  const db = await openDb({ file: dbFile });
  const members = db.raw
    .prepare(
      `SELECT value FROM customer_identities
       WHERE kind = 'member' AND kind <> 'masked_phone' ORDER BY id LIMIT 200`,
    )
    .pluck()
    .all() as string[];
  const walls: number[] = [];
  const cpuStart = process.cpuUsage();
  const stamp = Date.now();
  for (let k = 0; k < members.length; k++) {
    const at = Date.parse(AS_OF) - (k + 1) * 1000;
    const record: ImportRecord = {
      line: 2,
      rowKind: 'orderLine',
      channel: 'pos',
      kind: 'sale',
      currency: 'CNY',
      orderId: `ONE-${stamp}-${k}`,
      lineNo: 1,
      orderedAt: at,
      businessDay: new Date(at + 8 * 3_600_000).toISOString().slice(0, 10),
      customer: { memberId: members[k]! },
      store: { code: 'SH01' },
      product: { sku: 'BV002' },
      quantity: 1,
      unitPriceFen: 1800,
      lineAmountFen: 1800,
    };
    const started = performance.now();
    await commitBatch(db, fromArray([[{ ok: true, record }]]), {
      facts: {
        fileName: `one-${k}.csv`,
        contentHash: `one-${stamp}-${k}`,
        source: 'bench',
        encoding: 'utf-8',
        dateOrder: 'ymd',
      },
      channel: 'pos',
      columns: {},
      acceptPartial: false,
      at: new Date(AS_OF),
    });
    walls.push(performance.now() - started);
  }
  const cpu = cpuMsSince(cpuStart) / walls.length;
  walls.sort((a, b) => a - b);
  const at = (q: number) => walls[Math.min(walls.length - 1, Math.floor(q * walls.length))]!;
  const r2 = (n: number) => Math.round(n * 100) / 100;
  console.log(
    `one-line batch: ${walls.length} batches, wall p50 ${r2(at(0.5))} ms, p99 ${r2(at(0.99))} ms, ` +
      `CPU mean ${r2(cpu)} ms`,
  );
  await db.close();
}

async function exportsIn(dir: string, scale: number): Promise<ExportFile[]> {
  const list = path.join(dir, 'files.json');
  if (fs.existsSync(list)) return JSON.parse(fs.readFileSync(list, 'utf8')) as ExportFile[];
  fs.mkdirSync(dir, { recursive: true });
  const size = scaleSize(BENCH_SIZE, scale);
  const result = await runPhase<FilesResult>('phase-files.ts', [
    dir,
    AS_OF,
    '20260101',
    JSON.stringify(size),
  ]);
  fs.writeFileSync(list, JSON.stringify(result.files));
  return result.files;
}

async function* fromArray(chunks: RecordOutcome[][]): AsyncGenerator<RecordOutcome[]> {
  for (const chunk of chunks) yield chunk;
}

/** A hash of every fact the import wrote, in id order. */
function fingerprintOf(raw: SQLite.Database): string {
  const hash = createHash('sha256');
  const tables = [
    'SELECT * FROM stores ORDER BY id',
    'SELECT * FROM products ORDER BY id',
    'SELECT * FROM customers ORDER BY id',
    'SELECT * FROM customer_identities ORDER BY id',
    'SELECT * FROM customer_merges ORDER BY id',
    'SELECT * FROM orders ORDER BY id',
    `SELECT order_id, line_no, product_id, quantity, unit_price_fen, amount_fen FROM order_lines
       ORDER BY order_id, line_no`,
    'SELECT * FROM order_payments ORDER BY id',
    `SELECT id, file_name, status, rows_total, rows_imported, rows_duplicate, rows_rejected,
       rejected_json FROM import_batches ORDER BY id`,
  ];
  for (const sql of tables) {
    for (const row of raw.prepare(sql).raw().iterate()) hash.update(JSON.stringify(row));
  }
  return hash.digest('hex').slice(0, 16);
}

function measureFloor(parsed: { chunks: RecordOutcome[][] }[], file: string): number {
  for (const f of [file, file + '-wal', file + '-shm']) fs.rmSync(f, { force: true });
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
  const cpuStart = process.cpuUsage();
  raw.exec('BEGIN');
  for (const { chunks } of parsed) {
    for (const chunk of chunks) {
      for (const o of chunk) {
        if (!o.ok) continue;
        const r = o.record;
        insert.run([
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
        ]);
      }
    }
  }
  raw.exec('COMMIT');
  const cpu = cpuMsSince(cpuStart);
  raw.close();
  return cpu;
}

function cpuMsSince(start: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(start);
  return (u.user + u.system) / 1000;
}

void main();
