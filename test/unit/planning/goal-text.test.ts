import { describe, expect, it } from 'vitest';
import type { Goal } from '../../../core/planning/types';
import {
  goalInputProblem,
  goalTarget,
  goalWithBaseline,
  storedGoalValue,
} from '../../../renderer/src/screens/planning/goal';
import { translator } from '../i18n/translator';

const goal = (unit: string, target: number, baseline: number | null = null): Goal => ({
  metric: 'member_sales',
  unit,
  baseline,
  target,
  periodStart: '2026-12-05',
  periodEnd: '2026-12-12',
});
const memberSales = (target: number) => goal('fen', target);

describe("a project goal's target as shown", () => {
  it('reads "not set yet" for the 0 a template leaves to the planner, not "0 yuan"', async () => {
    expect(goalTarget(await translator('zh-CN'), 'zh-CN', memberSales(0))).toBe('目标待定');
    expect(goalTarget(await translator('en'), 'en', memberSales(0))).toBe('target not set yet');
  });

  it('shows a target that was set as money (5,000,000 fen is 50,000 yuan)', async () => {
    expect(goalTarget(await translator('zh-CN'), 'zh-CN', memberSales(5_000_000))).toBe(
      '¥50,000.00',
    );
  });

  it('shows money beside its baseline with the change: 2.8M vs 2.5M yuan is +12 %', async () => {
    // (2,800,000 - 2,500,000) / 2,500,000 = 0.12; both kept in fen (× 100).
    const sales = goal('fen', 280_000_000, 250_000_000);
    expect(goalWithBaseline(await translator('en'), 'en', sales)).toBe(
      'CN¥2,800,000.00 vs CN¥2,500,000.00 baseline (+12%)',
    );
    expect(goalWithBaseline(await translator('zh-CN'), 'zh-CN', sales)).toBe(
      '¥2,800,000.00（基线 ¥2,500,000.00，+12%）',
    );
  });

  it('shows a growth goal as a signed percentage, and a count with its unit', async () => {
    const en = await translator('en');
    expect(goalWithBaseline(en, 'en', goal('%', 40, 10))).toBe('+40% vs +10% baseline');
    // 1,200 vs 1,000 customers: +200 / 1,000 = +20 %.
    expect(goalWithBaseline(en, 'en', goal('customers', 1200, 1000))).toBe(
      '1,200 customers vs 1,000 customers baseline (+20%)',
    );
  });
});

describe('a goal value as typed in the new-project form', () => {
  it('refuses an amount typed as a percentage instead of reading 2,800,000 %', () => {
    expect(goalInputProblem('%', 2_800_000)).toBe('percentRange');
    expect(goalInputProblem('%', 40)).toBeNull();
    expect(goalInputProblem('%', -5)).toBeNull();
  });

  it('takes yuan to the fen and refuses a third decimal rather than rounding it', () => {
    expect(goalInputProblem('fen', 2_500_000)).toBeNull();
    expect(goalInputProblem('fen', 19.99)).toBeNull();
    expect(storedGoalValue('fen', 19.99)).toBe(1999);
    expect(goalInputProblem('fen', 1.005)).toBe('moneyCents');
    expect(goalInputProblem('fen', -1)).toBe('negative');
  });

  it('counts customers and stores in whole numbers', () => {
    expect(goalInputProblem('stores', 80)).toBeNull();
    expect(goalInputProblem('stores', 80.5)).toBe('whole');
  });
});
