import { describe, expect, it } from 'vitest';
import { builtinTemplates } from '../../../core/planning/builtin-templates';
import { instantiate, projectToTemplate } from '../../../core/planning/instantiate';
import { parseTemplate } from '../../../core/planning/templates';
import type { Template } from '../../../core/planning/templates';

const byKey = (key: string): Template => builtinTemplates().find((t) => t.key === key)!;
const scope = { storeIds: [11, 12], regions: ['华东'] };

describe('the built-in templates', () => {
  it('ship at least eleven valid templates with Chinese and English names', () => {
    const all = builtinTemplates();
    expect(all.length).toBeGreaterThanOrEqual(11);
    for (const t of all) {
      expect(t.nameZh).toMatch(/[\u4e00-\u9fff]/);
      expect(t.nameEn).toMatch(/[A-Za-z]/);
      expect(t.kpis.reduce((s, k) => s + k.weight, 0)).toBe(100);
    }
  });

  it('shape the quarterly sales push as 3 phases and 12 tasks with its targets', () => {
    const t = byKey('quarterly-sales-push');
    expect([t.phases.length, t.tasks.length]).toEqual([3, 12]);
    const task = (key: string) => t.tasks.find((x) => x.key === key)!;
    expect(task('exposure').links).toMatchObject({ reach: 1_000_000, tagKey: 'high-value-active' });
    expect(task('hero-stock').links.quantity).toBe(30_000);
    expect(task('re-merchandise').links.storeTarget).toBe(80);
    // Material design comes before logistics, through the production step.
    expect(task('material-production').dependsOn).toContainEqual({
      task: 'material-design',
      type: 'FS',
      lag: 0,
    });
    expect(task('logistics').dependsOn.map((d) => d.task)).toContain('material-production');
  });

  it('run the member day from D-15 to D+7', () => {
    const offsets = byKey('member-day').tasks.map((t) => t.offset);
    expect([Math.min(...offsets), Math.max(...offsets)]).toEqual([-15, 7]);
  });
});

describe('dating a template around weekends and holidays in Asia/Shanghai', () => {
  it('places the customer win-back around Mid-Autumn and National Day 2026', () => {
    // Anchor D = Mon 2026-10-05. Days off (2026 arrangement as shipped): Fri 25 Sep
    // (Mid-Autumn), Thu 1 – Wed 7 Oct (National Day and bridge days), weekends except
    // the make-up Sat 10 Oct. Worked by hand:
    // audience D-10 = Fri 25 Sep, a holiday before D → previous working day Thu 24.
    // offer D-9 = Sat 26 → Thu 24, but after audience (FS) → Mon 28; 2 days: 28, 29.
    // copy FS offer → Wed 30; 3 days: Wed 30, Thu 8, Fri 9 Oct.
    // store-ready D-4 = Thu 1 Oct → Wed 30 Sep; after offer (ends Tue 29): stays Wed 30.
    // wave-1 D+0 = Mon 5 (off, from D on → Thu 8), after copy (ends Fri 9) → Sat 10.
    // wave-2 FS+4 after wave-1: Mon 12 +0, Tue 13 +1, Wed 14 +2, Thu 15 +3, Fri 16 +4.
    // tracking SS wave-1 → Sat 10; 20 days: Sat 10, 12–16, 19–23, 26–30, 2–5 Nov,
    // ends Thu 5 Nov; review D+28 = Mon 2 Nov → Fri 6.
    const p = instantiate(byKey('customer-win-back'), { anchorDay: '2026-10-05', scope });
    const start = Object.fromEntries(p.tasks.map((t) => [t.key, t.start]));
    expect(start).toEqual({
      audience: '2026-09-24',
      offer: '2026-09-28',
      copy: '2026-09-30',
      'store-ready': '2026-09-30',
      'wave-1': '2026-10-10',
      'wave-2': '2026-10-16',
      tracking: '2026-10-10',
      review: '2026-11-06',
    });
    expect(p.tasks.find((t) => t.key === 'store-ready')!.links.storeIds).toEqual([11, 12]);
  });

  it('keeps the member day on calendar days, so D can be a Saturday', () => {
    // D = Sat 2026-12-12; the member-day calendar has no days off.
    const p = instantiate(byKey('member-day'), { anchorDay: '2026-12-12', scope });
    const start = (key: string) => p.tasks.find((t) => t.key === key)!.start;
    expect([start('theme'), start('event-day'), start('archive')]).toEqual([
      '2026-11-27',
      '2026-12-12',
      '2026-12-19',
    ]);
    expect(p.goal).toMatchObject({ periodStart: '2026-12-12', periodEnd: '2026-12-19' });
  });
});

describe('saving a project as a template', () => {
  it('keeps offsets and dependencies, and dates the same when instantiated again', () => {
    const p = instantiate(byKey('quarterly-sales-push'), { anchorDay: '2027-01-04', scope });
    const ids = new Map(p.tasks.map((t, i) => [t.key, i + 1]));
    const saved = projectToTemplate(
      {
        ...p,
        phases: p.phases.map((ph, i) => ({ id: i + 1, ...ph })),
        tasks: p.tasks.map((t, i) => ({
          ...t,
          id: i + 1,
          phaseId: p.phases.findIndex((ph) => ph.key === t.phaseKey) + 1,
        })),
        dependencies: p.dependencies.map((d) => ({
          predecessorId: ids.get(d.predecessorKey)!,
          successorId: ids.get(d.successorKey)!,
          type: d.type,
          lag: d.lag,
        })),
      },
      { key: 'my-push', version: 1, nameZh: '我的冲刺', nameEn: 'My push', anchorKind: 'T' },
    );
    const deps = (t: Template) =>
      t.tasks.flatMap((x) => x.dependsOn.map((d) => `${d.task}>${x.key}:${d.type}${d.lag}`));
    expect(deps(saved).sort()).toEqual(deps(byKey('quarterly-sales-push')).sort());

    const again = instantiate(saved, { anchorDay: '2027-01-04', scope });
    expect(again.tasks.map((t) => t.start)).toEqual(p.tasks.map((t) => t.start));
  });

  it('refuses a template whose dependencies form a cycle, naming it', () => {
    const raw = structuredClone(byKey('staff-training')) as Template;
    raw.tasks[0]!.dependsOn = [{ task: 'assess', type: 'FS', lag: 0 }];
    expect(() => parseTemplate(raw, 'test')).toThrow(
      '培训需求调研 → 课程与考题设计 → 讲师与场地安排 → 报名通知与排班 → 集中培训',
    );
  });
});
