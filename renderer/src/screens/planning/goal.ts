import type { TFunction } from 'i18next';
import type { Goal } from '../../../../core/api/planning';
import { goalRange, goalValueProblem } from '../../../../core/api/planning';
import type { GoalField } from '../../../../core/api/planning';
import { formatNumber, formatYuan } from '../../shell/format';
import type { Locale } from '../../i18n';

/** The units a goal is entered in: money (kept in fen, typed in yuan), a growth rate, counts. */
export const goalUnits = ['fen', '%', 'customers', 'stores'] as const;

/** Why a typed goal value cannot be taken as it is (an i18n key under planning.goal.bad). */
export type GoalInputProblem =
  'percentRange' | 'moneyCents' | 'negative' | 'whole' | 'tooBig' | 'zero' | 'same';

/**
 * Checks a baseline or target as typed in its unit, by the core's own rule (so the form
 * and the contract refuse the same values); nothing is rounded behind the planner's back.
 * A percentage is a growth rate or a share (-100 to 1,000 %): 2,800,000 % is an amount
 * typed under the wrong unit. Money has at most 2 decimals (fen); counts are whole; a
 * target is not 0 ("not set yet") and differs from the baseline.
 */
export function goalInputProblem(
  unit: string,
  value: number,
  field: GoalField = 'baseline',
  baseline: number | null = null,
): GoalInputProblem | null {
  if (unit === 'fen' && !Number.isInteger(Math.round(value * 1e6) / 1e4)) return 'moneyCents';

  const stored = storedGoalValue(unit, value);
  const problem = goalValueProblem(unit, field, stored);
  if (problem === 'range') {
    if (unit === '%') return 'percentRange';
    return stored < goalRange(unit).min ? 'negative' : 'tooBig';
  }
  if (problem) return problem;

  const same =
    field === 'target' && baseline !== null && stored === storedGoalValue(unit, baseline);
  return same ? 'same' : null;
}

/** The largest goal value in a unit, as typed (yuan for money): named when a value is over it. */
export function largestGoalValue(unit: string): number {
  return typedGoalValue(unit, goalRange(unit).max);
}

/** A typed value as stored: yuan → fen for money, the number itself otherwise. */
export function storedGoalValue(unit: string, value: number): number {
  return unit === 'fen' ? Math.round(value * 100) : value;
}

/** A stored value as typed back into the form: fen → yuan for money. */
export function typedGoalValue(unit: string, value: number): number {
  return unit === 'fen' ? value / 100 : value;
}

/** One goal value in its unit: money as money (¥), a growth rate with its sign, a count. */
export function goalValue(t: TFunction, locale: Locale, goal: Goal, value: number | null): string {
  if (value === null) return '—';
  if (goal.unit === 'fen') return formatYuan(value, locale);
  if (goal.unit === '%') return `${value > 0 ? '+' : ''}${formatNumber(value, locale)}%`;
  return `${formatNumber(value, locale)} ${t(`planning.unit.${goal.unit}`, goal.unit)}`;
}

/**
 * A goal's target as shown. Templates leave the target at 0 for the planner to set (a
 * member day's sales depend on the store), so 0 reads "not set yet" rather than "0 yuan".
 */
export function goalTarget(t: TFunction, locale: Locale, goal: Goal): string {
  return goal.target === 0 ? t('planning.goalUnset') : goalValue(t, locale, goal, goal.target);
}

/**
 * The target beside its baseline: "¥2,800,000.00 vs ¥2,500,000.00 baseline (+12%)" for
 * money and counts; a growth rate's baseline is a rate too, so no change is worked out.
 */
export function goalWithBaseline(t: TFunction, locale: Locale, goal: Goal): string {
  const target = goalTarget(t, locale, goal);
  if (goal.baseline === null) return target;

  const baseline = goalValue(t, locale, goal, goal.baseline);
  const change =
    goal.unit !== '%' && goal.baseline !== 0 && goal.target !== 0
      ? changeText(locale, (goal.target - goal.baseline) / goal.baseline)
      : null;
  return change
    ? t('planning.goal.vsBaselineChange', { target, baseline, change })
    : t('planning.goal.vsBaseline', { target, baseline });
}

function changeText(locale: Locale, share: number): string {
  const text = new Intl.NumberFormat(locale === 'zh-CN' ? 'zh-CN' : 'en-US', {
    style: 'percent',
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  }).format(share);
  return text;
}
