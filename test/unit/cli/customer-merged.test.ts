import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openApp } from '../../../core/service';
import { cli } from './run-cli';

/*
 * A customer merged into another has no page of their own. A tester found that `customer`
 * answered only "may have been merged into another" (exit 3) though the database records
 * into whom, and that `explain --tag`, which worked for such a customer before the CLI read
 * the customer's page for the zone, failed the same way.
 * By hand: the file makes three customers, members M1, M2, M3 (one receipt each, S01 in
 * Shanghai). Through the service, as the customer page does: M2 is merged into M1, then M1
 * into M3, so M2 is part of M3 now, through M1.
 */
let dir = '';
let db = '';
const id: Record<string, number> = {};
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roc-cli-merged-'));
  db = path.join(dir, 'console.db');
  const pos = path.join(dir, 'pos.csv');
  const line = (receipt: string, day: string, member: string) =>
    `S01,静安店,上海,${receipt},1,2026-11-${day} 11:00:00,,${member},,SKU-1,拿铁,咖啡,1,30.00,0,30.00\n`;
  fs.writeFileSync(
    pos,
    'store_code,store_name,region,receipt_no,line_no,sold_at,status,member_no,member_phone,' +
      'sku,product_name,category,qty,unit_price,discount,line_total\n' +
      line('R1', '02', 'M1') +
      line('R2', '03', 'M2') +
      line('R3', '04', 'M3'),
  );
  expect((await cli('import', pos, '--preset', 'pos-standard', '--db', db)).code).toBe(0);

  const raw = new SQLite(db, { readonly: true });
  const member = raw.prepare(
    "SELECT customer_id FROM customer_identities WHERE kind = 'member' AND value = ?",
  );
  for (const m of ['M1', 'M2', 'M3']) id[m] = member.pluck().get(m) as number;
  raw.close();

  const app = await openApp({ file: db, host: 'cli', version: 'test' });
  await app.handlers['customers.merge']({ intoId: id.M1!, fromId: id.M2!, reason: 'same person' });
  await app.handlers['customers.merge']({ intoId: id.M3!, fromId: id.M1!, reason: 'same person' });
  await app.close();
});
afterEach(() => vi.restoreAllMocks());
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('the CLI asked for a customer merged into another', () => {
  it('exits 3 naming the customer they were merged into', async () => {
    const r = await cli('customer', '--customer', String(id.M1), '--db', db);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`Customer ${id.M1} was merged into customer ${id.M3}:`);
  });

  it('names the customer they are part of now after a merge of a merge', async () => {
    const r = await cli('customer', '--customer', String(id.M2), '--db', db);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(
      `Customer ${id.M2} was merged into customer ${id.M3} (through customer ${id.M1})`,
    );
  });

  it('still says "not found" for a customer that never was', async () => {
    const r = await cli('customer', '--customer', '999', '--db', db);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('No customer 999');
  });
});

describe('the CLI asked to explain a tag of a customer merged into another', () => {
  it('explains it again, saying whom they were merged into', async () => {
    const r = await cli(
      'explain',
      '--customer',
      String(id.M2),
      '--tag',
      'rfm:champions',
      '--db',
      db,
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`customer ${id.M2} was merged into customer ${id.M3}`);
    // Times in the Shanghai store's zone of the customer they are part of now.
    expect(r.stdout).toMatch(/RFM: Champions \[rfm\]: .* as of [\d-]+ [\d:]+ Asia\/Shanghai/);
  });

  it('without --tag, exits 3 naming the customer whose tags to explain', async () => {
    const r = await cli('explain', '--customer', String(id.M2), '--db', db);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(`merged into customer ${id.M3}`);
  });
});
