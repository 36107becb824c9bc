/**
 * Profiles the customers grid page on one generated chain, built once and kept:
 *
 *   npx tsx bench/grid-profile.ts build <dir> [--scale 0.1]   # exports, import, tags, recompute
 *   npx tsx bench/grid-profile.ts time <dir> [--reps 50] [--save f.json] [--compare f.json]
 *   npx tsx bench/grid-profile.ts plan <dir>                  # EXPLAIN QUERY PLAN of each query
 *
 * `time` runs pages at several offsets, sorts and filters through `dispatch`, prints
 * wall p50/p99 and CPU per page, and a fingerprint of each answer (rows and total) so
 * that a change to the query can be checked to give exactly the same pages.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { CustomerQuery } from '../core/api/customers';
import { recomputeAll } from '../core/crm/recompute';
import { BENCH_SIZE, scaleSize } from '../core/demo/plan';
import { openApp } from '../core/service';
import type { App } from '../core/service';
import { dispatch } from '../core/service/dispatch';
import { setLogLevel } from '../core/shared/log';
import { ms, percentile, runPhase } from './measure';
import type { FilesResult } from './phase-files';
import type { ImportResult } from './phase-import';
import { saveBenchTags } from './queries';

const AS_OF = new Date('2026-11-30T12:00:00Z');
const SEED = 20260101;

type Query = Partial<CustomerQuery>;

function flag(argv: string[], name: string, fallback: string): string {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1]! : fallback;
}

async function build(dir: string, scale: number): Promise<void> {
  fs.mkdirSync(dir, { recursive: true });
  const dbFile = path.join(dir, 'bench.db');
  const size = scaleSize(BENCH_SIZE, scale);
  const files = await runPhase<FilesResult>('phase-files.ts', [
    dir,
    AS_OF.toISOString(),
    String(SEED),
    JSON.stringify(size),
  ]);
  const imported = await runPhase<ImportResult>('phase-import.ts', [
    dbFile,
    JSON.stringify(files.files),
    AS_OF.toISOString(),
  ]);
  const app = await openApp({ file: dbFile, host: 'cli', version: 'bench' });
  try {
    const missing = await saveBenchTags(app);
    if (missing) throw new Error(missing);
    const summary = await recomputeAll(app.ctx.db, AS_OF);
    console.log(
      `built ${dbFile}: ${imported.lines} lines, ${summary.customers} customers, ` +
        `${summary.tagsEvaluated} tags`,
    );
  } finally {
    await app.close();
  }
  for (const f of files.files) fs.rmSync(f.path, { force: true });
}

/** The grid queries to time: the benchmark's own first, then deep pages, other sorts, filters. */
function cases(app: App): [string, Query[]][] {
  const raw = app.ctx.db.raw;
  const tagIds = (
    raw
      .prepare(
        `SELECT t.id AS id FROM tags t JOIN tag_members m ON m.tag_id = t.id
         WHERE t.kind = 'rule' GROUP BY t.id ORDER BY t.id`,
      )
      .all() as { id: number }[]
  ).map((t) => t.id);
  const biggest = (
    raw
      .prepare(
        `SELECT tag_id AS id FROM tag_members GROUP BY tag_id ORDER BY count(*) DESC LIMIT 1`,
      )
      .get() as { id: number }
  ).id;
  const { n } = raw.prepare('SELECT count(*) AS n FROM customer_metrics').get() as { n: number };
  const deep = Math.floor(n / 2);
  const bySpend = [{ column: 'spendAll' as const, dir: 'desc' as const }];
  const perTag = (q: Query) => tagIds.map((id) => ({ ...q, tagIds: [id] }));

  return [
    ['bench: spend desc, one rule tag, offset 0', perTag({ sort: bySpend })],
    ['spend desc, one rule tag, offset 300', perTag({ sort: bySpend, offset: 300 })],
    ['spend desc, biggest tag, offset 2000', [{ sort: bySpend, tagIds: [biggest], offset: 2000 }]],
    ['spend desc, no tag, offset 0', [{ sort: bySpend }]],
    [`spend desc, no tag, offset ${deep}`, [{ sort: bySpend, offset: deep }]],
    ['no sort, no tag, offset 0', [{}]],
    ['name asc, one rule tag', perTag({ sort: [{ column: 'name', dir: 'asc' }] })],
    ['age desc, no tag', [{ sort: [{ column: 'age', dir: 'desc' }] }]],
    [
      'recency asc, no tag, offset 1000',
      [{ sort: [{ column: 'recencyDays', dir: 'asc' }], offset: 1000 }],
    ],
    ['two tags, spend desc', [{ sort: bySpend, tagIds: [biggest, tagIds[0]!] }]],
    [
      'filters: spend365 ≥ 500 yuan, lifecycle in (active, repeat), city contains 上',
      [
        {
          sort: bySpend,
          filters: [
            { type: 'number', column: 'spend365', cmp: 'gte', value: 50_000 },
            { type: 'set', column: 'lifecycle', values: ['active', 'repeat'] },
            { type: 'text', column: 'city', contains: '上' },
          ],
        },
      ],
    ],
    ['search 138', [{ sort: bySpend, search: '138' }]],
    ['rfm cell 5×5', [{ sort: bySpend, rfm: { r: 5, f: 5 } }]],
  ];
}

function fingerprint(result: unknown): string {
  return createHash('sha256').update(JSON.stringify(result)).digest('hex').slice(0, 16);
}

async function time(
  dir: string,
  reps: number,
  only: string,
  save?: string,
  compare?: string,
): Promise<void> {
  const app = await openApp({ file: path.join(dir, 'bench.db'), host: 'cli', version: 'bench' });
  const before = compare
    ? (JSON.parse(fs.readFileSync(compare, 'utf8')) as Record<string, string[]>)
    : null;
  const prints: Record<string, string[]> = {};
  let mismatches = 0;
  try {
    for (const [name, queries] of cases(app)) {
      if (!name.startsWith(only)) continue;
      const wall: number[] = [];
      const cpuStart = process.cpuUsage();
      prints[name] = [];
      for (let k = 0; k < reps; k++) {
        const q = queries[k % queries.length]!;
        const started = performance.now();
        const result = await dispatch(app.handlers, 'customers.page', q);
        wall.push(ms(started));
        if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
        if (k < queries.length) prints[name].push(fingerprint(result.value));
      }
      const cpu = process.cpuUsage(cpuStart);
      const cpuPerPage = (cpu.user + cpu.system) / 1000 / reps;
      const same = before?.[name]
        ? JSON.stringify(before[name]) === JSON.stringify(prints[name])
          ? ' same'
          : ' DIFFERENT'
        : '';
      if (same === ' DIFFERENT') mismatches++;
      console.log(
        `${name.padEnd(72)} p50 ${percentile(wall, 50).toFixed(2).padStart(7)} ms  ` +
          `p99 ${percentile(wall, 99).toFixed(2).padStart(7)} ms  ` +
          `cpu ${cpuPerPage.toFixed(2).padStart(7)} ms/page${same}`,
      );
    }
  } finally {
    await app.close();
  }
  if (save) fs.writeFileSync(save, JSON.stringify(prints, null, 2) + '\n');
  if (before) console.log(mismatches ? `${mismatches} case(s) differ` : 'every answer the same');
}

/** Prints SQLite's plan for every statement a bench page runs. */
async function plan(dir: string, only: string, pick: number): Promise<void> {
  const app = await openApp({ file: path.join(dir, 'bench.db'), host: 'cli', version: 'bench' });
  const raw = app.ctx.db.raw;
  try {
    const seen: { sql: string; params: readonly unknown[] }[] = [];
    const [, queries] = cases(app).find(([name]) => name.startsWith(only))!;
    // Capture the SQL through better-sqlite3's prepare while one page runs.
    const prepare = raw.prepare.bind(raw);
    raw.prepare = ((text: string) => {
      const stmt = prepare(text);
      const all = stmt.all.bind(stmt);
      const get = stmt.get.bind(stmt);
      stmt.all = ((...params: unknown[]) => {
        seen.push({ sql: text, params });
        return all(...params);
      }) as typeof stmt.all;
      stmt.get = ((...params: unknown[]) => {
        seen.push({ sql: text, params });
        return get(...params);
      }) as typeof stmt.get;
      return stmt;
    }) as typeof raw.prepare;
    await dispatch(app.handlers, 'customers.page', queries[pick % queries.length]!);
    raw.prepare = prepare;
    for (const s of seen) {
      const stmt = raw.prepare(s.sql);
      const cpuStart = process.cpuUsage();
      for (let i = 0; i < 20; i++) stmt.all(...s.params);
      const cpu = process.cpuUsage(cpuStart);
      const each = (cpu.user + cpu.system) / 1000 / 20;
      console.log(`\n${each.toFixed(2)} ms CPU: ${s.sql.replace(/\s+/g, ' ').slice(0, 300)}`);
      const rows = raw.prepare(`EXPLAIN QUERY PLAN ${s.sql}`).all(...s.params) as {
        detail: string;
      }[];
      for (const r of rows) console.log(`  ${r.detail}`);
    }
  } finally {
    await app.close();
  }
}

async function main(): Promise<void> {
  setLogLevel('warn');
  const argv = process.argv.slice(2);
  const [command, dir] = argv;
  if (!dir) throw new Error('usage: grid-profile.ts build|time|plan <dir> [options]');
  if (command === 'build') await build(dir, Number(flag(argv, '--scale', '0.1')));
  else if (command === 'time') {
    const save = argv.includes('--save') ? flag(argv, '--save', '') : undefined;
    const compare = argv.includes('--compare') ? flag(argv, '--compare', '') : undefined;
    const reps = Number(flag(argv, '--reps', '50'));
    await time(dir, reps, flag(argv, '--only', ''), save, compare);
  } else if (command === 'plan') {
    await plan(dir, flag(argv, '--only', ''), Number(flag(argv, '--pick', '0')));
  } else throw new Error(`unknown command ${command}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
