import ExcelJS from 'exceljs';
import { CoreError } from '../../shared/errors';
import type { CsvRow } from './csv';

/**
 * An XLSX workbook read into the same text rows as a CSV file, so everything after
 * reading is shared. Cells become the text a person sees: a real date cell becomes
 * `YYYY-MM-DD HH:mm:ss` (Excel's wall clock, no zone), a number its shortest decimal
 * form; a date stored as a plain number stays a serial and is read as one later.
 *
 * The whole workbook is loaded: fine for the exports shops send (tens of thousands of
 * rows); a million-row workbook would want exceljs's streaming reader instead.
 */
export interface Workbook {
  sheets: string[];
  rows(sheet: string): CsvRow[];
}

export async function readWorkbook(path: string): Promise<Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch (cause) {
    throw new CoreError(
      'imports.xlsx_unreadable',
      'This file could not be read as an XLSX workbook.',
      {
        path,
        cause: cause instanceof Error ? cause.message : String(cause),
      },
    );
  }
  const sheets = workbook.worksheets.map((sheet) => sheet.name);
  return {
    sheets,
    rows(name) {
      const sheet = workbook.getWorksheet(name);
      if (!sheet) {
        throw new CoreError('imports.sheet_unknown', `The workbook has no sheet "${name}".`, {
          sheet: name,
          sheets,
        });
      }
      const rows: CsvRow[] = [];
      sheet.eachRow({ includeEmpty: false }, (row, line) => {
        const values = row.values as unknown[];
        const cells: string[] = [];
        for (let column = 1; column < values.length; column++) cells.push(cellText(values[column]));
        rows.push({ line, cells });
      });
      return rows;
    },
  };
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return wallClock(value);
  if (typeof value === 'object') {
    const cell = value as {
      richText?: { text: string }[];
      result?: unknown;
      text?: unknown;
      error?: string;
    };
    if (cell.richText) return cell.richText.map((part) => part.text).join('');
    if ('result' in cell) return cellText(cell.result);
    if (cell.text !== undefined) return cellText(cell.text);
    if (cell.error) return cell.error;
  }
  return String(value);
}

/** exceljs gives date cells as Dates whose UTC fields are Excel's wall clock. */
function wallClock(date: Date): string {
  const iso = date.toISOString();
  const time = iso.slice(11, 19);
  return time === '00:00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}`;
}
