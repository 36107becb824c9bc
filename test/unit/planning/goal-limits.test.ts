import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Goal } from '../../../core/api/planning';
import { builtinTemplates } from '../../../core/planning/builtin-templates';
import { checkGoal, goalRange } from '../../../core/planning/goal';
import type { IssueDetail } from '../../../core/shared/issues';
import { dispatch } from '../../../core/service/dispatch';
import { ApiCallError } from '../../../renderer/src/api/client';
import { describePlanningError } from '../../../renderer/src/screens/planning/text';
import { goalInputProblem } from '../../../renderer/src/screens/planning/goal';
import { translator } from '../i18n/translator';
import { callOn, testApp } from './app';

let app: Awaited<ReturnType<typeof testApp>>;
let projectId: number;

beforeEach(async () => {
  app = await testApp('2026-12-01T02:00:00Z');
  const made = await callOn(app, 'projects.createFromTemplate', {
    templateKey: 'member-day',
    anchorDay: '2026-12-12',
    scope: { storeIds: [], regions: [] },
  });
  projectId = made.project.id;
});
afterEach(() => app.cleanup());

const goal = (unit: string, target: number, baseline: number | null = null): Goal => ({
  metric: 'member_sales',
  unit,
  target,
  baseline,
  periodStart: '2026-12-12',
  periodEnd: '2026-12-19',
});

/** The refusal of a call as the host sends it back (never a stored goal). */
async function refusal(method: string, input: unknown) {
  const result = await dispatch(app.handlers, method, input);
  if (result.ok) throw new Error(`${method} was accepted`);
  return result.error as { code: string; message: string; details: { issues: IssueDetail[] } };
}

const update = (g: unknown) => refusal('projects.update', { projectId, goal: g });

async function storedGoal(): Promise<Goal | null> {
  return (await callOn(app, 'projects.get', { projectId })).project.goal;
}

describe('a goal set through the contract is range-checked like the form does', () => {
  it('refuses a negative money target and names the field, the value and the range', async () => {
    const error = await update(goal('fen', -500));
    expect(error.code).toBe('api.invalid_input');
    expect(error.details.issues).toEqual([
      expect.objectContaining({
        path: 'goal.target',
        code: 'custom',
        params: { reason: 'goal_range', value: -500, unit: 'fen', min: 0, max: 1e13 },
      }),
    ]);
    // Named in the English message too, for the CLI and the logs.
    expect(error.message).toContain('goal.target');
    expect(error.message).toContain('-500');
    expect(error.message).toContain('0 to 10000000000000');
    // The template's own goal (target 0, "not set yet") is still what is stored.
    expect((await storedGoal())?.target).toBe(0);
  });

  it('refuses a target of 0, which the console shows as "not set yet"', async () => {
    const error = await update(goal('customers', 0));
    expect(error.details.issues.map((i) => i.params.reason)).toEqual(['goal_zero']);
  });

  it('refuses an amount typed under the percentage unit (above 1,000 %)', async () => {
    const error = await update(goal('%', 2_800_000));
    expect(error.details.issues[0]!.params).toMatchObject({ reason: 'goal_range', max: 1000 });
  });

  it('refuses part-fen money and part customers, but takes a decimal growth rate', async () => {
    const fen = await update(goal('fen', 150.5));
    expect(fen.details.issues[0]!.params.reason).toBe('goal_whole');
    const customers = await update(goal('customers', 120, 12.5));
    expect(customers.details.issues[0]).toMatchObject({
      path: 'goal.baseline',
      params: { reason: 'goal_whole' },
    });
    await callOn(app, 'projects.update', { projectId, goal: goal('%', 12.5, -3.5) });
    expect((await storedGoal())?.target).toBe(12.5);
  });

  it('refuses a target equal to its baseline', async () => {
    const error = await update(goal('stores', 40, 40));
    expect(error.details.issues[0]).toMatchObject({
      path: 'goal.target',
      params: { reason: 'goal_same', value: 40 },
    });
  });

  it('refuses numbers that are not finite (an IPC call can carry them)', async () => {
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY]) {
      expect((await update(goal('fen', value))).code).toBe('api.invalid_input');
      expect((await update(goal('fen', 100, value))).code).toBe('api.invalid_input');
    }
    expect((await storedGoal())?.target).toBe(0);
  });

  it('stores a sane money goal as given, in fen', async () => {
    // ¥2,800,000 against ¥2,500,000: 280,000,000 and 250,000,000 fen.
    await callOn(app, 'projects.update', {
      projectId,
      goal: goal('fen', 280_000_000, 250_000_000),
    });
    expect(await storedGoal()).toMatchObject({ target: 280_000_000, baseline: 250_000_000 });
  });
});

describe('a goal given when a project is made from a template', () => {
  const create = (templateKey: string, extra: Record<string, unknown>) =>
    refusal('projects.createFromTemplate', {
      templateKey,
      anchorDay: '2026-12-12',
      scope: { storeIds: [], regions: [] },
      ...extra,
    });

  it("is checked in the template's unit by the core, and nothing is created", async () => {
    // staff-training's goal is a share in %: 2,800,000 is in the outer bounds, not in %.
    const error = await create('staff-training', { goalTarget: 2_800_000 });
    expect(error.code).toBe('planning.bad_goal');
    expect(error.details.issues[0]).toMatchObject({
      path: 'goalTarget',
      params: { reason: 'goal_range', value: 2_800_000, min: -100, max: 1000, unit: '%' },
    });
    expect(await callOn(app, 'projects.list', {})).toHaveLength(1);
  });

  it('refuses a negative money baseline and an absurd target at the boundary', async () => {
    const baseline = await create('member-day', { goalTarget: 100_000, goalBaseline: -1 });
    expect(baseline.details.issues[0]).toMatchObject({ path: 'goalBaseline' });
    const absurd = await create('member-day', { goalTarget: 1e15 });
    expect(absurd.code).toBe('api.invalid_input');
    expect(absurd.details.issues[0]).toMatchObject({ path: 'goalTarget', code: 'too_big' });
  });
});

describe('a template saved through the contract', () => {
  const staffTraining = builtinTemplates().find((t) => t.key === 'staff-training')!;
  const save = (goal: Partial<typeof staffTraining.goal>) =>
    dispatch(app.handlers, 'templates.save', {
      template: { ...staffTraining, key: 'my-training', goal: { ...staffTraining.goal, ...goal } },
    });

  it('keeps a target of 0 for the planner to set, and refuses an absurd one', async () => {
    expect((await save({ target: 0 })).ok).toBe(true);
    const refused = await save({ target: 2_800_000 });
    expect(refused.ok).toBe(false);
    const error = (refused as unknown as { error: { details: { issues: IssueDetail[] } } }).error;
    expect(error.details.issues[0]).toMatchObject({
      path: 'template.goal.target',
      params: { reason: 'goal_range', max: 1000 },
    });
  });
});

describe('the refusal reads as a sentence in both languages', () => {
  const refused = () => {
    try {
      checkGoal(
        { unit: 'fen', target: -500 },
        { target: 'goal.target', baseline: 'goal.baseline' },
      );
    } catch (error) {
      const e = error as { code: string; message: string; details?: Record<string, unknown> };
      return new ApiCallError(e.code, e.message, e.details);
    }
    throw new Error('expected a refusal');
  };

  it('in Chinese and in English, with the field, the value and the range', async () => {
    const zh = describePlanningError(await translator('zh-CN'), refused());
    expect(zh).toBe(
      '目标无法保存：“goal.target” 为 -500，超出单位 fen 允许的范围 0 至 10000000000000' +
        '（金额以分计）：请检查单位和数值。请修改数值后重试。',
    );
    const en = describePlanningError(await translator('en'), refused());
    expect(en).toBe(
      'The goal cannot be stored: "goal.target" is -500, outside 0 to 10000000000000 for the ' +
        'unit fen (money in fen): check the unit and the number. Correct the value and try again.',
    );
  });
});

describe("the form's checks follow the core's limits", () => {
  it('names the same problems for the values the core refuses', () => {
    // Money is typed in yuan: ¥100,000,000,000 = 1e13 fen is the largest; one yuan more is not.
    expect(goalRange('fen').max).toBe(1e13);
    expect(goalInputProblem('fen', 100_000_000_000, 'target')).toBeNull();
    expect(goalInputProblem('fen', 100_000_000_001, 'target')).toBe('tooBig');
    expect(goalInputProblem('stores', 0, 'target')).toBe('zero');
    expect(goalInputProblem('stores', 0, 'baseline')).toBeNull();
    expect(goalInputProblem('customers', 500, 'target', 500)).toBe('same');
    expect(goalInputProblem('customers', 501, 'target', 500)).toBeNull();
    expect(goalInputProblem('%', -100.5, 'target')).toBe('percentRange');
  });

  it("gives a template's own unit the widest bounds, whatever its name", () => {
    for (const unit of ['visits', 'constructor', 'toString']) {
      expect(goalRange(unit), unit).toEqual({ min: 0, max: 1e12, whole: false });
    }
  });
});
