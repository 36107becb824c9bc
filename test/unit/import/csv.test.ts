import fs from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CsvReader, detectDelimiter } from '../../../core/crm/import/csv';
import { dataFile } from '../../support/paths';

function readAll(text: string, delimiter: string) {
  const reader = new CsvReader(text, delimiter);
  const rows = [];
  for (let row = reader.next(); row; row = reader.next()) rows.push(row);
  return rows;
}

describe('CSV tokenizer', () => {
  it('reads quoted fields with delimiters, doubled quotes and line breaks, keeping file lines', () => {
    const text =
      'id,name,note\r\n1,"Message Book, Wirebound, 5 1/2"" X 4""",a\r\n2,"two\nlines",b\r\n3,x,c';
    const rows = readAll(text, ',');
    expect(rows.map((r) => r.cells)).toEqual([
      ['id', 'name', 'note'],
      ['1', 'Message Book, Wirebound, 5 1/2" X 4"', 'a'],
      ['2', 'two\nlines', 'b'],
      ['3', 'x', 'c'],
    ]);
    // Row 3 starts on line 4 because row 2's quoted field spans lines 3 and 4.
    expect(rows.map((r) => r.line)).toEqual([1, 2, 3, 5]);
  });

  it('keeps empty fields and a trailing empty field', () => {
    expect(readAll('a;b;c\n1;;\n', ';').map((r) => r.cells)).toEqual([
      ['a', 'b', 'c'],
      ['1', '', ''],
    ]);
  });

  it('detects comma, semicolon, tab and pipe delimiters', () => {
    const rows = [
      ['id', 'amount', 'name'],
      ['1', '12,50', 'a'],
      ['2', '3,20', 'b'],
    ];
    for (const delimiter of [',', ';', '\t', '|'] as const) {
      const text = rows
        .map((row) =>
          row.map((cell) => (cell.includes(delimiter) ? `"${cell}"` : cell)).join(delimiter),
        )
        .join('\n');
      expect(detectDelimiter(text)).toBe(delimiter);
    }
  });

  it('splits the real Superstore file the same way papaparse does', () => {
    // papaparse is the independent second reader here.
    const text = fs.readFileSync(dataFile('superstore-orders.csv'), 'utf8').replace(/^\uFEFF/, '');
    const ours = readAll(text, ',').map((row) => row.cells);
    const theirs = Papa.parse<string[]>(text, { delimiter: ',', skipEmptyLines: true }).data;
    expect(ours.length).toBe(theirs.length);
    expect(ours).toEqual(theirs);
  });
});
