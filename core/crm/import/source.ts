import fs from 'node:fs';
import type { ImportOptions } from '../../api/imports';
import { CoreError } from '../../shared/errors';
import { CsvReader, detectDelimiter, type CsvRow, type Delimiter } from './csv';
import { bytePieces, pieceBytes, pieceRows, surveyFile, wholeTextOnly } from './csv-pieces';
import { chooseEncoding, decodeText, type EncodingChoice } from './decode';
import { detectDecimalComma } from './numbers';
import { readWorkbook } from './xlsx';

/** What reading settings a file was opened with; undefined fields are detected. */
export type ReadSettings = Pick<ImportOptions, 'encoding' | 'delimiter' | 'sheet' | 'decimalComma'>;

/** An opened export: its header and a way to walk its data rows, CSV or XLSX alike. */
export interface Source {
  format: 'csv' | 'xlsx';
  encoding: EncodingChoice;
  delimiter: Delimiter | null;
  sheets: string[];
  sheet: string | null;
  headers: string[];
  /** Lines of the file (CSV) or the sheet's last row number (XLSX), header included. */
  linesTotal: number;
  decimalComma: { detected: boolean; used: boolean };
  /** Data rows after the header, blank rows skipped, each with its file line. */
  rows(): Generator<CsvRow>;
  /** The same rows through a plain function (null at the end): no generator per row on the hot path. */
  cursor(): () => CsvRow | null;
  /** Results of whole-file scans (the date order), kept while the file stays open. */
  scans: Map<string, unknown>;
}

const sampleForNumbers = 1000;
const headBytes = 256 * 1024;
const samplePieceBytes = 256 * 1024;

/** An opened file as kept between the passes of one import: the sample scan is made once. */
type Opened = Omit<Source, 'decimalComma'> & { decimalCommaDetected: boolean };
type Unsampled = Omit<Source, 'decimalComma'>;

// An import opens its file several times (inspect, resolve, read): the last file
// opened stays known (encoding, delimiter, lines, date order) until it has been read
// through, so those passes over it are made once.
let recent: { key: string; opened: Opened } | null = null;

/** Opens a CSV or XLSX export (told apart by its bytes, not its name). */
export async function openSource(path: string, settings: ReadSettings = {}): Promise<Source> {
  const stat = fs.statSync(path);
  const key = [path, stat.size, stat.mtimeMs, settings.encoding, settings.delimiter, settings.sheet]
    .map((part) => String(part ?? ''))
    .join('|');
  const opened = recent?.key === key ? recent.opened : await openFresh(path, settings);
  recent = { key, opened };

  const detected = opened.decimalCommaDetected;
  return { ...opened, decimalComma: { detected, used: settings.decimalComma ?? detected } };
}

/** Lets go of a file's decoded text once it has been read through. */
export function releaseSource(path: string): void {
  if (recent?.key.startsWith(path + '|')) recent = null;
}

async function openFresh(path: string, settings: ReadSettings): Promise<Opened> {
  const opened = isZip(path) ? await openXlsx(path, settings) : openCsv(path, settings);
  if (opened.headers.length === 0 || opened.headers.every((h) => h.trim() === '')) {
    throw new CoreError('imports.empty', 'The file has no header row; is it empty?', { path });
  }
  return { ...opened, decimalCommaDetected: detectDecimalComma(sampleCells(opened.rows())) };
}

function openCsv(path: string, settings: ReadSettings): Unsampled {
  const survey = surveyFile(path);
  const head = readHead(path);
  const encoding = chooseEncoding(head, settings.encoding, survey.utf8);
  const whole = wholeTextOnly(encoding.used);

  // The first part of the file decides the delimiter and holds the header.
  const headText = decodeText(whole ? fs.readFileSync(path) : head, encoding.used);
  const delimiter = settings.delimiter ?? detectDelimiter(headText);
  const header = new CsvReader(headText, delimiter).next();

  // Samples and scans (decimal comma, date order, the wizard's first rows) mostly stop
  // after a few thousand rows: they read small pieces, so only what they look at is decoded.
  function cursor(size = pieceBytes): () => CsvRow | null {
    const pieces = whole ? [fs.readFileSync(path)].values() : bytePieces(path, size);
    const next = pieceRows(pieces, encoding.used, delimiter);
    return () => {
      for (let row = next(); row; row = next()) {
        if (row.cells.length !== 1 || row.cells[0]?.trim() !== '') return row;
      }
      return null;
    };
  }

  return {
    format: 'csv',
    encoding,
    delimiter,
    sheets: [],
    sheet: null,
    headers: header?.cells.map((h) => h.trim()) ?? [],
    linesTotal: survey.lines,
    rows: () => rowsOf(cursor(samplePieceBytes)),
    cursor: () => cursor(),
    scans: new Map(),
  };
}

/** XLSX files are zip archives: they start with `PK\x03\x04`. */
function isZip(path: string): boolean {
  const fd = fs.openSync(path, 'r');
  try {
    const magic = Buffer.alloc(4);
    fs.readSync(fd, magic, 0, 4, 0);
    return magic.equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  } finally {
    fs.closeSync(fd);
  }
}

/** The file's first bytes up to the last line break in them (whole characters only). */
function readHead(path: string): Buffer {
  const fd = fs.openSync(path, 'r');
  try {
    const head = Buffer.alloc(headBytes);
    const read = fs.readSync(fd, head, 0, headBytes, 0);
    const lastBreak = head.subarray(0, read).lastIndexOf(0x0a);
    return head.subarray(0, read === headBytes && lastBreak > 0 ? lastBreak + 1 : read);
  } finally {
    fs.closeSync(fd);
  }
}

async function openXlsx(path: string, settings: ReadSettings): Promise<Unsampled> {
  const workbook = await readWorkbook(path);
  const sheet = settings.sheet ?? workbook.sheets[0] ?? '';
  const all = workbook.rows(sheet);
  const [header, ...data] = all;

  function cursor(): () => CsvRow | null {
    let next = 0;
    return () => {
      while (next < data.length) {
        const row = data[next++];
        if (row && row.cells.some((cell) => cell.trim() !== '')) return row;
      }
      return null;
    };
  }

  return {
    format: 'xlsx',
    encoding: { detected: 'xlsx', used: 'xlsx', confidence: 1 },
    delimiter: null,
    sheets: workbook.sheets,
    sheet,
    headers: header?.cells.map((h) => h.trim()) ?? [],
    linesTotal: all[all.length - 1]?.line ?? 0,
    rows: () => rowsOf(cursor()),
    cursor,
    scans: new Map(),
  };
}

function* sampleCells(rows: Generator<CsvRow>): Generator<string> {
  let seen = 0;
  for (const row of rows) {
    yield* row.cells;
    if (++seen >= sampleForNumbers) return;
  }
}

function* rowsOf(next: () => CsvRow | null): Generator<CsvRow> {
  for (let row = next(); row; row = next()) yield row;
}
