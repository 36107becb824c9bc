import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportSegment } from '../../../core/crm/segments/export';
import { fileNamePart, segmentFileName } from '../../../core/crm/segments/file-name';
import { saveTag } from '../../../core/crm/tags/store';
import { tempDb } from '../../support/db';

const names = { nameZh: '高价值客户', nameEn: 'High value' };

describe('the name a segment file is offered under', () => {
  it('is the tag’s name in the person’s language and the day', () => {
    expect(segmentFileName(names, 'zh-CN', '2026-12-05', 'csv')).toBe('高价值客户-2026-12-05.csv');
    expect(segmentFileName(names, 'en', '2026-12-05', 'xlsx')).toBe('High value-2026-12-05.xlsx');
  });

  it('says in the person’s language when the file holds full phone numbers', () => {
    expect(segmentFileName(names, 'zh-CN', '2026-12-05', 'csv', true)).toBe(
      '高价值客户-2026-12-05-完整手机号.csv',
    );
    expect(segmentFileName(names, 'en', '2026-12-05', 'xlsx', true)).toBe(
      'High value-2026-12-05-full phones.xlsx',
    );
    // Masked stays as it was.
    expect(segmentFileName(names, 'en', '2026-12-05', 'csv', false)).toBe(
      'High value-2026-12-05.csv',
    );
  });

  it('replaces each character Windows forbids with one dash', () => {
    // By hand: / \ : * ? " < > | each become "-", and the dashes around them shrink to one.
    expect(fileNamePart('A/B\\C:D*E?F"G<H>I|J')).toBe('A-B-C-D-E-F-G-H-I-J');
    expect(fileNamePart('会员 / 非会员')).toBe('会员-非会员');
  });

  it('replaces control and invisible format characters', () => {
    expect(fileNamePart('a\tb\nc\u0000d\u007fe')).toBe('a-b-c-d-e');
    // A right-to-left override would make the name read backwards after it.
    expect(fileNamePart('gift\u202Ecsv.exe')).toBe('gift-csv.exe');
  });

  it('drops dots, spaces and dashes at either end, and never leaves the name empty', () => {
    expect(fileNamePart('  .hidden. ')).toBe('hidden');
    expect(fileNamePart('---')).toBe('segment');
    expect(fileNamePart('///')).toBe('segment');
  });

  it('keeps Chinese names whole up to 60 characters, and cuts longer ones on a character', () => {
    const sixty = '客'.repeat(60);
    expect(fileNamePart(sixty)).toBe(sixty);
    expect(fileNamePart(sixty + '户')).toBe(sixty);
    // Emoji take 4 bytes of UTF-8: 180 ÷ 4 = 45 whole ones, none cut in half.
    const cut = fileNamePart('😀'.repeat(50));
    expect(Array.from(cut)).toHaveLength(45);
    expect(cut).toBe('😀'.repeat(45));
  });
});

describe('a segment export', () => {
  let db: Awaited<ReturnType<typeof tempDb>>;
  let tagId = 0;
  const asOf = new Date('2024-06-30T17:00:00Z'); // 2024-07-01 01:00 in Shanghai

  beforeAll(async () => {
    db = await tempDb();
    const tag = { nameZh: '回访: 六月', nameEn: 'Call back / June', kind: 'manual' as const };
    tagId = (await saveTag(db, { ...tag, rule: null }, asOf)).id;
  });
  afterAll(async () => {
    await db.cleanup();
  });

  it('is named by the tag’s name in the language asked for and the Shanghai day', async () => {
    const zh = await exportSegment(db, { tagId, format: 'csv', unmaskPhones: false }, asOf);
    expect(zh.fileName).toBe('回访-六月-2024-07-01.csv');
    const en = await exportSegment(
      db,
      { tagId, format: 'xlsx', unmaskPhones: false, locale: 'en' },
      asOf,
    );
    expect(en.fileName).toBe('Call back-June-2024-07-01.xlsx');
  });

  it('names the file with full phones apart from the masked one of the same day', async () => {
    const input = { tagId, format: 'csv' as const };
    const masked = await exportSegment(db, { ...input, unmaskPhones: false }, asOf);
    const full = await exportSegment(db, { ...input, unmaskPhones: true }, asOf);
    expect(masked.fileName).toBe('回访-六月-2024-07-01.csv');
    expect(full.fileName).toBe('回访-六月-2024-07-01-完整手机号.csv');
  });
});
