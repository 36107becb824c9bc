import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ColumnMapping } from '../../../core/api/imports';
import { importFile } from '../../../core/crm/import/batch-run';
import { presetById } from '../../../core/crm/import/presets';
import { tempDb } from '../../support/db';

let db: Awaited<ReturnType<typeof tempDb>>;
let dir: string;
beforeEach(async () => {
  db = await tempDb();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roc-from-preset-'));
});
afterEach(async () => {
  await db.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Two UK invoices: a cancellation at 23:30 London time and postage alone at noon. */
function ukFile(): string {
  const file = path.join(dir, 'uk.csv');
  fs.writeFileSync(
    file,
    [
      'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country',
      'C558001,21733,HEART,-2,2011-06-24 23:30:00,2.95,12345,United Kingdom',
      '558002,POST,POSTAGE,1,2011-06-24 12:00:00,18,12345,United Kingdom',
    ].join('\n') + '\n',
  );
  return file;
}

async function importWith(mapping: ColumnMapping) {
  const source = { kind: 'mapping' as const, name: 'uk shop', mapping };
  await importFile(db, ukFile(), 'uk.csv', { source }, false, {
    at: new Date('2026-12-04T08:00:00Z'),
  });
  return db.raw
    .prepare('SELECT external_id, kind, ordered_at FROM orders ORDER BY external_id')
    .all();
}

describe('a mapping made from a preset', () => {
  it('keeps the preset’s zone and rules, as the wizard’s custom mapping does', async () => {
    // London is UTC+1 in June: 23:30 there is 22:30 UTC, noon is 11:00 UTC (by hand). The
    // 'C' prefix makes a cancellation and POST an adjustment, as the UCI preset says.
    const mapping = { ...presetById('uci-online-retail').mapping, basedOn: 'uci-online-retail' };
    expect(await importWith(mapping)).toEqual([
      { external_id: '558002', kind: 'adjustment', ordered_at: Date.UTC(2011, 5, 24, 11, 0) },
      { external_id: 'C558001', kind: 'cancellation', ordered_at: Date.UTC(2011, 5, 24, 22, 30) },
    ]);
    const zone = db.raw.prepare("SELECT time_zone FROM stores WHERE code = 'UCI-ONLINE'").get();
    expect(zone).toEqual({ time_zone: 'Europe/London' });
  });

  it('reads as a plain mapping when its preset is unknown to this version', async () => {
    // Shanghai time (UTC+8): 23:30 is 15:30 UTC; without the rules, a return and a sale.
    const mapping = { ...presetById('uci-online-retail').mapping, basedOn: 'gone-preset' };
    expect(await importWith(mapping)).toEqual([
      { external_id: '558002', kind: 'sale', ordered_at: Date.UTC(2011, 5, 24, 4, 0) },
      { external_id: 'C558001', kind: 'return', ordered_at: Date.UTC(2011, 5, 24, 15, 30) },
    ]);
  });
});
