import type { z } from 'zod';

type Param = string | number | boolean | (string | number | boolean | null)[];

/**
 * One validation failure as the console can put it into words: where (`path`, dotted),
 * what kind (zod's `code`), the values a sentence needs (`params`: the limits, the
 * expected type, the allowed values, or the `reason` of one of our own checks), and
 * zod's English `message` for logs, the CLI and anything the console has no words for.
 */
export interface IssueDetail {
  path: string;
  code: string;
  message: string;
  params: Record<string, Param>;
}

// The fields of zod's issues that a sentence can name; the rest (input, nested issues) stay out.
const namedFields = [
  'expected',
  'origin',
  'minimum',
  'maximum',
  'inclusive',
  'exact',
  'format',
  'divisor',
  'keys',
  'values',
] as const;

/** The details of validation failures, for a CoreError's or an ApiError's `details`. */
export function issueDetails(issues: readonly z.core.$ZodIssue[]): IssueDetail[] {
  return issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    code: issue.code,
    message: issue.message,
    params: paramsOf(issue),
  }));
}

function paramsOf(issue: z.core.$ZodIssue): Record<string, Param> {
  const fields = issue as unknown as Record<string, unknown>;
  const custom = issue.code === 'custom' ? (issue.params ?? {}) : {};
  const params: Record<string, Param> = {};
  for (const [key, value] of [
    ...namedFields.map((k) => [k, fields[k]] as const),
    ...Object.entries(custom),
  ]) {
    const kept = plain(value);
    if (kept !== undefined) params[key] = kept;
  }
  return params;
}

/** A value a sentence can show: a primitive or a list of them (bigints as numbers). */
function plain(value: unknown): Param | undefined {
  if (Array.isArray(value)) {
    if (value.some((v) => v !== null && typeof v === 'object')) return undefined;
    return value.map((v) => (v === null ? null : (primitive(v) ?? String(v))));
  }
  return primitive(value);
}

function primitive(value: unknown): string | number | boolean | undefined {
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    return value;
  }
  return undefined;
}
