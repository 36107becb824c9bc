import { isUtf8 } from 'node:buffer';
import fs from 'node:fs';
import { CsvReader, type CsvRow, type FieldDecoder } from './csv';
import { decodeText } from './decode';

/**
 * Reads a CSV file from disk in pieces of a few MiB and decodes one piece at a time,
 * so a million-line export is never held in memory, neither as bytes nor as one
 * decoded string (which takes twice the bytes for Chinese text).
 *
 * A piece ends just after a line break outside quotes. The cut is found on the bytes:
 * in UTF-8, GBK/GB18030, Big5 and Shift_JIS the bytes of `"` and line feed never occur
 * inside a multi-byte character. UTF-16 files are read whole (`wholeTextOnly`).
 */
export const pieceBytes = 4 * 1024 * 1024;

const LF = 0x0a;
const QUOTE = 0x22;

export function wholeTextOnly(encoding: string): boolean {
  const name = encoding.toLowerCase();
  return name.startsWith('utf-16') || name.startsWith('ucs');
}

/** The file's bytes in pieces that each end after a line break outside quotes. */
export function* bytePieces(path: string, size = pieceBytes): Generator<Buffer> {
  const fd = fs.openSync(path, 'r');
  try {
    let pending = Buffer.alloc(0);
    for (;;) {
      const fresh = Buffer.allocUnsafe(size);
      const read = fs.readSync(fd, fresh, 0, size, null);
      const atEnd = read === 0;
      pending = pending.length
        ? Buffer.concat([pending, fresh.subarray(0, read)])
        : fresh.subarray(0, read);
      if (atEnd) {
        if (pending.length) yield pending;
        return;
      }
      const cut = lastCut(pending);
      // No line break outside quotes yet (a huge quoted field): read on.
      if (cut === 0) continue;
      yield pending.subarray(0, cut);
      pending = Buffer.from(pending.subarray(cut));
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** Just after the last line feed with an even number of quotes before it; 0 if none. */
function lastCut(bytes: Buffer): number {
  let cut = bytes.lastIndexOf(LF) + 1;
  if (cut === 0) return 0;
  // Native searches rather than a loop over every byte: most exports quote little.
  let quotes = countByte(bytes, QUOTE, 0, cut);
  while (quotes % 2 === 1) {
    const earlier = cut > 1 ? bytes.lastIndexOf(LF, cut - 2) + 1 : 0;
    if (earlier === 0) return 0;
    quotes -= countByte(bytes, QUOTE, earlier, cut);
    cut = earlier;
  }
  return cut;
}

function countByte(bytes: Buffer, value: number, from: number, to: number): number {
  let count = 0;
  for (
    let at = bytes.indexOf(value, from);
    at !== -1 && at < to;
    at = bytes.indexOf(value, at + 1)
  ) {
    count++;
  }
  return count;
}

/**
 * Rows of the file after the header, piece by piece; the function gives null at the end.
 *
 * A UTF-8 piece is not decoded as a whole: most of its fields (dates, amounts, codes) are
 * ASCII, and decoding Chinese text into a string costs more than splitting it. The piece
 * is read as Latin-1 (one char per byte, a plain copy), split there, and only fields with
 * a high byte are decoded, each distinct one once (store, product and customer names
 * repeat on most lines). Cuts fall on ASCII bytes, so a field decodes exactly as it does
 * inside the whole text, invalid bytes included.
 */
export function pieceRows(
  pieces: Iterator<Buffer>,
  encoding: string,
  delimiter: string,
): () => CsvRow | null {
  let line = 1;
  let reader: CsvReader | null = null;
  let skipHeader = true;
  const utf8 = encoding === 'utf-8' || encoding === 'utf8';
  const decodeField = utf8 ? utf8Fields() : null;

  return () => {
    for (;;) {
      const row = reader?.next() ?? null;
      if (row) {
        if (!skipHeader) return row;
        skipHeader = false;
        continue;
      }
      if (reader) line = reader.nextLine;
      const piece = pieces.next();
      if (piece.done) return null;
      reader = decodeField
        ? new CsvReader(withoutBom(piece.value).toString('latin1'), delimiter, line, decodeField)
        : new CsvReader(decodeText(piece.value, encoding), delimiter, line);
    }
  };
}

const decodedKept = 100_000;

/** Decodes UTF-8 fields held as Latin-1 text, keeping the text of each distinct one. */
function utf8Fields(): FieldDecoder {
  const known = new Map<string, string>();
  return (bytes) => {
    let text = known.get(bytes);
    if (text !== undefined) return text;
    const buffer = Buffer.from(bytes, 'latin1');
    text = buffer.toString('utf8');
    // The key is a fresh copy: `bytes` may be a slice that holds the whole piece in memory.
    if (known.size < decodedKept) known.set(buffer.toString('latin1'), text);
    return text;
  };
}

/** A piece without the UTF-8 byte-order mark it may start with (as `decodeText` drops it). */
function withoutBom(piece: Buffer): Buffer {
  const bom = piece[0] === 0xef && piece[1] === 0xbb && piece[2] === 0xbf;
  return bom ? piece.subarray(3) : piece;
}

/** What one pass over the bytes tells: lines, and whether every piece is valid UTF-8. */
export function surveyFile(path: string): { lines: number; utf8: boolean; lastByte: number } {
  let lines = 0;
  let utf8 = true;
  let lastByte = -1;
  for (const piece of bytePieces(path)) {
    for (let at = piece.indexOf(LF); at !== -1; at = piece.indexOf(LF, at + 1)) lines++;
    if (utf8 && !isUtf8(piece)) utf8 = false;
    lastByte = piece[piece.length - 1] ?? lastByte;
  }
  return { lines: lastByte !== -1 && lastByte !== LF ? lines + 1 : lines, utf8, lastByte };
}
