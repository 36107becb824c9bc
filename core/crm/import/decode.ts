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
 * strict UTF-8 is UTF-8. Otherwise the bytes above ASCII decide: Chinese text in
 * GBK/GB18030 comes in pairs of high bytes, Western text in Latin-1/windows-1252 has
 * single accented letters between ASCII ones. chardet's statistics are trusted over
 * that only for other double-byte encodings (Big5, Shift_JIS) in large samples: on a
 * few lines of GBK it tends to answer EUC-KR.
 */
export function detectEncoding(bytes: Buffer, wholeFileIsUtf8?: boolean): EncodingChoice {
  const bom = bomEncoding(bytes);
  if (bom) return { detected: bom, used: bom, confidence: 1 };
  if (wholeFileIsUtf8 ?? isUtf8(bytes)) return { detected: 'utf-8', used: 'utf-8', confidence: 1 };

  const sample = bytes.subarray(0, sampleBytes);
  const { pairs, singles } = highByteShape(sample);
  const pairShare = pairs / Math.max(1, pairs + singles);
  if (pairShare < 0.8) {
    return { detected: 'windows-1252', used: 'windows-1252', confidence: 1 - pairShare };
  }

  const other = chardet.analyse(sample)[0];
  const trusted = other && pairs >= 2000 && other.confidence >= 80;
  if (trusted && (other.name === 'Big5' || other.name === 'Shift_JIS')) {
    const used = decoderFor[other.name] ?? 'gb18030';
    return { detected: other.name, used, confidence: other.confidence / 100 };
  }
  return { detected: 'GB18030', used: 'gb18030', confidence: pairShare };
}

/** Counts high bytes that come in pairs (double-byte characters) and those that stand alone. */
function highByteShape(bytes: Buffer): { pairs: number; singles: number } {
  let pairs = 0;
  let singles = 0;
  for (let i = 0; i < bytes.length; i++) {
    if ((bytes[i] ?? 0) < 0x80) continue;
    if ((bytes[i + 1] ?? 0) >= 0x40 && i + 1 < bytes.length && (bytes[i + 1] ?? 0) !== 0x7f) {
      // GBK's second byte is 0x40–0xFE; after a lone Latin-1 letter usually comes ASCII
      // punctuation or a lower-case letter, which the share below tolerates.
      if ((bytes[i + 1] ?? 0) >= 0x80) pairs++;
      else singles++;
      i++;
    } else {
      singles++;
    }
  }
  return { pairs, singles };
}

/**
 * The encoding to read with: the user's override when given (checked), else the
 * detected one. `bytes` may be the file's first part; `wholeFileIsUtf8` then says
 * what a pass over all of it found.
 */
export function chooseEncoding(
  bytes: Buffer,
  override?: string,
  wholeFileIsUtf8?: boolean,
): EncodingChoice {
  const detected = detectEncoding(bytes, wholeFileIsUtf8);
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
