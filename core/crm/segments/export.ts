import ExcelJS from 'exceljs';
import { DateTime } from 'luxon';
import type { SegmentFile } from '../../api/tags';
import type { Db } from '../../db/open';
import { CoreError } from '../../shared/errors';
import { maskAccountId, maskPhone } from '../../shared/mask';
import { majorUnits } from '../../shared/money';
import { ageOn, businessDayOf, defaultZone } from '../metrics/days';
import { metricsAsOf } from '../metrics/settings';
import { segmentFileName } from './file-name';
import { bilingualName } from './names';
import { segmentSheetName } from './sheet-name';

const headers = [
  '客户ID Customer id',
  '姓名 Name',
  '性别 Gender',
  '年龄 Age',
  '城市 City',
  '手机 Phone',
  '会员号 Member id',
  '邮箱 E-mail',
  '累计订单 Orders',
  // Spend in the customer's own currency, named beside it (never all read as yuan).
  '累计消费 Spend',
  '币种 Currency',
  '距上次购买天数 Days since last order',
  '生命周期 Lifecycle',
  'RFM 分群 RFM segment',
  '加入标签 Tagged since',
];

/** The spend column: a number in the XLSX, two decimals in both files. */
const spendColumn = headers.indexOf('累计消费 Spend');

type Cell = string | number | null;

/** What to export: the tag, the format, phones in full or not, the person's language. */
export interface SegmentExportInput {
  tagId: number;
  format: 'csv' | 'xlsx';
  unmaskPhones: boolean;
  locale?: 'zh-CN' | 'en';
}

/** An instant as the console shows it: 'YYYY-MM-DD HH:mm' in the stores' zone. */
function storeDateTime(ms: number): string {
  return DateTime.fromMillis(ms, { zone: defaultZone }).toFormat('yyyy-MM-dd HH:mm');
}

/** A phone, or a member id that is a mobile number (会员号 = 手机号), masked; others as kept. */
function maskedCell(kind: string, value: string): string {
  if (kind === 'phone') return maskPhone(value);
  return kind === 'member' ? maskAccountId(value) : value;
}

async function segmentRows(db: Db, tagId: number, unmask: boolean, day: string): Promise<Cell[][]> {
  const rows = await db.k
    .selectFrom('tag_members as tm')
    .innerJoin('customers as c', 'c.id', 'tm.customer_id')
    .leftJoin('customer_metrics as m', 'm.customer_id', 'c.id')
    .select([
      'c.id',
      'c.name',
      'c.gender',
      'c.birth_date',
      'c.city',
      'm.orders_all',
      'm.spend_all',
      'm.currency',
      'm.recency_days',
      'm.lifecycle',
      'm.rfm_segment',
      'tm.since',
    ])
    .where('tm.tag_id', '=', tagId)
    .where('c.merged_into', 'is', null)
    .orderBy('c.id')
    .execute();

  const identities = await db.k
    .selectFrom('customer_identities as i')
    .innerJoin('tag_members as tm', 'tm.customer_id', 'i.customer_id')
    .select(['i.customer_id', 'i.kind', 'i.value'])
    .where('tm.tag_id', '=', tagId)
    .where('i.kind', 'in', ['phone', 'masked_phone', 'member', 'email'])
    .orderBy('i.id')
    .execute();
  const first = new Map<string, { kind: string; shown: string }>();
  for (const i of identities) {
    // One phone column: a full phone wins over a platform's masked one.
    const key = `${i.customer_id}:${i.kind === 'masked_phone' ? 'phone' : i.kind}`;
    const held = first.get(key);
    if (held && !(held.kind === 'masked_phone' && i.kind === 'phone')) continue;
    const shown = unmask ? i.value : maskedCell(i.kind, i.value);
    first.set(key, { kind: i.kind, shown });
  }
  const shown = (id: number, kind: string) => first.get(`${id}:${kind}`)?.shown ?? null;

  return rows.map((r) => [
    r.id,
    r.name,
    bilingualName('gender', r.gender),
    ageOn(r.birth_date, day),
    r.city,
    shown(r.id, 'phone'),
    shown(r.id, 'member'),
    shown(r.id, 'email'),
    r.orders_all,
    // The minor unit of the customer's currency as an amount: 105063 GBP → 1050.63,
    // 3000 JPY (stored in whole yen) → 3000.
    r.spend_all === null ? null : majorUnits(r.spend_all, r.currency ?? 'CNY'),
    r.currency,
    r.recency_days,
    bilingualName('lifecycle', r.lifecycle),
    bilingualName('rfmSegment', r.rfm_segment),
    storeDateTime(r.since),
  ]);
}

/** A value that is only a number, signed or not: "+8613800001234", "-12.50". */
const plainNumber = /^[+-]?\d+(\.\d+)?$/;

/**
 * One CSV field, quoted when needed.
 *
 * Spreadsheets read a cell that starts with = + - or @ as a formula, so text a customer
 * or a channel export supplied (a name "=HYPERLINK(…)", a city "@SUM(…)") could run when
 * the file is opened in Excel. Such text gets a leading apostrophe, which Excel takes as
 * "this is text". A plain number cannot carry a formula, so it is written as it is: for a
 * phone in +86 form the apostrophe would protect nothing and would become part of the
 * phone in the SMS and CRM tools this CSV is usually loaded into. The cost: Excel opens
 * "+8613800001234" as the number 8613800001234; whoever wants phones as text in Excel
 * exports XLSX, where every phone is a text cell.
 */
function csvField(value: Cell): string {
  if (value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@]/.test(text) && !plainNumber.test(text)) {
    text = `'${text}`;
  }
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function toCsv(rows: Cell[][]): Buffer {
  const shown = rows.map((r) =>
    r.map((cell, i) => (i === spendColumn && typeof cell === 'number' ? cell.toFixed(2) : cell)),
  );
  const lines = [headers, ...shown].map((r) => r.map(csvField).join(','));
  // The BOM makes Excel read the file as UTF-8, so Chinese names stay readable.
  return Buffer.from('\uFEFF' + lines.join('\r\n') + '\r\n', 'utf8');
}

async function toXlsx(rows: Cell[][], sheetName: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.addRow(headers);
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) sheet.addRow(r);
  // Money stays a number Excel can sum, shown with its two decimals.
  sheet.getColumn(spendColumn + 1).numFmt = '#,##0.00';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * The customers with a tag as a file for Excel: CSV (UTF-8 with BOM) or XLSX, phones
 * (and member ids that are mobile numbers) masked unless the user asked for them in full,
 * named by the tag's name in the person's language (`locale`, Chinese when not given) and
 * the day.
 */
export async function exportSegment(
  db: Db,
  input: SegmentExportInput,
  now: Date,
): Promise<SegmentFile> {
  const tag = await db.k
    .selectFrom('tags')
    .select(['name_zh', 'name_en'])
    .where('id', '=', input.tagId)
    .executeTakeFirst();
  if (!tag)
    throw new CoreError('tags.not_found', `No tag with id ${input.tagId}.`, {
      tagId: input.tagId,
    });

  const day = businessDayOf(await metricsAsOf(db, now));
  const rows = await segmentRows(db, input.tagId, input.unmaskPhones, day);
  const content =
    input.format === 'csv' ? toCsv(rows) : await toXlsx(rows, segmentSheetName(tag.name_en));
  const names = { nameZh: tag.name_zh, nameEn: tag.name_en };
  return {
    fileName: segmentFileName(
      names,
      input.locale ?? 'zh-CN',
      businessDayOf(now),
      input.format,
      input.unmaskPhones,
    ),
    mime:
      input.format === 'csv'
        ? 'text/csv;charset=utf-8'
        : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    contentBase64: content.toString('base64'),
    rows: rows.length,
  };
}
