import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProjectView } from '../../../core/api/planning';
import { dispatch } from '../../../core/service/dispatch';
import { canonicalGoalUnit, goalRange, goalUnitProblem } from '../../../core/planning/goal';
import type { IssueDetail } from '../../../core/shared/issues';
import { describeIssue } from '../../../renderer/src/i18n/errors';
import { translator } from '../i18n/translator';
import { callOn, testApp } from './app';

// Breaker9: a goal period that ends before it starts, and odd goal units.

let app: Awaited<ReturnType<typeof testApp>>;
let view: ProjectView;
beforeEach(async () => {
  app = await testApp('2026-12-04T02:00:00Z');
  view = await callOn(app, 'projects.createFromTemplate', {
    templateKey: 'customer-win-back',
    anchorDay: '2026-12-05',
  });
});
afterEach(() => app.cleanup());

const goal = (unit: string, target: number, start = '2026-12-12', end = '2026-12-19') => ({
  metric: 'member_sales',
  unit,
  target,
  baseline: null,
  periodStart: start,
  periodEnd: end,
});
const update = (g: ReturnType<typeof goal>) =>
  dispatch(app.handlers, 'projects.update', { projectId: view.project.id, goal: g });
const issuesOf = (r: Awaited<ReturnType<typeof update>>) =>
  r.ok ? [] : ((r.error.details as { issues: IssueDetail[] }).issues ?? []);
const storedUnit = async () =>
  (await callOn(app, 'projects.get', { projectId: view.project.id })).project.goal?.unit;

describe('a goal period', () => {
  it('is refused when it ends before it starts, naming both days', async () => {
    const r = await update(goal('fen', 100_000, '2026-12-20', '2026-12-01'));
    expect(r.ok).toBe(false);
    const [issue] = issuesOf(r);
    expect(issue).toMatchObject({
      params: { reason: 'goal_period', start: '2026-12-20', end: '2026-12-01' },
    });
    const en = describeIssue(await translator('en'), issue!);
    expect(en).toContain('2026-12-01');
    expect(en).toContain('2026-12-20');
    const zh = describeIssue(await translator('zh-CN'), issue!);
    expect(zh).toContain('结束日 2026-12-01 早于开始日 2026-12-20');
  });

  it('may be a single day', async () => {
    expect((await update(goal('fen', 100_000, '2026-12-12', '2026-12-12'))).ok).toBe(true);
  });
});

describe('a goal unit', () => {
  it('is read trimmed and NFKC: "fen " is fen, "％" is %, "FEN" is fen', () => {
    expect(canonicalGoalUnit('fen ')).toBe('fen');
    expect(canonicalGoalUnit('FEN')).toBe('fen');
    // U+FF05 FULLWIDTH PERCENT SIGN; NFKC maps it to U+0025.
    expect(canonicalGoalUnit('\uff05')).toBe('%');
    expect(goalRange('fen ')).toEqual(goalRange('fen'));
    expect(goalRange('\uff05')).toEqual({ min: -100, max: 1000, whole: false });
  });

  it('keeps money whole fen however the unit is spaced, and stores it as fen', async () => {
    // 12.5 fen is half a fen: refused in "fen" and in "fen " alike.
    expect([(await update(goal('fen', 12.5))).ok, (await update(goal('fen ', 12.5))).ok]).toEqual([
      false,
      false,
    ]);
    expect((await update(goal(' fen ', 100_000))).ok).toBe(true);
    expect(await storedUnit()).toBe('fen');
  });

  it('refuses an empty unit and money named in yuan, with the step to take', async () => {
    expect(goalUnitProblem('')).toBe('unit_empty');
    expect(goalUnitProblem('  ')).toBe('unit_empty');
    expect(goalUnitProblem('元')).toBe('unit_money');
    expect(goalUnitProblem('Yuan')).toBe('unit_money');
    const empty = await update(goal('', 100));
    expect(issuesOf(empty)[0]).toMatchObject({ params: { reason: 'goal_unit_empty' } });
    const yuan = await update(goal('元', 1000));
    expect(issuesOf(yuan)[0]).toMatchObject({ params: { reason: 'goal_unit_money', unit: '元' } });
    const en = describeIssue(await translator('en'), issuesOf(yuan)[0]!);
    expect(en).toContain('write the unit fen and the amount × 100');
  });

  it('keeps a unit a template declares, with the loose limits of other units', async () => {
    // "times" is a KPI unit of a built-in template: 2.5 times is a fine value.
    expect(goalUnitProblem('times')).toBeNull();
    expect((await update(goal('times', 2.5))).ok).toBe(true);
    expect(await storedUnit()).toBe('times');
  });
});
