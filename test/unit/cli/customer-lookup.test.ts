import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { openApp } from '../../../core/service';
import { cli } from './run-cli';

/*
 * A shop owner names a customer by the member id or the phone their files show, not by the
 * console's own customer number. By hand: the file makes three customers, members M1, M2
 * (phone 13812341234) and M3, one receipt each at S01. M2 is merged into M1, then M1 into
 * M3: M2's member id and phone now sit on M3, so both find M3. The phone is never printed
 * whole: maskPhone keeps the first three and last four digits, 138****1234.
 */
let dir = '';
let db = '';
const id: Record<string, number> = {};
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roc-cli-lookup-'));
  db = path.join(dir, 'console.db');
  const pos = path.join(dir, 'pos.csv');
  const line = (receipt: string, day: string, member: string, phone: string) =>
    `S01,静安店,上海,${receipt},1,2026-11-${day} 11:00:00,,${member},${phone},SKU-1,拿铁,咖啡,1,` +
    '30.00,0,30.00\n';
  fs.writeFileSync(
    pos,
    'store_code,store_name,region,receipt_no,line_no,sold_at,status,member_no,member_phone,' +
      'sku,product_name,category,qty,unit_price,discount,line_total\n' +
      line('R1', '02', 'M1', '') +
      line('R2', '03', 'M2', '13812341234') +
      line('R3', '04', 'M3', ''),
  );
  expect((await cli('import', pos, '--preset', 'pos-standard', '--db', db)).code).toBe(0);

  const raw = new SQLite(db, { readonly: true });
  const member = raw.prepare(
    "SELECT customer_id FROM customer_identities WHERE kind = 'member' AND value = ?",
  );
  for (const m of ['M1', 'M2', 'M3']) id[m] = member.pluck().get(m) as number;
  raw.close();
});
afterEach(() => vi.restoreAllMocks());
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('naming a customer by the ids the files show', () => {
  it('finds a customer by member id and says which customer number that is', async () => {
    const run = await cli('customer', '--member', 'M1', '--db', db);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe(`member id M1: customer ${id.M1}`);
    expect(run.stdout).toContain(`customer ${id.M1}: `);
  });

  it('reads a member id as the importer does (spaces around it trimmed)', async () => {
    const run = await cli('explain', '--member', ' M3 ', '--db', db);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe(`member id M3: customer ${id.M3}`);
  });

  it('finds a customer by phone written any way, never printing it whole', async () => {
    const run = await cli('customer', '--phone', '+86 138-1234-1234', '--db', db);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe(`phone 138****1234: customer ${id.M2}`);
    expect(run.stdout + run.stderr).not.toContain('13812341234');
  });

  it('says no customer has a member id or phone that none has (exit 3)', async () => {
    const member = await cli('customer', '--member', 'M9', '--db', db);
    expect(member.code).toBe(3);
    expect(member.stderr).toContain('No customer has member id M9');
    const phone = await cli('customer', '--phone', '13900001111', '--db', db);
    expect(phone.code).toBe(3);
    expect(phone.stderr).toContain('No customer has phone 139****1111');
    expect(phone.stderr).not.toContain('13900001111');
  });

  it('refuses a masked phone, which names no single customer (exit 1)', async () => {
    const run = await cli('customer', '--phone', '138****1234', '--db', db);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--phone needs a whole phone number');
  });

  it('refuses two ways of naming the customer at once (exit 1)', async () => {
    const run = await cli('customer', '--member', 'M1', '--customer', '1', '--db', db);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('exactly one of --customer');
  });

  it('finds the customer a merged-away member id and phone belong to now', async () => {
    const app = await openApp({ file: db, host: 'cli', version: 'test' });
    await app.handlers['customers.merge']({ intoId: id.M1!, fromId: id.M2!, reason: 'same' });
    await app.handlers['customers.merge']({ intoId: id.M3!, fromId: id.M1!, reason: 'same' });
    await app.close();

    const member = await cli('customer', '--member', 'M2', '--db', db);
    expect(member.code).toBe(0);
    expect(member.stdout.split('\n')[0]).toBe(`member id M2: customer ${id.M3}`);
    const phone = await cli('explain', '--phone', '13812341234', '--db', db);
    expect(phone.code).toBe(0);
    expect(phone.stdout.split('\n')[0]).toBe(`phone 138****1234: customer ${id.M3}`);
  });
});
