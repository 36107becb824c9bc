import { describe, expect, it } from 'vitest';
import type { Goal } from '../../../core/planning/types';
import { goalTarget } from '../../../renderer/src/screens/planning/text';
import { translator } from '../i18n/translator';

const memberSales = (target: number): Goal => ({
  metric: 'member_sales',
  unit: 'fen',
  baseline: null,
  target,
  periodStart: '2026-12-05',
  periodEnd: '2026-12-12',
});

describe("a project goal's target as shown", () => {
  it('reads "not set yet" for the 0 a template leaves to the planner, not "0 yuan"', async () => {
    expect(goalTarget(await translator('zh-CN'), memberSales(0))).toBe('目标待定');
    expect(goalTarget(await translator('en'), memberSales(0))).toBe('target not set yet');
  });

  it('shows a target that was set, in yuan (5,000,000 fen is 50,000 yuan)', async () => {
    expect(goalTarget(await translator('zh-CN'), memberSales(5_000_000))).toBe('50,000 元');
  });
});
