import fs from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { CsvReader, type CsvRow } from '../../../core/crm/import/csv';
import { countByteLines, pieceRows } from '../../../core/crm/import/csv-pieces';
import { dataFile } from '../../support/paths';

function whole(text: string, delimiter = ','): CsvRow[] {
  const reader = new CsvReader(text, delimiter);
  const rows: CsvRow[] = [];
  reader.next();
  for (let row = reader.next(); row; row = reader.next()) rows.push(row);
  return rows;
}

function pieces(bytes: Buffer, encoding: string, size: number): CsvRow[] {
  const next = pieceRows(bytes, encoding, ',', size);
  const rows: CsvRow[] = [];
  for (let row = next(); row; row = next()) rows.push(row);
  return rows;
}

describe('reading a CSV file in pieces', () => {
  it('gives the same rows and lines as reading it whole, whatever the piece size', () => {
    const text =
      'id,note,amount\r\n1,"a, b",2\r\n2,"two\nlines ""quoted""",3\r\n3,c,4\r\n4,"x\ny\nz",5\r\n';
    const bytes = Buffer.from(text, 'utf8');
    for (const size of [1, 5, 17, 40, 1000]) {
      expect(pieces(bytes, 'utf-8', size), `piece size ${size}`).toEqual(whole(text));
    }
  });

  it('never cuts a GBK character or a quoted field', () => {
    const lines = ['门店,备注,金额'];
    for (let i = 0; i < 200; i++) lines.push(`上海${i}号店,"多行\n备注, 第${i}条",${i}.50`);
    const text = lines.join('\n') + '\n';
    const bytes = iconv.encode(text, 'gbk');
    expect(pieces(bytes, 'gb18030', 97)).toEqual(whole(text));
  });

  it('reads the real Superstore file the same in 64 KiB pieces', () => {
    const bytes = fs.readFileSync(dataFile('superstore-orders.csv'));
    const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
    expect(pieces(bytes, 'utf-8', 64 * 1024)).toEqual(whole(text));
  });

  it('counts lines from the bytes', () => {
    expect(countByteLines(Buffer.from('a\nb\n'))).toBe(2);
    expect(countByteLines(Buffer.from('a\nb'))).toBe(2);
    expect(countByteLines(Buffer.alloc(0))).toBe(0);
  });
});
