import { CoreError } from '../shared/errors';
import type { IssueDetail } from '../shared/issues';

/** The two numbers of a project's goal that a planner types. */
export type GoalField = 'target' | 'baseline';

/**
 * The values a goal in one unit may take, as stored: money in whole fen, a percentage
 * (a growth rate or a share), whole customers or stores. A template may name a unit of
 * its own; such a goal only has to be a number from 0 to the largest bound.
 */
export interface GoalRange {
  min: number;
  max: number;
  whole: boolean;
}

// ¥100 billion: more than a year of sales of the largest chain; more is a typing slip.
const maxFen = 10_000_000_000_000;
// A Map, so that a unit named like an object's own property (`constructor`) is just unknown.
const ranges = new Map<string, GoalRange>([
  ['fen', { min: 0, max: maxFen, whole: true }],
  // A growth rate cannot fall below -100 %; 1,000 % is already a tenfold growth.
  ['%', { min: -100, max: 1000, whole: false }],
  ['customers', { min: 0, max: 1_000_000_000, whole: true }],
  ['stores', { min: 0, max: 100_000, whole: true }],
]);
const otherUnit: GoalRange = { min: 0, max: 1_000_000_000_000, whole: false };

/** Bounds that hold in every unit: a value outside them is refused before its unit is known. */
export const goalBounds = { min: ranges.get('%')!.min, max: maxFen } as const;

// Money named as shown, not as stored: a goal in yuan would be read as fen, 100 times too small.
const moneyNames = new Set(['元', 'yuan', '¥', 'rmb', 'cny', '人民币']);

/**
 * A goal's unit as stored and compared: NFKC (the full-width `％` is `%`), trimmed, and a
 * known unit in any case of letters (`FEN`, `fen ` are `fen`). Any other unit (one a
 * template declares, e.g. `times`) is kept as written after NFKC and trimming.
 */
export function canonicalGoalUnit(unit: string): string {
  const plain = unit.normalize('NFKC').trim();
  const lower = plain.toLowerCase();
  return ranges.has(lower) ? lower : plain;
}

/**
 * Why a goal's unit cannot be stored, or null: empty (nothing says what the numbers count),
 * or money named in yuan (`元`, `yuan`, `¥`, `RMB`, `CNY`): money goals are kept in fen,
 * and a target typed in yuan under unit "fen" would be 100 times too small, so such a unit
 * is refused with the step to take (unit "fen", the amount × 100) rather than guessed.
 */
export function goalUnitProblem(unit: string): 'unit_empty' | 'unit_money' | null {
  const canonical = canonicalGoalUnit(unit);
  if (canonical === '') return 'unit_empty';
  return moneyNames.has(canonical.toLowerCase()) ? 'unit_money' : null;
}

/**
 * The allowed values of a goal's target or baseline in a unit (one source for core and form),
 * the unit read as `canonicalGoalUnit` does: `fen ` takes whole fen like `fen`.
 */
export function goalRange(unit: string): GoalRange {
  return ranges.get(canonicalGoalUnit(unit)) ?? otherUnit;
}

/**
 * Why a goal value cannot be stored: outside its unit's range (or not a finite number),
 * not whole where the unit counts whole fen, customers or stores, a target of 0 (which
 * reads "not set yet"), or a target equal to its baseline (nothing to reach). Why a goal
 * cannot be stored whatever its values: its unit (`goalUnitProblem`), or a period that
 * ends before it starts.
 */
export type GoalValueProblem = 'range' | 'whole' | 'zero' | 'same';
export type GoalProblem = GoalValueProblem | 'unit_empty' | 'unit_money' | 'period';

/** The part of a goal an issue is about. */
export type GoalIssueField = GoalField | 'unit' | 'periodEnd';

export interface GoalIssue {
  field: GoalIssueField;
  problem: GoalProblem;
  value: number;
  unit: string;
  min: number;
  max: number;
  /** The period's first and last days, for a period that ends before it starts. */
  period?: { start: string; end: string };
  /** English, naming the field, the value and what is allowed. */
  message: string;
}

/** The problem of one value of a goal, or null when it can be stored. */
export function goalValueProblem(
  unit: string,
  field: GoalField,
  value: number,
): Exclude<GoalValueProblem, 'same'> | null {
  const range = goalRange(unit);
  if (!Number.isFinite(value) || value < range.min || value > range.max) return 'range';
  if (range.whole && !Number.isInteger(value)) return 'whole';
  if (field === 'target' && value === 0) return 'zero';
  return null;
}

/** A goal as checked: its unit, the values given, and its period when it has one. */
export interface GoalToCheck {
  unit: string;
  target?: number;
  baseline?: number | null;
  periodStart?: string;
  periodEnd?: string;
}

/**
 * Every problem of a goal: its unit (`goalUnitProblem`), a period ending before it starts
 * (days 'YYYY-MM-DD' compare as text), and its target and baseline in its unit. A target
 * left out (a project made from a template without one) is not checked. An empty unit is
 * refused only in a project's goal (one with its period): a template's goal may leave it
 * for the planner to fill in, as a template's target of 0 is "set it when planning".
 */
export function goalIssues(goal: GoalToCheck): GoalIssue[] {
  const issues: GoalIssue[] = [];
  const { unit, target, baseline, periodStart, periodEnd } = goal;
  const found = goalUnitProblem(unit);
  const unitProblem = found === 'unit_empty' && periodStart === undefined ? null : found;
  if (unitProblem) issues.push(issue(unit, 'unit', unitProblem, 0));
  if (periodStart !== undefined && periodEnd !== undefined && periodEnd < periodStart) {
    const period = { start: periodStart, end: periodEnd };
    const message =
      `the period ends on ${periodEnd}, before it starts on ${periodStart}: ` +
      'make the last day the same as or after the first';
    issues.push({ ...issue(unit, 'periodEnd', 'period', 0), period, message });
  }
  if (unitProblem) return issues;
  if (target !== undefined) {
    const problem = goalValueProblem(unit, 'target', target);
    if (problem) issues.push(issue(unit, 'target', problem, target));
  }
  if (baseline !== undefined && baseline !== null) {
    const problem = goalValueProblem(unit, 'baseline', baseline);
    if (problem) issues.push(issue(unit, 'baseline', problem, baseline));
  }
  const valueIssues = issues.filter((i) => i.field === 'target' || i.field === 'baseline');
  if (valueIssues.length === 0 && target !== undefined && target === baseline) {
    issues.push(issue(unit, 'target', 'same', target));
  }
  return issues;
}

/**
 * A goal problem as a contract check's custom issue: the English message, and the
 * reason (`errors.issue.custom.goal_<problem>`) with the values its sentence names.
 */
export function goalIssueParams(issue: GoalIssue): {
  message: string;
  params: { reason: string; value: number; unit: string; min: number; max: number } & {
    start?: string;
    end?: string;
  };
} {
  const { value, unit, min, max, period } = issue;
  const days = period ? { start: period.start, end: period.end } : {};
  return {
    message: issue.message,
    params: { reason: `goal_${issue.problem}`, value, unit, min, max, ...days },
  };
}

/**
 * Refuses a goal that cannot be stored, naming each field, its value and the allowed
 * range. `paths` says how the caller named the fields (`goalTarget` or `goal.target`);
 * the unit and the period are named `goal.unit` and `goal.periodEnd`.
 */
export function checkGoal(goal: GoalToCheck, paths: Record<GoalField, string>): void {
  const issues = goalIssues(goal);
  if (issues.length === 0) return;

  const pathOf = (field: GoalIssueField) =>
    field === 'target' || field === 'baseline' ? paths[field] : `goal.${field}`;
  const details: IssueDetail[] = issues.map((i) => ({
    path: pathOf(i.field),
    code: 'custom',
    ...goalIssueParams(i),
  }));
  const text = details.map((d) => `${d.path}: ${d.message}`).join('; ');
  throw new CoreError('planning.bad_goal', `The goal cannot be stored: ${text}.`, {
    issues: details,
  });
}

function issue(
  unit: string,
  field: GoalIssueField,
  problem: GoalProblem,
  value: number,
): GoalIssue {
  const range = goalRange(unit);
  const bounds = `${range.min} to ${range.max}`;
  const inUnit = `in unit "${unit}"`;
  const messages: Record<GoalProblem, string> = {
    unit_empty: 'the unit is empty: write fen, %, customers, stores or a unit of the template',
    unit_money: `unit "${unit}" is money in yuan: write unit "fen" and the amount × 100`,
    period: 'the period ends before it starts',
    range: `${field} ${value} is outside ${bounds} ${inUnit}`,
    whole: `${field} ${value} must be a whole number ${inUnit} (${bounds}; money in fen)`,
    zero: `${field} 0 reads "not set yet": write a target other than 0 (${bounds} ${inUnit})`,
    same: `${field} ${value} equals the baseline: a target must differ from its baseline`,
  };
  return {
    field,
    problem,
    value,
    unit,
    min: range.min,
    max: range.max,
    message: messages[problem],
  };
}
