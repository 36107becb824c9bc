import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFile } from '../../../core/crm/import/batch-run';
import { tempDb } from '../../support/db';
import { dataFile } from '../../support/paths';
import { commitRows, posLine } from '../commit/records';

let db: Awaited<ReturnType<typeof tempDb>>;
let dir: string;
beforeEach(async () => {
  db = await tempDb();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roc-dup-'));
});
afterEach(async () => {
  await db.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

const uci = { source: { kind: 'preset' as const, id: 'uci-online-retail' } };
const at = new Date('2026-12-04T08:00:00Z');

describe('the summary of an export that overlaps an imported one', () => {
  it('lists the lines already imported, with their order and line number', async () => {
    // The earlier export: the header and the first 12,000 rows of the UCI sample.
    // The later one: the whole sample, which repeats those rows in the same order.
    const full = dataFile('online-retail-uci-sample.csv');
    const earlier = path.join(dir, 'uci-first-12000.csv');
    const text = fs.readFileSync(full, 'utf8').split('\n');
    fs.writeFileSync(earlier, text.slice(0, 12001).join('\n') + '\n');

    const first = await importFile(db, earlier, 'uci-first-12000.csv', uci, false, { at });
    expect(first).toMatchObject({ status: 'committed', rowsImported: 12000, rowsDuplicate: 0 });
    expect(first.duplicates).toEqual([]);

    const later = await importFile(db, full, 'uci-all.csv', uci, false, { at });

    // Right answers from python3's csv module over the file, numbering each invoice's
    // rows in file order (line = index + 2):
    //   rows = list(csv.DictReader(open('online-retail-uci-sample.csv', newline='')))
    //   rank = {}; out = []
    //   for i, r in enumerate(rows):
    //       inv = r['InvoiceNo']; rank[inv] = rank.get(inv, 0) + 1
    //       if i < 12000: out.append((i + 2, inv, rank[inv]))
    //   len(out) → 12000; out[:3] → [(2, '546306', 1), (3, '557055', 1), (4, '572516', 1)]
    //   out[97:100] → [(99, '572860', 1), (100, '574856', 1), (101, '537334', 1)]
    expect(later).toMatchObject({
      status: 'committed',
      rowsTotal: 20000,
      rowsImported: 8000,
      rowsDuplicate: 12000,
      rowsRejected: 0,
    });
    expect(later.duplicates).toHaveLength(100);
    const listed = later.duplicates.map((d) => [d.line, d.orderId, d.lineNo]);
    expect(listed.slice(0, 3)).toEqual([
      [2, '546306', 1],
      [3, '557055', 1],
      [4, '572516', 1],
    ]);
    expect(listed.slice(97)).toEqual([
      [99, '572860', 1],
      [100, '574856', 1],
      [101, '537334', 1],
    ]);
    expect(later.duplicates.map((d) => d.line)).toEqual(
      Array.from({ length: 100 }, (_, i) => i + 2),
    );
    expect(new Set(later.duplicates.map((d) => d.code))).toEqual(new Set(['line_known']));
    expect(later.duplicates[0]!.reason).toBe(
      'Line 1 of order 546306 is already in the database from an earlier import.',
    );
  });

  it('says when a line repeats one earlier in the same file', async () => {
    const summary = await commitRows(db, [
      posLine(2, 'R1', { lineNo: 1 }),
      posLine(3, 'R2', { lineNo: 1 }),
      posLine(4, 'R1', { lineNo: 1 }),
    ]);
    expect(summary).toMatchObject({ rowsImported: 2, rowsDuplicate: 1 });
    expect(summary.duplicates).toEqual([
      {
        line: 4,
        orderId: 'R1',
        lineNo: 1,
        code: 'line_repeated',
        reason: 'Line 1 of order R1 appears earlier in this file.',
      },
    ]);
  });

  it('lists nothing when every row is new', async () => {
    const summary = await commitRows(db, [posLine(2, 'R1'), posLine(3, 'R1')]);
    expect(summary).toMatchObject({ rowsImported: 2, rowsDuplicate: 0, duplicates: [] });
  });
});
