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

/** The allowed values of a goal's target or baseline in a unit (one source for core and form). */
export function goalRange(unit: string): GoalRange {
  return ranges.get(unit) ?? otherUnit;
}

/**
 * Why a goal value cannot be stored: outside its unit's range (or not a finite number),
 * not whole where the unit counts whole fen, customers or stores, a target of 0 (which
 * reads "not set yet"), or a target equal to its baseline (nothing to reach).
 */
export type GoalProblem = 'range' | 'whole' | 'zero' | 'same';

export interface GoalIssue {
  field: GoalField;
  problem: GoalProblem;
  value: number;
  unit: string;
  min: number;
  max: number;
  /** English, naming the field, the value and what is allowed. */
  message: string;
}

/** The problem of one value of a goal, or null when it can be stored. */
export function goalValueProblem(
  unit: string,
  field: GoalField,
  value: number,
): GoalProblem | null {
  const range = goalRange(unit);
  if (!Number.isFinite(value) || value < range.min || value > range.max) return 'range';
  if (range.whole && !Number.isInteger(value)) return 'whole';
  if (field === 'target' && value === 0) return 'zero';
  return null;
}

/**
 * Every problem of a goal's target and baseline in its unit. A target left out (a
 * project made from a template without one) is not checked.
 */
export function goalIssues(goal: {
  unit: string;
  target?: number;
  baseline?: number | null;
}): GoalIssue[] {
  const issues: GoalIssue[] = [];
  const { unit, target, baseline } = goal;
  if (target !== undefined) {
    const problem = goalValueProblem(unit, 'target', target);
    if (problem) issues.push(issue(unit, 'target', problem, target));
  }
  if (baseline !== undefined && baseline !== null) {
    const problem = goalValueProblem(unit, 'baseline', baseline);
    if (problem) issues.push(issue(unit, 'baseline', problem, baseline));
  }
  if (issues.length === 0 && target !== undefined && target === baseline) {
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
  params: { reason: string; value: number; unit: string; min: number; max: number };
} {
  const { value, unit, min, max } = issue;
  return {
    message: issue.message,
    params: { reason: `goal_${issue.problem}`, value, unit, min, max },
  };
}

/**
 * Refuses a goal that cannot be stored, naming each field, its value and the allowed
 * range. `paths` says how the caller named the fields (`goalTarget` or `goal.target`).
 */
export function checkGoal(
  goal: { unit: string; target?: number; baseline?: number | null },
  paths: Record<GoalField, string>,
): void {
  const issues = goalIssues(goal);
  if (issues.length === 0) return;

  const details: IssueDetail[] = issues.map((i) => ({
    path: paths[i.field],
    code: 'custom',
    ...goalIssueParams(i),
  }));
  const text = details.map((d) => `${d.path}: ${d.message}`).join('; ');
  throw new CoreError('planning.bad_goal', `The goal cannot be stored: ${text}.`, {
    issues: details,
  });
}

function issue(unit: string, field: GoalField, problem: GoalProblem, value: number): GoalIssue {
  const range = goalRange(unit);
  const bounds = `${range.min} to ${range.max}`;
  const inUnit = `in unit "${unit}"`;
  const messages: Record<GoalProblem, string> = {
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
