import type { TFunction } from 'i18next';
import type { RowError, UnusableMapping } from '../../../core/api/imports';
import type { RuleField } from '../../../core/api/rules';
import type { IssueDetail } from '../../../core/shared/issues';
import { ApiCallError } from '../api/client';
import type { Locale } from './index';

/**
 * Turns a failure into a sentence in the person's language with a next step: an i18n
 * key per core error code (`errors.<code>`) filled with the failure's details, falling
 * back to the core's English message. `extra` lets a screen put a detail into its own
 * words first (planning names the holds of a frozen task).
 */
export function describeError(
  t: TFunction,
  error: unknown,
  extra: Record<string, unknown> = {},
): string {
  const coded = codedError(error);
  if (coded) {
    const params = { ...detailParams(t, coded.details ?? {}), message: coded.message, ...extra };
    const sentence = t(`errors.${coded.code}`, { ...params, defaultValue: '' });
    return sentence || coded.message;
  }
  if (error instanceof Error) return t('errors.unexpected', { message: error.message });
  return t('errors.unexpected', { message: String(error) });
}

/** The error's code, when it has one (used to choose how a screen reacts). */
export function errorCode(error: unknown): string | null {
  return error instanceof ApiCallError ? error.code : null;
}

/**
 * A rule refusal names its field by key (`lastOrderDays`); the rule builder knows the
 * field's name on screen. Pass the result as `extra` to `describeError`.
 */
export function ruleFieldName(
  error: unknown,
  fields: readonly RuleField[],
  locale: Locale,
): Record<string, unknown> {
  const key = error instanceof ApiCallError ? error.details?.field : undefined;
  const field = fields.find((f) => f.key === key);
  if (!field) return {};
  return { field: locale === 'zh-CN' ? field.labelZh : field.labelEn };
}

/** Why a saved column mapping cannot be used, in the person's language. */
export function describeUnusableMapping(t: TFunction, mapping: UnusableMapping): string {
  return describeProblem(t, mapping.reason) || mapping.problem;
}

/**
 * One validation failure as a clause: where, and what is wrong there. A template's
 * issues name their path as a list of keys; the contract's, as dotted text.
 */
export function describeIssue(t: TFunction, issue: IssueDetail): string {
  const raw: unknown = issue.path;
  const path = Array.isArray(raw) ? raw.join('.') : String(raw ?? '');
  const where = path ? t('errors.issue.at', { path }) : t('errors.root');
  const params: Record<string, unknown> = { ...listParams(t, issue.params ?? {}), path: where };
  if (typeof issue.params?.expected === 'string') {
    params.expected = t(`errors.type.${issue.params.expected}`, issue.params.expected);
  }
  // A format's name (zod's word: datetime, email…) in the person's language.
  if (typeof issue.params?.format === 'string') {
    params.format = t(`errors.format.${issue.params.format}`, issue.params.format);
  }
  const sentence = t(issueKey(issue), { ...params, defaultValue: '' });
  return sentence || `${path || t('errors.root')}: ${issue.message}`;
}

interface Coded {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

/**
 * A failure that carries a code: one the host sent back, or a CoreError thrown by core
 * code that runs in the page (the planning grid reads predecessors before sending them).
 */
function codedError(error: unknown): Coded | null {
  if (error instanceof ApiCallError) return error;
  if (!(error instanceof Error) || !('code' in error) || typeof error.code !== 'string') {
    return null;
  }
  const details = 'details' in error ? error.details : undefined;
  const isRecord = typeof details === 'object' && details !== null;
  return {
    code: error.code,
    message: error.message,
    details: isRecord ? (details as Record<string, unknown>) : undefined,
  };
}

/** The details a sentence names, in words: lists joined, codes translated. */
function detailParams(t: TFunction, details: Record<string, unknown>): Record<string, unknown> {
  const params = listParams(t, details);
  if (Array.isArray(details.issues)) {
    const issues = details.issues as IssueDetail[];
    params.issues = issues.map((i) => describeIssue(t, i)).join(t('errors.list.clauses'));
  }
  if (isProblem(details.problem)) params.problem = describeProblem(t, details.problem);
  if (typeof details.cmp === 'string') params.cmp = t(`cmp.${details.cmp}`, details.cmp);
  if (typeof details.rowKind === 'string') {
    params.rowKind = t(`import.rowKind.${details.rowKind}`, details.rowKind);
  }
  if (Array.isArray(details.fields)) params.fields = fieldList(t, details.fields, details.anyOf);
  return params;
}

/** Primitives as they are, lists of them joined ("“a”、“b”"); anything else is left out. */
function listParams(t: TFunction, values: Record<string, unknown>): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    if (Array.isArray(value)) {
      if (value.every((v) => v === null || typeof v !== 'object')) {
        params[key] = quotedList(t, value as unknown[]);
      }
    } else if (value === null || typeof value !== 'object') {
      params[key] = value;
    }
  }
  return params;
}

/** Import fields by their names on screen: each one needed, then "one of these" if any. */
function fieldList(t: TFunction, each: unknown[], oneOf: unknown): string {
  const label = (f: unknown) =>
    t('errors.list.quoted', { value: t(`field.${String(f)}`, String(f)) });
  const parts = each.map(label);
  if (Array.isArray(oneOf) && oneOf.length > 0) {
    parts.push(oneOf.map(label).join(t('errors.list.or')));
  }
  return parts.join(t('errors.list.separator'));
}

function quotedList(t: TFunction, values: readonly unknown[]): string {
  return values
    .map((v) => (typeof v === 'string' ? t('errors.list.quoted', { value: v }) : String(v)))
    .join(t('errors.list.separator'));
}

type Problem = { code: string; issue?: IssueDetail | null } & Record<string, unknown>;

function isProblem(value: unknown): value is Problem {
  return typeof value === 'object' && value !== null && 'code' in value;
}

function describeProblem(t: TFunction, problem: Problem): string {
  const issue = problem.issue ? describeIssue(t, problem.issue) : '';
  return t(`errors.problem.${problem.code}`, {
    ...listParams(t, problem),
    issue,
    defaultValue: '',
  });
}

/** The key of an issue's sentence: by kind, then by what was too small or too big. */
function issueKey(issue: IssueDetail): string {
  const { code } = issue;
  const params = issue.params ?? {};
  if (code === 'custom') return `errors.issue.custom.${String(params.reason ?? '')}`;
  if (code !== 'too_small' && code !== 'too_big') return `errors.issue.${code}`;

  const origin = String(params.origin ?? '');
  const numeric = origin === 'number' || origin === 'int' || origin === 'bigint';
  const kind = numeric ? 'number' : origin === 'string' || origin === 'array' ? origin : 'other';
  const exclusive = numeric && params.inclusive === false ? '_exclusive' : '';
  return `errors.issue.${code}.${kind}${exclusive}`;
}

/**
 * A refused row's reason in the person's language: `rowError.<code>` with the row's value,
 * column and details; a detail named `…KeyKind` is a kind of customer key (member id,
 * phone…) and is put into words. Falls back to the core's English reason.
 */
export function describeRowError(t: TFunction, r: RowError): string {
  const details: Record<string, string> = {};
  for (const [name, detail] of Object.entries(r.details ?? {})) {
    details[name] = name.endsWith('KeyKind') ? t(`identity.${detail}`, detail) : detail;
  }
  return t(`rowError.${r.code}`, {
    ...details,
    value: r.value ?? '',
    column: r.column ?? '',
    defaultValue: r.reason,
  });
}
