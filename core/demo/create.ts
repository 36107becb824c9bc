import { createHash } from 'node:crypto';
import type { ImportRecord, RecordOutcome } from '../crm/import/types';
import { commitBatch } from '../crm/import/commit';
import { recomputeAll } from '../crm/recompute';
import type { Db } from '../db/open';
import { CoreError } from '../shared/errors';
import { logger } from '../shared/log';
import { getSetting, putSetting } from '../service/settings';
import { demoStores } from './catalog';
import { generateDemo } from './generate';
import { DEMO_SIZE, scaleSize } from './plan';
import type { DemoSize } from './plan';

const log = logger('demo');

/** The settings key that marks a database as the demo, with how it was made. */
export const DEMO_SETTING = 'demo.chain';

export interface DemoMark {
  seed: number;
  asOf: string;
  size: DemoSize;
}

export interface DemoProgress {
  processed: number;
  total: number;
  message: string;
}

export interface CreateDemoOptions {
  asOf: Date;
  /** Same seed and as-of → the same chain. Default 20260101. */
  seed?: number;
  /** Multiplies customers and order lines of the standard demo (20k customers, a year). */
  scale?: number;
  /** Overrides the size entirely (the benchmark's two-year chain). */
  size?: DemoSize;
  onProgress?: (progress: DemoProgress) => void;
  signal?: AbortSignal;
}

export interface DemoSummary {
  seed: number;
  asOf: string;
  batches: number;
  orderLines: number;
  customers: number;
  durationMs: number;
}

export const DEFAULT_DEMO_SEED = 20260101;
const CHUNK = 4000;

/**
 * Fills an empty database with the demo chain: its stores, then each channel's
 * monthly export committed through the importer's own write path, then a full
 * recompute of metrics, RFM and tags as of `asOf`. The database is marked as the
 * demo before anything is written, so that a run cut short can still be reset.
 */
export async function createDemoDatabase(db: Db, options: CreateDemoOptions): Promise<DemoSummary> {
  const started = performance.now();
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const size = options.size ?? scaleSize(DEMO_SIZE, options.scale ?? 1);
  await refuseIfHoldsOtherData(db);

  const mark: DemoMark = { seed, asOf: options.asOf.toISOString(), size };
  await putSetting(db, DEMO_SETTING, mark);
  await writeStores(db);

  const chain = generateDemo({ asOf: options.asOf, seed, size });
  // The size's line count is a target the chain lands near, so the total may grow.
  const report = (processed: number, message: string) =>
    options.onProgress?.({ processed, total: Math.max(size.orderLines, processed), message });
  let lines = 0;
  let batches = 0;
  for (const batch of chain.batches()) {
    const summary = await commitBatch(db, chunksOf(batch.records), {
      facts: {
        fileName: batch.fileName,
        contentHash: batchHash(mark, batch.fileName),
        source: 'demo',
        encoding: 'utf-8',
        dateOrder: 'ymd',
      },
      channel: batch.channel,
      columns: {},
      acceptPartial: false,
      at: options.asOf,
      signal: options.signal,
    });
    if (summary.status === 'cancelled') throw cancelled();
    if (summary.status === 'failed') throw generatorBug(batch.fileName, summary.rejected);
    lines += batch.records.length;
    batches += 1;
    report(lines, `imported ${batch.fileName}`);
  }

  report(lines, 'recomputing metrics, RFM and tags');
  await recomputeAll(db, options.asOf, { signal: options.signal });
  const summary: DemoSummary = {
    seed,
    asOf: mark.asOf,
    batches,
    orderLines: lines,
    customers: chain.customers.length,
    durationMs: Math.round(performance.now() - started),
  };
  log.info(
    `demo chain created: ${lines} order lines in ${batches} exports, ` +
      `${summary.customers} shoppers, in ${summary.durationMs} ms`,
  );
  return summary;
}

/** The demo mark of the open database, or null when it holds a real chain's data. */
export async function demoMark(db: Db): Promise<DemoMark | null> {
  return getSetting<DemoMark | null>(db, DEMO_SETTING, null);
}

async function refuseIfHoldsOtherData(db: Db): Promise<void> {
  if (await demoMark(db)) return;
  const row = await db.k
    .selectFrom('orders')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(row.n) === 0) return;
  throw new CoreError(
    'demo.not_empty',
    `${db.file} already holds ${row.n} orders that are not the demo's; the demo chain was ` +
      'not written. Create it in a new database file.',
    { file: db.file, orders: Number(row.n) },
  );
}

/** Stores first, so that they carry city, district and opening day beside what exports say. */
async function writeStores(db: Db): Promise<void> {
  for (const s of demoStores) {
    const facts = {
      name: s.name,
      region: s.region,
      city: s.city,
      district_kind: s.districtKind,
      opened_on: s.openedOn,
    };
    await db.k
      .insertInto('stores')
      .values({ code: s.code, ...facts })
      .onConflict((oc) => oc.column('code').doUpdateSet(facts))
      .execute();
  }
}

async function* chunksOf(records: ImportRecord[]): AsyncGenerator<RecordOutcome[]> {
  for (let i = 0; i < records.length; i += CHUNK) {
    yield records.slice(i, i + CHUNK).map((record) => ({ ok: true as const, record }));
  }
}

/** Stands in for a file's content hash: the same chain's same export hashes the same. */
function batchHash(mark: DemoMark, fileName: string): string {
  const text = JSON.stringify([mark.seed, mark.asOf, mark.size, fileName]);
  return createHash('sha256').update(text).digest('hex');
}

function cancelled(): CoreError {
  return new CoreError('demo.cancelled', 'Creating the demo chain was cancelled.');
}

function generatorBug(fileName: string, rejected: { line: number; reason: string }[]): Error {
  const first = rejected[0];
  return new Error(
    `demo export ${fileName} was refused by the importer` +
      (first ? ` (line ${first.line}: ${first.reason})` : ''),
  );
}
