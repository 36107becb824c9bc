import { CsvReader, type CsvRow } from './csv';
import { decodeText } from './decode';

/**
 * Reads a CSV file's bytes in pieces of a few MiB, decoding one piece at a time, so a
 * million-line export is never held as one decoded string beside its bytes (the
 * decoded text of Chinese exports takes twice the bytes' size).
 *
 * A piece ends after a line break outside quotes. That cut is found on the bytes: in
 * UTF-8, GBK/GB18030, Big5 and Shift_JIS the bytes of `"` and line feed never occur
 * inside a multi-byte character, so counting them is safe. UTF-16 files are decoded
 * whole (`wholeTextOnly`).
 */
export const pieceBytes = 4 * 1024 * 1024;

const LF = 0x0a;
const QUOTE = 0x22;

export function wholeTextOnly(encoding: string): boolean {
  return encoding.toLowerCase().startsWith('utf-16') || encoding.toLowerCase().startsWith('ucs');
}

/** Rows of the file after the header, piece by piece; `next()` gives null at the end. */
export function pieceRows(
  bytes: Buffer,
  encoding: string,
  delimiter: string,
  size = pieceBytes,
): () => CsvRow | null {
  let start = 0;
  let line = 1;
  let reader: CsvReader | null = null;
  let skipHeader = true;

  return () => {
    for (;;) {
      const row = reader?.next() ?? null;
      if (row) {
        if (skipHeader) {
          skipHeader = false;
          continue;
        }
        return row;
      }
      if (reader) line = reader.nextLine;
      if (start >= bytes.length) return null;
      const end = cutAfter(bytes, start, size);
      reader = new CsvReader(decodeText(bytes.subarray(start, end), encoding), delimiter, line);
      start = end;
    }
  };
}

/** The end of a piece: just after the first line feed past `start + size` with quotes balanced. */
function cutAfter(bytes: Buffer, start: number, size: number): number {
  if (bytes.length - start <= size) return bytes.length;
  let at = bytes.indexOf(LF, start + size);
  let quotes = countByte(bytes, QUOTE, start, at === -1 ? bytes.length : at);
  while (at !== -1) {
    if (quotes % 2 === 0) return at + 1;
    const next = bytes.indexOf(LF, at + 1);
    quotes += countByte(bytes, QUOTE, at, next === -1 ? bytes.length : next);
    at = next;
  }
  return bytes.length;
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

/** Lines of a file from its bytes (a last line without a line break counts). */
export function countByteLines(bytes: Buffer): number {
  const lines = countByte(bytes, LF, 0, bytes.length);
  return bytes.length > 0 && bytes[bytes.length - 1] !== LF ? lines + 1 : lines;
}
