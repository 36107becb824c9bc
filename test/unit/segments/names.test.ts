import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { valueNames } from '../../../core/crm/segments/names';
import { repoRoot } from '../../support/paths';

type Locale = Record<string, Record<string, string>>;

function locale(name: string): Locale {
  const file = path.join(repoRoot, 'renderer', 'src', 'i18n', `${name}.json`);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Locale;
}

describe('the names a segment file writes', () => {
  const zh = locale('zh-CN');
  const en = locale('en');

  it.each(['lifecycle', 'rfmSegment', 'gender'] as const)(
    'are the console’s own words for every %s, in both languages',
    (kind) => {
      const core = valueNames[kind];
      // The same codes on both sides: none missing in the file, none the console lacks.
      expect(Object.keys(core).sort()).toEqual(Object.keys(zh[kind] ?? {}).sort());
      expect(Object.keys(core).sort()).toEqual(Object.keys(en[kind] ?? {}).sort());
      for (const [code, names] of Object.entries(core)) {
        expect(names.zh, `${kind}.${code} (zh-CN)`).toBe(zh[kind]?.[code]);
        expect(names.en, `${kind}.${code} (en)`).toBe(en[kind]?.[code]);
      }
    },
  );
});
