/**
 * `npx tsx bench/recompute-profile.ts [scale] [--reps N] [--samples N] [--steps]`: the CRM's
 * derived data alone, in CPU time. Imports the benchmark's chain once (kept in
 * /tmp/recompute-profile-<scale>/base.db for the next run), copies it, saves the
 * bench's eight rule tags, then times `recomputeAll` (the first one writes every
 * membership, the later ones only changes) and `refreshCustomers` of one customer
 * (after a one-line order, and alone). Prints a fingerprint of the metrics and
 * memberships, so that a faster path can be checked to write exactly the same rows, and one
 * of every column of the memberships and their history (the first recompute writes both).
 * `--steps` also times metrics, RFM and tags apart (in a transaction rolled back).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type SQLite from 'better-sqlite3';
import { writeMetrics } from '../core/crm/metrics/compute';
import { windowsAsOf } from '../core/crm/metrics/days';
import { rawRunner } from '../core/crm/metrics/runner';
import { lifecycleSettings } from '../core/crm/metrics/settings';
import { recomputeAll, refreshCustomers } from '../core/crm/recompute';
import { applyRfm, cutsFromData, rfmSettings } from '../core/crm/rfm/score';
import { ruleFields } from '../core/crm/tags/fields';
import { derivedTags, evaluateTags } from '../core/crm/tags/membership';
import type { Db } from '../core/db/open';
import { BENCH_SIZE, scaleSize } from '../core/demo/plan';
import { openApp } from '../core/service';
import { setLogLevel } from '../core/shared/log';
import { percentile, runPhase } from './measure';
import type { FilesResult } from './phase-files';
import type { ImportResult } from './phase-import';
import { measureNewOrder, saveBenchTags } from './queries';

const AS_OF = new Date('2026-11-30T12:00:00Z');

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

async function baseDb(scale: number): Promise<string> {
  const dir = path.join(os.tmpdir(), `recompute-profile-${scale}`);
  const file = path.join(dir, 'base.db');
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(dir, { recursive: true });
  const size = scaleSize(BENCH_SIZE, scale);
  const files = await runPhase<FilesResult>('phase-files.ts', [
    dir,
    AS_OF.toISOString(),
    '20260101',
    JSON.stringify(size),
  ]);
  const building = path.join(dir, 'building.db');
  await runPhase<ImportResult>('phase-import.ts', [
    building,
    JSON.stringify(files.files),
    AS_OF.toISOString(),
  ]);
  fs.renameSync(building, file);
  return file;
}

function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** A hash of every metrics row and membership, in a fixed order. */
function fingerprint(raw: SQLite.Database): string {
  const hash = createHash('sha256');
  const metrics = raw.prepare('SELECT * FROM customer_metrics ORDER BY customer_id').raw();
  for (const row of metrics.iterate()) hash.update(JSON.stringify(row));
  const members = raw
    .prepare('SELECT tag_id, customer_id FROM tag_members ORDER BY tag_id, customer_id')
    .raw();
  for (const row of members.iterate()) hash.update(JSON.stringify(row));
  return hash.digest('hex').slice(0, 16);
}

/** A hash of every column of the memberships and of the history (ids included), in id order. */
function historyFingerprint(raw: SQLite.Database): string {
  const hash = createHash('sha256');
  const queries = [
    'SELECT * FROM tag_members ORDER BY tag_id, customer_id',
    'SELECT * FROM tag_history ORDER BY id',
  ];
  for (const q of queries)
    for (const row of raw.prepare(q).raw().iterate()) hash.update(JSON.stringify(row));
  return hash.digest('hex').slice(0, 16);
}

/** Thrown to roll back the transaction of `timeSteps`. */
class RollBack extends Error {}

/**
 * The CPU of each step of a full recompute, run separately in one transaction that is
 * then rolled back, `reps` times: where the time goes, without changing the file.
 */
async function timeSteps(db: Db, reps: number): Promise<void> {
  const w = windowsAsOf(AS_OF);
  const life = await lifecycleSettings(db);
  const custom = await rfmSettings(db);
  const fields = await ruleFields(db);
  for (let i = 0; i < reps; i++) {
    const line: string[] = [];
    const step = (name: string, run: () => void) => {
      const cpu = process.cpuUsage();
      run();
      line.push(`${name} ${Math.round(cpuMsSince(cpu))}`);
    };
    await db.k
      .transaction()
      .execute(async (trx) => {
        const r = rawRunner(trx, db.raw);
        step('metrics', () => writeMetrics(r, w, life, null));
        step('rfm', () => applyRfm(r, cutsFromData(r, custom), null));
        const e = { ids: null, asOfDay: w.day, at: w.asOfMs, reason: 'steps' };
        step('tags', () => evaluateTags(r, derivedTags(r), fields, e));
        throw new RollBack();
      })
      .catch((error: unknown) => {
        if (!(error instanceof RollBack)) throw error;
      });
    console.log(`steps ${i + 1}, CPU ms: ${line.join(', ')}`);
  }
}

async function main(): Promise<void> {
  setLogLevel('warn');
  const scale = Number(process.argv[2] ?? '0.1');
  const reps = option('--reps', 2);
  const samples = option('--samples', 200);
  const base = await baseDb(scale);
  const work = path.join(path.dirname(base), 'work.db');
  for (const f of [work, work + '-wal', work + '-shm']) fs.rmSync(f, { force: true });
  fs.copyFileSync(base, work);

  const app = await openApp({ file: work, host: 'cli', version: 'profile' });
  try {
    const missing = await saveBenchTags(app);
    if (missing) throw new Error(missing);
    for (let i = 0; i < reps; i++) {
      const started = performance.now();
      const cpu = process.cpuUsage();
      const s = await recomputeAll(app.ctx.db, AS_OF);
      console.log(
        `recompute ${i + 1}: CPU ${Math.round(cpuMsSince(cpu))} ms, wall ` +
          `${Math.round(performance.now() - started)} ms, ${s.customers} customers, ` +
          `+${s.membershipsAdded} −${s.membershipsRemoved}`,
      );
    }
    console.log(`fingerprint after recompute ${fingerprint(app.ctx.db.raw)}`);
    console.log(`  of memberships and history, every column ${historyFingerprint(app.ctx.db.raw)}`);
    if (process.argv.includes('--steps')) await timeSteps(app.ctx.db, reps);

    const ids = app.ctx.db.raw
      .prepare('SELECT customer_id FROM customer_metrics ORDER BY customer_id')
      .pluck()
      .all() as number[];
    const times: number[] = [];
    const cpuTimes: number[] = [];
    for (let k = 0; k < samples; k++) {
      const id = ids[(k * 7919) % ids.length]!;
      const started = performance.now();
      const cpu = process.cpuUsage();
      await refreshCustomers(app.ctx.db, [id], AS_OF);
      cpuTimes.push(cpuMsSince(cpu));
      times.push(performance.now() - started);
    }
    const p = (xs: number[], q: number) => percentile(xs, q).toFixed(2);
    console.log(
      `refresh alone: wall p50 ${p(times, 50)} ms, p99 ${p(times, 99)} ms; ` +
        `CPU p50 ${p(cpuTimes, 50)} ms, p99 ${p(cpuTimes, 99)} ms (${samples} customers)`,
    );
    const slowest = times.map((t, k) => [t, k] as const).sort((a, b) => b[0] - a[0]);
    const shown = slowest.slice(0, 5).map(([t, k]) => `#${k} ${t.toFixed(1)} ms`);
    console.log(`  slowest refreshes: ${shown.join(', ')}`);

    for (const m of await measureNewOrder(app, AS_OF, samples)) {
      console.log(`${m.label}: ${m.value} ${m.unit}${m.note ? ` (${m.note})` : ''}`);
    }
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
