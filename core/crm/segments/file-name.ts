/*
 * The name a segment file is offered under: the tag's name as the person reads it, made
 * safe to save on Windows, macOS and Linux, and the day it was exported. A browser or a
 * save dialog would clean a bad name too, each in its own way; cleaning it here gives the
 * same name everywhere.
 */

/**
 * Characters no file name may hold on one of the three systems: Windows' reserved
 * punctuation, control characters (C0, DEL, C1), and invisible format characters such
 * as the right-to-left override, which could make "evil‮vsc.exe" read as "…exe.csv".
 */
const unsafe = /[\\/:*?"<>|\p{Cc}\p{Cf}]/gu;

/**
 * At most this many UTF-8 bytes of name: with "-2026-12-05.xlsx" the whole name stays
 * well under Linux's 255 bytes and Windows' and macOS's 255 UTF-16 units (a character
 * never takes more UTF-16 units than UTF-8 bytes). 180 bytes hold 60 Chinese characters,
 * the longest name a tag may have.
 */
const maxNameBytes = 180;

/**
 * Used when nothing of the tag's name is left (a name of only "///", say). Windows'
 * device names (CON, NUL…) need no care: the day always follows the name.
 */
const fallbackName = 'segment';

/** Whole characters from the start of `text` that fit in `maxBytes` of UTF-8. */
function cutToBytes(text: string, maxBytes: number): string {
  let bytes = 0;
  let kept = '';
  for (const ch of text) {
    bytes += Buffer.byteLength(ch, 'utf8');
    if (bytes > maxBytes) break;
    kept += ch;
  }
  return kept;
}

/**
 * A tag's name as part of a file name: unsafe characters become "-", runs of spaces and
 * dashes shrink to one, and dots, spaces and dashes at either end go (Windows drops a
 * trailing dot or space; a leading dot hides a file on macOS and Linux). Chinese and
 * other letters are kept as they are.
 */
export function fileNamePart(name: string): string {
  const clean = (text: string) => text.replace(/^[\s.-]+|[\s.-]+$/g, '').replace(/\s+/g, ' ');
  const safe = clean(
    name
      .normalize('NFC')
      .replace(unsafe, '-')
      .replace(/[\s-]*-[\s-]*/g, '-'),
  );
  // Cutting may leave a space or a dot at the new end: clean again.
  return clean(cutToBytes(safe, maxNameBytes)) || fallbackName;
}

/**
 * What a file holding full phone numbers adds to its name, in the person's language, so
 * that it is never mistaken for (or overwritten by) the masked file of the same tag and day.
 */
const fullPhonesSuffix = { 'zh-CN': '完整手机号', en: 'full phones' } as const;

/**
 * The file name of a segment export: the tag's name in the person's language and the
 * business day of the export, e.g. "高价值客户-2026-12-05.csv"; a file with full phone
 * numbers says so after the day, e.g. "高价值客户-2026-12-05-完整手机号.csv".
 */
export function segmentFileName(
  tag: { nameZh: string; nameEn: string },
  locale: 'zh-CN' | 'en',
  day: string,
  format: 'csv' | 'xlsx',
  fullPhones = false,
): string {
  const name = locale === 'en' ? tag.nameEn : tag.nameZh;
  const suffix = fullPhones ? `-${fullPhonesSuffix[locale]}` : '';
  return `${fileNamePart(name)}-${day}${suffix}.${format}`;
}
