/**
 * A small CSV tokenizer over decoded text. It is written here rather than taken from
 * papaparse because the importer needs three things at once: the file line each row
 * starts on (quoted fields may span lines), resuming row by row so a million-line
 * file streams in chunks, and speed (one pass over char codes, no regular expressions).
 * Quoting follows RFC 4180: a field in double quotes may hold the delimiter, line
 * breaks and doubled quotes (`""` for one `"`).
 */

export const delimiters = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof delimiters)[number];

/**
 * Turns a field whose text holds UTF-8 bytes one per char (the text was decoded as
 * Latin-1, which is a plain copy) into the field's real text. Only fields with a byte
 * above 0x7F need it; see `pieceRows`.
 */
export type FieldDecoder = (bytes: string) => string;

export interface CsvRow {
  /** 1-based line of the file where the row starts. */
  line: number;
  cells: string[];
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

/** Reads rows one at a time; `next()` returns null at the end of the text. */
export class CsvReader {
  private pos = 0;
  private line: number;
  private nextBreak = -2;
  // A row's list of fields is made as long as the last row's at once (rows of a file are
  // alike): growing it field by field copies it three or four times on every line.
  private width = 0;
  private count = 0;

  /**
   * `decodeField`, when given, says the text holds bytes rather than characters (see
   * `FieldDecoder`): fields with a high byte are decoded one by one. Delimiters, quotes
   * and line breaks are ASCII, so they are found the same way in bytes as in text.
   */
  constructor(
    private readonly text: string,
    private readonly delimiter: string,
    firstLine = 1,
    private readonly decodeField: FieldDecoder | null = null,
  ) {
    this.line = firstLine;
  }

  /** The line the next row starts on. */
  get nextLine(): number {
    return this.line;
  }

  next(): CsvRow | null {
    if (this.pos >= this.text.length) return null;
    const startLine = this.line;
    const cells = new Array<string>(this.width);
    this.count = 0;
    const delim = this.delimiter.charCodeAt(0);
    const text = this.text;

    for (;;) {
      const end =
        text.charCodeAt(this.pos) === QUOTE ? this.quoted(cells, delim) : this.plain(cells, delim);
      if (end === delim) continue;
      // end of row: a line break (consumed) or the end of the text
      if (this.count !== cells.length) cells.length = this.count;
      this.width = this.count;
      return { line: startLine, cells };
    }
  }

  /** Reads an unquoted field; returns the char code that ended it (delimiter, LF, or -1). */
  private plain(cells: string[], delim: number): number {
    const text = this.text;
    const start = this.pos;
    let i = start;
    let high = 0;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === delim || c === LF || c === CR) break;
      high |= c;
    }
    const field = text.slice(start, i);
    cells[this.count++] = high > 0x7f && this.decodeField ? this.decodeField(field) : field;
    return this.finishField(i, delim);
  }

  /** Reads a quoted field starting at the opening quote. */
  private quoted(cells: string[], delim: number): number {
    const text = this.text;
    let start = this.pos + 1;
    let value = '';
    let close = text.indexOf('"', start);
    // A doubled quote stands for one quote; keep searching past it.
    while (close !== -1 && text.charCodeAt(close + 1) === QUOTE) {
      value += text.slice(start, close + 1);
      start = close + 2;
      close = text.indexOf('"', start);
    }
    if (close === -1) close = text.length;
    value += text.slice(start, close);
    this.countBreaks(this.pos, close);

    // Text after the closing quote up to the delimiter is kept, as spreadsheets do.
    let j = close + 1;
    while (j < text.length) {
      const c = text.charCodeAt(j);
      if (c === delim || c === LF || c === CR) break;
      j++;
    }
    const field = j > close + 1 ? value + text.slice(close + 1, j) : value;
    cells[this.count++] = this.decodeField && hasHighChar(field) ? this.decodeField(field) : field;
    return this.finishField(j, delim);
  }

  /** Counts line breaks inside a quoted field, remembering where the next one is. */
  private countBreaks(from: number, to: number): void {
    if (this.nextBreak !== -1 && this.nextBreak < from)
      this.nextBreak = this.text.indexOf('\n', from);
    while (this.nextBreak !== -1 && this.nextBreak < to) {
      this.line++;
      this.nextBreak = this.text.indexOf('\n', this.nextBreak + 1);
    }
  }

  private finishField(i: number, delim: number): number {
    const text = this.text;
    const c = i < text.length ? text.charCodeAt(i) : -1;
    if (c === delim) {
      this.pos = i + 1;
      return delim;
    }
    if (c === CR && text.charCodeAt(i + 1) === LF) i++;
    this.pos = i + 1;
    if (c !== -1) this.line++;
    return LF;
  }
}

function hasHighChar(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return true;
  return false;
}

/**
 * The delimiter of a file, from its first lines: the candidate that splits the header
 * into most fields while the following rows keep the same count.
 */
export function detectDelimiter(text: string): Delimiter {
  const head = text.slice(0, 64 * 1024);
  let best: Delimiter = ',';
  let bestScore = 0;
  for (const candidate of delimiters) {
    const reader = new CsvReader(head, candidate);
    const header = reader.next();
    if (!header || header.cells.length < 2) continue;
    let consistent = 0;
    for (let n = 0; n < 20; n++) {
      const row = reader.next();
      if (!row) break;
      if (row.cells.length === header.cells.length) consistent++;
    }
    const score = header.cells.length * (1 + consistent);
    if (score > bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}
