import { isUtf8 } from 'node:buffer';
import chardet from 'chardet';
import iconv from 'iconv-lite';
import { CoreError } from '../../shared/errors';

/** What the bytes of a file look like, and the encoding that will be used to read them. */
export interface EncodingChoice {
  detected: string;
  used: string;
  /** 0…1: 1 for a byte-order mark or text that is valid UTF-8 beyond ASCII. */
  confidence: number;
}

// chardet's names → the names iconv-lite decodes with. GBK and GB2312 text is valid
// GB18030 (its superset), and windows-1252 is Latin-1 plus printable 0x80–0x9F.
const decoderFor: Record<string, string> = {
  'UTF-8': 'utf-8',
  'UTF-16LE': 'utf-16le',
  'UTF-16BE': 'utf-16be',
  GB18030: 'gb18030',
  GBK: 'gb18030',
  GB2312: 'gb18030',
  Big5: 'big5',
  'ISO-8859-1': 'windows-1252',
  'windows-1252': 'windows-1252',
  Shift_JIS: 'shift_jis',
  'EUC-KR': 'euc-kr',
};

const sampleBytes = 256 * 1024;

/**
 * Guesses a file's text encoding: a byte-order mark wins; then text that decodes as
 * strict UTF-8 is UTF-8; otherwise chardet's statistics over the first 256 KiB
 * (typically GB18030 for Chinese exports, windows-1252 for Western ones).
 */
export function detectEncoding(bytes: Buffer): EncodingChoice {
  const bom = bomEncoding(bytes);
  if (bom) return { detected: bom, used: bom, confidence: 1 };

  if (isUtf8(bytes)) return { detected: 'utf-8', used: 'utf-8', confidence: 1 };

  const sample = bytes.subarray(0, sampleBytes);
  const best = chardet.analyse(sample).find((match) => decoderFor[match.name]);
  if (!best) return { detected: 'unknown', used: 'windows-1252', confidence: 0 };
  const used = decoderFor[best.name] ?? 'windows-1252';
  return { detected: best.name, used, confidence: Math.min(1, best.confidence / 100) };
}

/** The encoding to read with: the user's override when given (checked), else the detected one. */
export function chooseEncoding(bytes: Buffer, override?: string): EncodingChoice {
  const detected = detectEncoding(bytes);
  if (!override) return detected;
  if (!iconv.encodingExists(override)) {
    throw new CoreError('imports.encoding_unknown', `Unknown text encoding "${override}".`, {
      encoding: override,
      hint: 'Choose one of utf-8, gb18030, gbk, windows-1252, latin1.',
    });
  }
  return { ...detected, used: override.toLowerCase() };
}

/** Decodes a whole file's bytes into text without its byte-order mark. */
export function decodeText(bytes: Buffer, encoding: string): string {
  const text =
    encoding === 'utf-8' || encoding === 'utf8'
      ? bytes.toString('utf8')
      : iconv.decode(bytes, encoding, { stripBOM: true });
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function bomEncoding(bytes: Buffer): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}
