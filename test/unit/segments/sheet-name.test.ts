import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportSegment } from '../../../core/crm/segments/export';
import { segmentSheetName } from '../../../core/crm/segments/sheet-name';
import { saveTag } from '../../../core/crm/tags/store';
import { tempDb } from '../../support/db';

/*
 * Excel's rules for a sheet name: at most 31 characters, none of : \ / ? * [ ], no
 * apostrophe first or last, and not "History". A tester found the XLSX export threw for
 * the tags "'VIP'" and "History"; the file's own name comes from file-name.ts, unchanged.
 */
describe('the sheet name of a segment XLSX', () => {
  it('drops apostrophes at either end and keeps those inside', () => {
    expect(segmentSheetName("'VIP'")).toBe('VIP');
    expect(segmentSheetName("Children's day")).toBe("Children's day");
  });

  it('falls back to "segment" for Excel\'s reserved name, in any case', () => {
    expect(segmentSheetName('History')).toBe('segment');
    expect(segmentSheetName('HISTORY')).toBe('segment');
    // Only the name alone is reserved.
    expect(segmentSheetName('History buyers')).toBe('History buyers');
  });

  it('turns forbidden characters into single spaces', () => {
    expect(segmentSheetName('A/B: [test]?*')).toBe('A B test');
  });

  it('keeps at most 31 characters and trims what the cut leaves at the end', () => {
    // 30 letters, a space, then more: the cut keeps 31 units, "x…x " and trims the space.
    const long = `${'x'.repeat(30)} tail`;
    expect(segmentSheetName(long)).toBe('x'.repeat(30));
    // 30 letters then an apostrophe at unit 31: cut there, the apostrophe goes too.
    expect(segmentSheetName(`${'y'.repeat(30)}'s best`)).toBe('y'.repeat(30));
    // An emoji is two UTF-16 units: 15 of them are 30 units, a 16th would make 32.
    expect(segmentSheetName('😀'.repeat(20))).toBe('😀'.repeat(15));
  });

  it('falls back to "segment" when nothing is left', () => {
    expect(segmentSheetName("'/'")).toBe('segment');
    expect(segmentSheetName('')).toBe('segment');
  });
});

let db: Awaited<ReturnType<typeof tempDb>>;
/** 20:00 in Shanghai: business day 2024-06-30. */
const asOf = new Date('2024-06-30T12:00:00Z');
beforeAll(async () => {
  db = await tempDb();
});
afterAll(async () => {
  await db.cleanup();
});

async function xlsxOf(nameEn: string) {
  const tag = await saveTag(
    db,
    { nameZh: `标签${nameEn}`, nameEn, kind: 'manual', rule: null },
    asOf,
  );
  const input = {
    tagId: tag.id,
    format: 'xlsx' as const,
    unmaskPhones: false,
    locale: 'en' as const,
  };
  const file = await exportSegment(db, input, asOf);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
  return { fileName: file.fileName, sheets: book.worksheets.map((s) => s.name) };
}

describe('an XLSX segment export of a tag with a name Excel refuses as a sheet name', () => {
  it("is made for a tag named 'VIP', the file keeping the apostrophes", async () => {
    // file-name.ts keeps apostrophes (safe in a file name); the day is 2024-06-30 in Shanghai.
    expect(await xlsxOf("'VIP'")).toEqual({ fileName: "'VIP'-2024-06-30.xlsx", sheets: ['VIP'] });
  });

  it('is made for a tag named History, the sheet named "segment"', async () => {
    expect(await xlsxOf('History')).toEqual({
      fileName: 'History-2024-06-30.xlsx',
      sheets: ['segment'],
    });
  });
});
