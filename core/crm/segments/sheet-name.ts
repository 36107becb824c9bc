/*
 * The name of the one sheet in a segment's XLSX. Excel refuses a workbook whose sheet
 * name breaks its rules, and ExcelJS throws before writing one, so the tag's English
 * name is made to fit them here. The file's own name is made apart (file-name.ts).
 */

/** Characters Excel never allows in a sheet name. */
const forbidden = /[:\\/?*[\]]/g;

/** Control characters, which Excel shows as boxes or drops: a space reads better. */
const control = /\p{Cc}/gu;

/** Excel counts a sheet name's length in UTF-16 units and stops at 31. */
const maxUnits = 31;

/** Used when nothing of the tag's name is left, and in place of Excel's reserved name. */
export const fallbackSheetName = 'segment';

/** Whole characters from the start of `text` that fit in `maxUnits` UTF-16 units. */
function cutToUnits(text: string): string {
  let kept = '';
  for (const ch of text) {
    if (kept.length + ch.length > maxUnits) break;
    kept += ch;
  }
  return kept;
}

/** Spaces and apostrophes off both ends: Excel refuses a name starting or ending with "'". */
function trimEnds(text: string): string {
  return text.replace(/^[\s']+|[\s']+$/g, '');
}

/**
 * A tag's English name as an Excel sheet name: forbidden characters (`: \ / ? * [ ]`)
 * become spaces, apostrophes and spaces at either end go, at most 31 characters are kept,
 * and "segment" stands in when nothing is left or the name is "History", which Excel
 * keeps for itself (in any case of letters).
 */
export function segmentSheetName(nameEn: string): string {
  const spaced = nameEn.replace(forbidden, ' ').replace(control, ' ').replace(/\s+/g, ' ');
  // Cutting may leave an apostrophe or a space at the new end: trim again.
  const name = trimEnds(cutToUnits(trimEnds(spaced)));
  if (name === '' || name.toLowerCase() === 'history') return fallbackSheetName;
  return name;
}
