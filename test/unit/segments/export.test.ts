import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recomputeAll } from '../../../core/crm/recompute';
import { exportSegment } from '../../../core/crm/segments/export';
import { assignTag, saveTag } from '../../../core/crm/tags/store';
import { tempDb } from '../../support/db';
import { addCustomer, addIdentity, addOrder } from '../../support/crm-builders';

type TestDb = Awaited<ReturnType<typeof tempDb>>;
let db: TestDb;
let tagId = 0;
const c: Record<string, number> = {};

/** 2024-06-30 20:00 in Shanghai: business day 2024-06-30. */
const asOf = new Date('2024-06-30T12:00:00Z');
/** 23:26 UTC is 07:26 the next morning in Shanghai (UTC+8, no summer time). */
const taggedAt = new Date('2024-06-30T23:26:19.508Z');

/*
 * Worked by hand, default lifecycle thresholds (new 30, active 90, sleeping 365 days):
 *   lin: F, orders 2024-05-01 (80.00) and 2024-06-01 (120.00) → spend 200.00; first order
 *        60 days back (not new), last 29 days back (< 90) with 2 orders → repeat.
 *   hack: M, one order 2023-01-10 (0.50) → last order 537 days back (> 365) → lost.
 * Their RFM segments are set by hand after the recompute (the file only names them).
 */
beforeAll(async () => {
  db = await tempDb();
  c.lin = await addCustomer(db, { name: '林艳', gender: 'F', city: '上海' });
  c.hack = await addCustomer(db, {
    name: '=HYPERLINK("http://x.example","y")',
    gender: 'M',
    city: '@SUM(1+1)',
  });
  await addIdentity(db, c.lin, 'phone', '+8619800000662');
  await addIdentity(db, c.hack, 'member', '-12+3');
  await addOrder(db, { customerId: c.lin, at: '2024-05-01T03:00:00Z', amountFen: 8000 });
  await addOrder(db, { customerId: c.lin, at: '2024-06-01T03:00:00Z', amountFen: 12000 });
  await addOrder(db, { customerId: c.hack, at: '2023-01-10T03:00:00Z', amountFen: 50 });
  await recomputeAll(db, asOf);
  await db.k.updateTable('customer_metrics').set({ rfm_segment: 'loyal' }).execute();
  await db.k
    .updateTable('customer_metrics')
    .set({ rfm_segment: 'cant_lose' })
    .where('customer_id', '=', c.hack)
    .execute();
  const tag = { nameZh: '回访', nameEn: 'Call back', kind: 'manual' as const, rule: null };
  tagId = (await saveTag(db, tag, asOf)).id;
  await assignTag(db, tagId, [c.lin, c.hack], 'add', taggedAt);
});
afterAll(async () => {
  await db.cleanup();
});

async function csvLines(unmaskPhones: boolean): Promise<string[]> {
  const file = await exportSegment(db, { tagId, format: 'csv', unmaskPhones }, asOf);
  return Buffer.from(file.contentBase64, 'base64').toString('utf8').split('\r\n');
}

describe('a segment file', () => {
  it('names stages, segments and genders in both languages, like its headers', async () => {
    const lines = await csvLines(false);
    expect(lines[0]).toContain('性别 Gender');
    expect(lines[1]).toContain(',女 Female,');
    expect(lines[1]).toContain(',复购 Repeat,忠诚客户 Loyal,');
    expect(lines[2]).toContain(',男 Male,');
    expect(lines[2]).toContain(",流失 Lost,不能失去 Can't Lose,");
    expect(lines.join('\n')).not.toMatch(/,(F|M|repeat|lost|loyal|cant_lose),/);
  });

  it('gives the time a customer was tagged in Shanghai time, to the minute', async () => {
    const lines = await csvLines(false);
    expect(lines[1]?.endsWith(',2024-07-01 07:26')).toBe(true);
    expect(lines.join('\n')).not.toContain('T23:26');
  });

  it('keeps a formula a customer wrote from running, but writes a full phone as it is', async () => {
    const lines = await csvLines(true);
    // Quoted because of its quotes and comma; the apostrophe stops the formula.
    expect(lines[2]).toContain(`,"'=HYPERLINK(""http://x.example"",""y"")",`);
    expect(lines[2]).toContain(",'@SUM(1+1),");
    // Not a plain number: arithmetic could still run, so it is guarded too.
    expect(lines[2]).toContain(",'-12+3,");
    expect(lines[1]).toContain(',+8619800000662,');
    expect(lines[1]).not.toContain("'+86");
  });

  it('writes spend with two decimals in the CSV', async () => {
    const lines = await csvLines(false);
    // 8000 + 12000 fen = 20000 fen = 200.00; 50 fen = 0.50.
    expect(lines[1]).toContain(',200.00,CNY,');
    expect(lines[2]).toContain(',0.50,CNY,');
  });

  it('writes spend in the XLSX as numbers shown with two decimals, words as in the CSV', async () => {
    const file = await exportSegment(db, { tagId, format: 'xlsx', unmaskPhones: true }, asOf);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const column = (name: string) => header.indexOf(name) + 1;

    const spend = sheet.getRow(2).getCell(column('累计消费 Spend'));
    expect(spend.value).toBe(200);
    expect(spend.numFmt).toBe('#,##0.00');
    expect(sheet.getRow(3).getCell(column('累计消费 Spend')).value).toBe(0.5);
    expect(sheet.getRow(2).getCell(column('手机 Phone')).value).toBe('+8619800000662');
    expect(sheet.getRow(2).getCell(column('性别 Gender')).value).toBe('女 Female');
    expect(sheet.getRow(2).getCell(column('加入标签 Tagged since')).value).toBe('2024-07-01 07:26');
    // No apostrophe in a workbook: a text cell is never read as a formula.
    expect(sheet.getRow(3).getCell(column('姓名 Name')).value).toBe(
      '=HYPERLINK("http://x.example","y")',
    );
  });
});
