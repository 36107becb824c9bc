import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../../renderer/src/i18n/en.json';
import planningEn from '../../../renderer/src/i18n/planning.en.json';
import planningZh from '../../../renderer/src/i18n/planning.zh-CN.json';
import zhCN from '../../../renderer/src/i18n/zh-CN.json';
import {
  customIssueReasons,
  errorCodes,
  problemCodes,
  rowErrorCodes,
} from '../../../core/shared/error-codes';
import { leafKeys, resources } from './translator';

const coreDir = path.resolve(__dirname, '../../../core');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** The text of a call's first argument: up to the first comma outside brackets. */
function firstArgument(text: string, open: number): string {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    const c = text[i]!;
    if ('([{'.includes(c)) depth++;
    if (')]}'.includes(c)) depth--;
    if ((c === ',' && depth === 0) || depth < 0) return text.slice(open, i);
  }
  return text.slice(open);
}

/**
 * The codes the core can send, read from its sources: the literals in the first argument
 * of `new CoreError(…)` (a ternary gives two), the literal of a helper that forwards its
 * code to CoreError (`fail('rules.bad_value', …)`), and error objects written by hand
 * (`error: { code: 'api.invalid_input' … }`). A first argument without a literal passes
 * on a code made elsewhere; those places are listed, so that a new one is looked at.
 */
function scanCore(): { codes: Map<string, string>; passedOn: string[] } {
  const codes = new Map<string, string>();
  const passedOn: string[] = [];
  const codeText = /^[a-z_]+(\.[a-z_]+)*$/;
  for (const file of sourceFiles(coreDir)) {
    const text = fs.readFileSync(file, 'utf8');
    const where = path.relative(coreDir, file);
    const add = (code: string) => codes.set(code, where);

    for (const call of text.matchAll(/new CoreError\(/g)) {
      const arg = firstArgument(text, call.index + call[0].length).trim();
      const literals = [...arg.matchAll(/'([^']*)'/g)].map((m) => m[1]!);
      if (literals.length === 0) passedOn.push(`${where}: ${arg}`);
      literals.filter((l) => codeText.test(l)).forEach(add);
    }
    for (const m of text.matchAll(/\bfail\(\s*'([a-z_]+\.[a-z_]+)'/g)) add(m[1]!);
    for (const m of text.matchAll(/error\s*[:=]\s*\{\s*code:\s*'([^']+)'/g)) {
      add(m[1]!);
    }
  }
  return { codes, passedOn };
}

/** The arguments of a call, split at the commas outside brackets. */
function callArguments(text: string, open: number): string[] {
  const args: string[] = [];
  let at = open;
  for (;;) {
    const arg = firstArgument(text, at);
    args.push(arg.trim());
    at += arg.length;
    if (text[at] !== ',') return args;
    at += 1;
  }
}

/**
 * The codes of refused rows, read from the import's sources: the third argument of a
 * reader's `fail(field, value, code, reason)` and the fourth of the committer's
 * `error(row, field, value, code, reason)`, when they are literals.
 */
function scanRowCodes(): Set<string> {
  const codes = new Set<string>();
  for (const file of sourceFiles(path.join(coreDir, 'crm', 'import'))) {
    const text = fs.readFileSync(file, 'utf8');
    for (const [pattern, index] of [
      [/\.fail\(/g, 2],
      [/this\.error\(/g, 3],
      [/refusal\(/g, 0],
    ] as const) {
      for (const call of text.matchAll(pattern)) {
        const arg = callArguments(text, call.index + call[0].length)[index] ?? '';
        const literal = /^'([^']+)'$/.exec(arg);
        if (literal) codes.add(literal[1]!);
      }
    }
  }
  return codes;
}

function hasKey(table: object, key: string): boolean {
  let node: unknown = table;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' && node.trim() !== '';
}

describe('every code the core sends has a sentence in both languages', () => {
  const { codes, passedOn } = scanCore();

  it('finds the codes in the sources (the scan itself works)', () => {
    // Three thrown in different ways: a literal, a ternary's second branch, a helper.
    expect(codes.get('imports.busy')).toBe(path.join('crm', 'import', 'commit.ts'));
    expect(codes.get('planning.cycle')).toBeDefined();
    expect(codes.get('planning.self_dependency')).toBeDefined();
    expect(codes.get('rules.unknown_field')).toBe(path.join('crm', 'tags', 'compile.ts'));
    expect(codes.get('api.invalid_input')).toBe(path.join('service', 'dispatch.ts'));
  });

  it('lists every code thrown in core/ in core/shared/error-codes.ts', () => {
    const listed = new Set<string>(errorCodes);
    const unlisted = [...codes]
      .filter(([code]) => !listed.has(code))
      .map(([c, f]) => `${c} (${f})`);
    expect(unlisted, 'add these codes to errorCodes, with a sentence in both locales').toEqual([]);
  });

  it('lists no code that nothing in core/ sends any more', () => {
    expect(errorCodes.filter((code) => !codes.has(code))).toEqual([]);
  });

  it('passes on codes made elsewhere only where it is known to', () => {
    // The rule checker's helper, a task row's predecessor text re-thrown with its row,
    // and the import worker's failure rebuilt on the main thread.
    expect(passedOn.sort()).toEqual([
      `${path.join('crm', 'import', 'worker-host.ts')}: m.code`,
      `${path.join('crm', 'tags', 'compile.ts')}: code`,
      `${path.join('planning', 'task-commands.ts')}: error.code`,
    ]);
  });

  for (const lng of ['zh-CN', 'en'] as const) {
    it(`has errors.<code> for every listed code in ${lng}`, () => {
      const missing = errorCodes.filter((code) => !hasKey(resources[lng], `errors.${code}`));
      expect(missing).toEqual([]);
    });

    it(`has a sentence for every problem and every reason of our own checks in ${lng}`, () => {
      const keys = [
        ...problemCodes.map((c) => `errors.problem.${c}`),
        ...customIssueReasons.map((r) => `errors.issue.custom.${r}`),
      ];
      expect(keys.filter((key) => !hasKey(resources[lng], key))).toEqual([]);
    });
  }
});

describe('every refused import row has a reason in both languages', () => {
  const codes = scanRowCodes();

  it('lists every row code the import uses, and only those', () => {
    expect(codes.has('value.missing')).toBe(true);
    expect([...codes].sort()).toEqual([...rowErrorCodes].sort());
  });

  for (const lng of ['zh-CN', 'en'] as const) {
    it(`has rowError.<code> for every row code in ${lng}`, () => {
      const missing = rowErrorCodes.filter((code) => !hasKey(resources[lng], `rowError.${code}`));
      expect(missing).toEqual([]);
    });
  }
});

/** Keys without i18next's plural endings: English says `days_one`/`days_other`, Chinese `days`. */
function withoutPlurals(keys: string[]): string[] {
  return [...new Set(keys.map((k) => k.replace(/_(zero|one|two|few|many|other)$/, '')))].sort();
}

describe('the two languages have the same keys', () => {
  it('in the console strings', () => {
    expect(withoutPlurals(leafKeys(zhCN))).toEqual(withoutPlurals(leafKeys(en)));
  });

  it('in the planning strings', () => {
    expect(withoutPlurals(leafKeys(planningZh))).toEqual(withoutPlurals(leafKeys(planningEn)));
  });
});
