import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ColumnMapping } from '../../../core/api/imports';
import { importFile } from '../../../core/crm/import/batch-run';
import { recomputeAll } from '../../../core/crm/recompute';
import { exportSegment } from '../../../core/crm/segments/export';
import { assignTag, saveTag } from '../../../core/crm/tags/store';
import { tempDb } from '../../support/db';

type TestDb = Awaited<ReturnType<typeof tempDb>>;
let db: TestDb;
let dir: string;
const at = new Date('2024-06-30T12:00:00Z');

beforeEach(async () => {
  db = await tempDb();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'segment-currency-'));
});
afterEach(async () => {
  await db.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Imports one shop's lines priced in `currency`, tags its one customer, returns the CSV row. */
async function exportedRow(currency: string, lines: string): Promise<string> {
  const file = path.join(dir, 'shop.csv');
  fs.writeFileSync(file, `order,member,at,sku,qty,price\n${lines}`);
  const mapping: ColumnMapping = {
    rowKind: 'orderLine',
    channel: 'pos',
    currency,
    defaultStore: 'SHOP',
    fields: {
      orderId: 'order',
      customerMemberId: 'member',
      orderedAt: 'at',
      sku: 'sku',
      quantity: 'qty',
      unitPrice: 'price',
    },
  };
  const options = { source: { kind: 'mapping' as const, mapping } };
  const summary = await importFile(db, file, 'shop.csv', options, false, { at });
  expect(summary.status).toBe('committed');
  await recomputeAll(db, at);

  const tag = await saveTag(
    db,
    { nameZh: '海外', nameEn: 'Abroad', kind: 'manual', rule: null },
    at,
  );
  await assignTag(db, tag.id, [1], 'add', at);
  const out = await exportSegment(db, { tagId: tag.id, format: 'csv', unmaskPhones: false }, at);
  return Buffer.from(out.contentBase64, 'base64').toString('utf8').split('\r\n')[1] ?? '';
}

describe('the spend column of a segment file', () => {
  it('gives yen as whole yen: a currency without a minor unit is not divided by 100', async () => {
    // By hand: one order of 2 × ¥1,500 = ¥3,000, stored as 3000 (whole yen) → "3000.00".
    const row = await exportedRow('JPY', 'T1,J1,2024-06-01 12:00,A,2,1500\n');
    expect(row).toContain(',3000.00,JPY,');
    expect(row).not.toContain(',30.00,');
  });

  it('gives pounds from pence, as before', async () => {
    // By hand: 3 × £2.55 = £7.65, stored as 765 pence → "7.65".
    const row = await exportedRow('GBP', 'L1,U1,2024-06-01 12:00,A,3,2.55\n');
    expect(row).toContain(',7.65,GBP,');
  });
});
