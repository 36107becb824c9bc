/**
 * Gantt benchmark: a project of 500 tasks (~800 dependencies) drawn by echarts in
 * Debian Chromium, target ≤ 500 ms, beside a 50-task baseline in the same run.
 * Measures, from the chart's own note (Gantt.tsx: `data-drawn-ms`, `data-drawn-at`),
 * the draw from the data set to echarts' `finished`, and from a person's click (the
 * Gantt tab after opening the project, or a zoom button) or a scroll of the plan to drawn. Prints a table,
 * writes bench/results/gantt-<timestamp>.json, asserts nothing. Needs the built
 * renderer (`npx electron-vite build`). Run: `npx tsx bench/gantt.ts [--reps 3]`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { buildProject, startHost, stopHost } from './gantt-host';
import type { Host } from './gantt-host';
import { percentile } from './measure';

const flags = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'];
flags.push('--disable-background-networking', '--disable-component-update', '--disable-sync');
const canvas = '.plan-gantt-canvas [data-drawn-at]';

interface Draw {
  /** From the data set on echarts to its `finished` event. */
  drawMs: number;
  /** From the click (tab or zoom) to `finished`. */
  clickMs: number;
}

interface Sizes {
  tasks: number;
  dependencies: number;
  open: Draw[];
  zoom: Draw[];
  scroll: Draw[];
}

/** Does the click and waits for the next draw it causes. */
async function clickAndDraw(page: Page, act: () => Promise<void>): Promise<Draw> {
  const before = await page.evaluate(() => performance.now());
  await act();
  const handle = await page.waitForFunction(
    ({ css, after }) => {
      const el = document.querySelector(css);
      const at = Number(el?.getAttribute('data-drawn-at') ?? 0);
      const click = (window as unknown as { benchClick?: number }).benchClick ?? 0;
      if (!el || at <= after || click <= after) return null;
      return { drawMs: Number(el.getAttribute('data-drawn-ms')), clickMs: at - click };
    },
    { css: canvas, after: before },
    { timeout: 120_000, polling: 50 },
  );
  return (await handle.jsonValue()) as Draw;
}

/** Scrolls the Gantt's box (the plan moves under the chart) and waits for the redraw. */
async function scrollAndDraw(page: Page, top: number, left: number): Promise<Draw | null> {
  const box = page.locator('.plan-gantt');
  const before = await box.evaluate(
    (el, by) => {
      const at = performance.now();
      const was = [el.scrollTop, el.scrollLeft].join();
      el.scrollBy(by);
      return was === [el.scrollTop, el.scrollLeft].join() ? null : at;
    },
    { top, left },
  );
  if (before === null) return null;
  const handle = await page.waitForFunction(
    ({ css, after }) => {
      const el = document.querySelector(css);
      const at = Number(el?.getAttribute('data-drawn-at') ?? 0);
      if (!el || at <= after) return null;
      return { drawMs: Number(el.getAttribute('data-drawn-ms')), clickMs: at - after };
    },
    { css: canvas, after: before },
    { timeout: 60_000, polling: 50 },
  );
  return (await handle.jsonValue()) as Draw;
}

/** Opens the project from the projects list and its Gantt tab, zooms around, scrolls. */
async function measureProject(
  page: Page,
  name: string,
  reps: number,
): Promise<[Draw[], Draw[], Draw[]]> {
  const open: Draw[] = [];
  const zoom: Draw[] = [];
  const scroll: Draw[] = [];
  for (let r = 0; r < reps; r += 1) {
    await page.getByRole('navigation').getByRole('menuitem', { name: '计划' }).click();
    await page.getByRole('link', { name }).click();
    await page.getByRole('heading', { name }).waitFor();
    open.push(await clickAndDraw(page, () => page.getByRole('tab', { name: '甘特图' }).click()));
    for (const label of ['周', '月', '日']) {
      const button = page.locator('.plan-toolbar .ant-segmented').getByText(label, { exact: true });
      zoom.push(await clickAndDraw(page, () => button.click()));
    }
    for (let i = 0; i < 4; i += 1) {
      const draw = await scrollAndDraw(page, 600, 400);
      if (draw) scroll.push(draw);
    }
  }
  return [open, zoom, scroll];
}

function stats(samples: number[]): { median: number; max: number; n: number } {
  return { median: percentile(samples, 50), max: Math.max(...samples), n: samples.length };
}

function row(label: string, s: ReturnType<typeof stats>, base?: ReturnType<typeof stats>): string {
  const ratio = base ? `${(s.median / base.median).toFixed(1)}×` : '';
  const pass = base ? (s.max <= 500 ? 'yes' : s.median <= 500 ? 'median only' : 'no') : '';
  return [
    label.padEnd(52),
    s.median.toFixed(0).padStart(8),
    s.max.toFixed(0).padStart(8),
    String(s.n).padStart(4),
    ratio.padStart(8),
    pass.padStart(12),
  ].join(' ');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '47951' },
      tasks: { type: 'string', default: '500' },
      baseline: { type: 'string', default: '50' },
      reps: { type: 'string', default: '3' },
    },
  });
  const reps = Number(values.reps);
  const sizes = [Number(values.tasks), Number(values.baseline)];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roc-bench-gantt-'));
  let host: Host | null = null;
  let browser: Browser | null = null;
  const results: Sizes[] = [];
  try {
    host = await startHost(path.join(dir, 'console.db'), Number(values.port), 'bench-gantt-0123');
    const made = [];
    for (const n of sizes) {
      const t0 = Date.now();
      const view = await buildProject(host, `甘特 ${n} 项`, n, Math.round(n * 1.6));
      made.push(view);
      process.stdout.write(`project of ${view.tasks.length} tasks, `);
      process.stdout.write(`${view.dependencies.length} dependencies: ${Date.now() - t0} ms\n`);
    }

    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: flags });
    const viewport = { width: 1600, height: 1000 };
    const page = await browser.newPage({ viewport, locale: 'zh-CN' });
    // No named functions inside: tsx would wrap them in a `__name` helper the page lacks.
    await page.addInitScript(() => {
      window.addEventListener(
        'click',
        () => ((window as unknown as { benchClick: number }).benchClick = performance.now()),
        true,
      );
    });
    await page.goto(`${host.base}/?token=${host.token}`);
    await page.getByRole('navigation').waitFor();
    for (const view of made) {
      const [open, zoom, scroll] = await measureProject(page, view.project.name, reps);
      results.push({
        tasks: view.tasks.length,
        dependencies: view.dependencies.length,
        open,
        zoom,
        scroll,
      });
    }
    report(results, await browser.version());
  } finally {
    await browser?.close().catch(() => undefined);
    if (host) await stopHost(host.child);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function report(results: Sizes[], chromiumVersion: string): void {
  const [big, small] = results as [Sizes, Sizes];
  const lines = [`${'measure (ms)'.padEnd(52)}   median      max    n    ratio  ≤500 ms`];
  const measures = {
    'data set → finished (all draws)': (s: Sizes) =>
      [...s.open, ...s.zoom, ...s.scroll].map((d) => d.drawMs),
    'Gantt tab click → drawn (project opened)': (s: Sizes) => s.open.map((d) => d.clickMs),
    'zoom click (day/week/month) → drawn': (s: Sizes) => s.zoom.map((d) => d.clickMs),
    'scroll (600 px down, 400 right) → drawn': (s: Sizes) => s.scroll.map((d) => d.clickMs),
  };
  const summary: Record<string, unknown> = {};
  for (const [label, pick] of Object.entries(measures)) {
    const a = stats(pick(big));
    const b = stats(pick(small));
    lines.push(row(`${label}, ${big.tasks} tasks`, a, b));
    lines.push(row(`  baseline ${small.tasks} tasks`, b));
    summary[label] = { tasks: a, baseline: b, ratio: a.median / b.median, targetMs: 500 };
  }
  const load = os.loadavg().map((x) => x.toFixed(2));
  lines.push(
    `load average ${load.join(' ')} on ${os.cpus().length} cores; Chromium ${chromiumVersion}`,
  );
  process.stdout.write(`\n${lines.join('\n')}\n`);

  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const out = path.join(__dirname, 'results', `gantt-${stamp}.json`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const json = {
    at: new Date().toISOString(),
    load: os.loadavg(),
    chromiumVersion,
    summary,
    results,
  };
  fs.writeFileSync(out, `${JSON.stringify(json, null, 2)}\n`);
  process.stdout.write(`written ${path.relative(process.cwd(), out)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});
