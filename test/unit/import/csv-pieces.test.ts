import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { CsvReader, type CsvRow } from '../../../core/crm/import/csv';
import { bytePieces, pieceRows, surveyFile } from '../../../core/crm/import/csv-pieces';
import { dataFile } from '../../support/paths';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roc-pieces-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function whole(text: string): CsvRow[] {
  const reader = new CsvReader(text, ',');
  const rows: CsvRow[] = [];
  reader.next();
  for (let row = reader.next(); row; row = reader.next()) rows.push(row);
  return rows;
}

function pieces(file: string, encoding: string, size: number): CsvRow[] {
  const next = pieceRows(bytePieces(file, size), encoding, ',');
  const rows: CsvRow[] = [];
  for (let row = next(); row; row = next()) rows.push(row);
  return rows;
}

function writeFile(name: string, bytes: Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

describe('reading a CSV file in pieces', () => {
  it('gives the same rows and lines as reading it whole, whatever the piece size', () => {
    const text =
      'id,note,amount\r\n1,"a, b",2\r\n2,"two\nlines ""quoted""",3\r\n3,c,4\r\n4,"x\ny\nz",5\r\n';
    const file = writeFile('small.csv', Buffer.from(text, 'utf8'));
    for (const size of [1, 5, 17, 40, 1000]) {
      expect(pieces(file, 'utf-8', size), `piece size ${size}`).toEqual(whole(text));
    }
  });

  it('never cuts a GBK character or a quoted field', () => {
    const lines = ['门店,备注,金额'];
    for (let i = 0; i < 200; i++) lines.push(`上海${i}号店,"多行\n备注, 第${i}条",${i}.50`);
    const text = lines.join('\n') + '\n';
    const file = writeFile('gbk.csv', iconv.encode(text, 'gbk'));
    expect(pieces(file, 'gb18030', 97)).toEqual(whole(text));
  });

  it('reads the real Superstore file the same in 64 KiB pieces', () => {
    const file = dataFile('superstore-orders.csv');
    const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    expect(pieces(file, 'utf-8', 64 * 1024)).toEqual(whole(text));
  });

  it('splits UTF-8 on the bytes and decodes exactly the fields that are not ASCII', () => {
    // Chinese names (repeated, so the second reading of each comes from memory), a BOM,
    // a quoted field with a comma, a doubled quote and a line break, and two bytes that
    // are no UTF-8 at all (0xE4 cut short, a lone 0xFF): Node's own decoder of the whole
    // text gives U+FFFD for each, and so must the field-by-field reading.
    const head = Buffer.from('\uFEFF门店,备注,金额\n上海店,"甲, ""乙""\n丙",1.50\n', 'utf8');
    const bad = Buffer.from([0xe4, 0x2c, 0x41, 0xff, 0x2c, 0x32, 0x0a]);
    const tail = Buffer.from('上海店,普通,3\r\n北京店,,4\n', 'utf8');
    const bytes = Buffer.concat([head, bad, tail]);
    const file = writeFile('utf8-bytes.csv', bytes);
    const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
    for (const size of [3, 11, 64, 4096]) {
      expect(pieces(file, 'utf-8', size), `piece size ${size}`).toEqual(whole(text));
    }
    expect(pieces(file, 'utf-8', 64)[1]?.cells).toEqual(['\uFFFD', 'A\uFFFD', '2']);
  });

  it('counts lines and checks UTF-8 in one pass over the bytes', () => {
    expect(surveyFile(writeFile('a.csv', Buffer.from('a\nb\n')))).toMatchObject({ lines: 2 });
    expect(surveyFile(writeFile('b.csv', Buffer.from('a\nb')))).toMatchObject({ lines: 2 });
    expect(surveyFile(writeFile('c.csv', Buffer.alloc(0)))).toMatchObject({ lines: 0 });
    expect(surveyFile(writeFile('d.csv', iconv.encode('门店\n', 'gbk'))).utf8).toBe(false);
    expect(surveyFile(writeFile('e.csv', Buffer.from('门店\n'))).utf8).toBe(true);
  });
});
