/**
 * Where the Gantt tab's time goes, for a person working on it (not part of `npm run bench`):
 * a web host on a fresh database, a project of N tasks (default 500), the Gantt tab clicked
 * under the CPU profiler of Chromium (DevTools protocol), then the functions that took the
 * most time, inclusive and self. `TRACE=1` traces instead and sums the timeline events
 * (layout, style, script); `SHOT=/some/dir/name` also takes screenshots (day, hover, a
 * scroll, week, month), times a few scroll redraws and saves the PNG export.
 * Needs `npx electron-vite build`. Run: `N=500 SHOT=/tmp/g npx tsx bench/gantt-profile.ts`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { buildProject, startHost, stopHost } from './gantt-host';

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gprof-'));
  const host = await startHost(path.join(dir, 'c.db'), 47955, 'prof-token-0123');
  const browser = await chromium.launch({
    headless: true,
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const view = await buildProject(
      host,
      '甘特 P',
      Number(process.env.N ?? 500),
      Math.round(Number(process.env.N ?? 500) * 1.6),
    );
    const page = await browser.newPage({
      viewport: { width: 1600, height: 1000 },
      locale: 'zh-CN',
      acceptDownloads: true,
    });
    await page.goto(`${host.base}/?token=${host.token}`);
    await page.getByRole('navigation').waitFor();
    await page.getByRole('navigation').getByRole('menuitem', { name: '计划' }).click();
    await page.getByRole('link', { name: view.project.name }).click();
    await page.getByRole('heading', { name: view.project.name }).waitFor();
    const cdp = await page.context().newCDPSession(page);
    if (process.env.TRACE) {
      const events: { name: string; ph: string; dur?: number; tid: number; args?: unknown }[] = [];
      cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as typeof events)));
      const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
      await cdp.send('Tracing.start', {
        categories: 'devtools.timeline,blink.user_timing',
        transferMode: 'ReportEvents',
      });
      const t0 = Date.now();
      await page.getByRole('tab', { name: '甘特图' }).click();
      await page.waitForSelector('.plan-gantt-canvas [data-drawn-at]', { timeout: 120000 });
      console.log('tab->drawn wall', Date.now() - t0);
      await cdp.send('Tracing.end');
      await done;
      const sum = new Map<string, [number, number]>();
      for (const e of events) {
        if (e.ph !== 'X' || !e.dur) continue;
        const v = sum.get(e.name) ?? [0, 0];
        sum.set(e.name, [v[0] + e.dur / 1000, v[1] + 1]);
      }
      for (const [k, [ms, n]] of [...sum.entries()].sort((a, b) => b[1][0] - a[1][0]).slice(0, 25))
        console.log(ms.toFixed(1).padStart(9), String(n).padStart(5), k);
      const long = events.filter(
        (e) =>
          e.ph === 'X' &&
          (e.dur ?? 0) > 50000 &&
          [
            'FunctionCall',
            'EventDispatch',
            'Layout',
            'UpdateLayoutTree',
            'TimerFire',
            'FireAnimationFrame',
            'RunTask',
          ].includes(e.name),
      );
      for (const e of long.slice(0, 30))
        console.log(
          'long',
          e.name,
          ((e.dur ?? 0) / 1000).toFixed(0),
          JSON.stringify(e.args).slice(0, 200),
        );
      return;
    }
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
    await cdp.send('Profiler.start');
    const t0 = Date.now();
    await page.getByRole('tab', { name: '甘特图' }).click();
    await page.waitForSelector('.plan-gantt-canvas [data-drawn-at]', { timeout: 120000 });
    const t1 = Date.now();
    const { profile } = await cdp.send('Profiler.stop');
    console.log(
      'tab->drawn wall',
      t1 - t0,
      'drawn-ms',
      await page.locator('[data-drawn-ms]').getAttribute('data-drawn-ms'),
    );
    const self = new Map<string, number>();
    const dt = profile.timeDeltas ?? [];
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    (profile.samples ?? []).forEach((id, i) => {
      const n = byId.get(id)!;
      const k = `${n.callFrame.functionName || '(anon)'} ${path.basename(n.callFrame.url)}:${n.callFrame.lineNumber}`;
      self.set(k, (self.get(k) ?? 0) + (dt[i] ?? 0));
    });
    // Inclusive time: each sample counts once for every distinct frame on its stack.
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const incl = new Map<string, number>();
    (profile.samples ?? []).forEach((id, i) => {
      const seenKeys = new Set<string>();
      for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
        const n = byId.get(cur)!;
        const k = `${n.callFrame.functionName || '(anon)'} ${path.basename(n.callFrame.url)}:${n.callFrame.lineNumber}`;
        if (seenKeys.has(k)) continue;
        seenKeys.add(k);
        incl.set(k, (incl.get(k) ?? 0) + (dt[i] ?? 0));
      }
    });
    for (const [k, us] of [...incl.entries()].sort((a, b) => b[1] - a[1]).slice(0, 600))
      console.log('incl', (us / 1000).toFixed(1).padStart(8), k);
    const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25);
    for (const [k, us] of top) console.log((us / 1000).toFixed(1).padStart(8), k);
    const shot = process.env.SHOT;
    if (shot) {
      const drawn = async (act: () => Promise<unknown>) => {
        const before = await page.locator('[data-drawn-at]').getAttribute('data-drawn-at');
        await act();
        await page
          .waitForFunction(
            (b) => document.querySelector('[data-drawn-at]')?.getAttribute('data-drawn-at') !== b,
            before,
            { timeout: 20000 },
          )
          .catch(() => console.log('no redraw'));
        await page.waitForTimeout(200);
      };
      await page.screenshot({ path: `${shot}-day.png` });
      // Hover the first bar on the line of task 13 (line 5): its tooltip names what holds it.
      const area = (await page.locator('.plan-gantt-window').boundingBox())!;
      const y = area.y + 44 + 5 * 34 + 17;
      for (let x = area.x + 4; x < area.x + area.width; x += 12) {
        await page.mouse.move(x, y);
        if (await page.getByText('冻结：').filter({ visible: true }).count()) break;
      }
      await page.screenshot({ path: `${shot}-tooltip.png` });
      // A wheel over the chart scrolls the plan (echarts must not take it).
      const box0 = await page.locator('.plan-gantt').evaluate((e) => e.scrollTop);
      await page.mouse.wheel(0, 300);
      await page.waitForTimeout(300);
      const box1 = await page.locator('.plan-gantt').evaluate((e) => e.scrollTop);
      console.log('wheel over the chart: scrollTop', box0, '→', box1);
      await page.screenshot({ path: `${shot}-wheel.png` });
      await page.locator('.plan-gantt').evaluate((e) => e.scrollTo({ top: 0 }));
      await page.mouse.move(0, 0);
      const box = page.locator('.plan-gantt');
      await drawn(() => box.evaluate((e) => e.scrollBy({ top: 3000, left: 2000 })));
      await page.screenshot({ path: `${shot}-day-scrolled.png` });
      console.log(
        await page.evaluate(() => {
          const b = document.querySelector('.plan-gantt') as HTMLElement;
          const h = document.querySelector('.plan-gantt-window') as HTMLElement;
          const c = h.querySelector('canvas') as HTMLCanvasElement;
          return [
            b.scrollLeft,
            b.scrollTop,
            b.clientWidth,
            b.clientHeight,
            JSON.stringify(b.getBoundingClientRect()),
            JSON.stringify(h.getBoundingClientRect()),
            h.style.cssText,
            c?.width,
            c?.height,
            c?.style.cssText,
          ].join('\n');
        }),
      );
      const zooms: [string, string][] = [
        ['周', 'week'],
        ['月', 'month'],
      ];
      for (const [label, z] of zooms) {
        const t2 = Date.now();
        await drawn(() =>
          page.locator('.plan-toolbar .ant-segmented').getByText(label, { exact: true }).click(),
        );
        console.log(
          z,
          'click->drawn',
          Date.now() - t2,
          await page.locator('[data-drawn-ms]').getAttribute('data-drawn-ms'),
        );
        await page.screenshot({ path: `${shot}-${z}.png` });
      }
      const times: number[] = [];
      for (let i = 0; i < 10; i += 1) {
        await drawn(() => box.evaluate((e) => e.scrollBy({ top: 400 })));
        times.push(Number(await page.locator('[data-drawn-ms]').getAttribute('data-drawn-ms')));
      }
      console.log('scroll draws', times.join(' '));
      const [dl] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: '导出 PNG' }).click(),
      ]);
      await dl.saveAs(`${shot}-export.png`);
    }
  } finally {
    await browser.close();
    await stopHost(host.child);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
