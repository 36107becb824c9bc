import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cli } from './run-cli';

/*
 * A shop whose member ids are the customers' mobiles (会员号 = 手机号). By hand: the file
 * makes two customers, members 13812345678 and 13899995678 (both masked 138****5678, as
 * maskPhone keeps the first three and last four digits); the second also has the phone
 * 13812345678. `--member 13812345678` must name the first, and never print it whole.
 */
let dir = '';
let db = '';
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roc-cli-member-phone-'));
  db = path.join(dir, 'console.db');
  const pos = path.join(dir, 'pos.csv');
  const line = (receipt: string, member: string, phone: string) =>
    `S01,静安店,上海,${receipt},1,2026-11-02 11:00:00,,${member},${phone},SKU-1,拿铁,咖啡,1,` +
    '30.00,0,30.00\n';
  fs.writeFileSync(
    pos,
    'store_code,store_name,region,receipt_no,line_no,sold_at,status,member_no,member_phone,' +
      'sku,product_name,category,qty,unit_price,discount,line_total\n' +
      line('R1', '13899995678', '13812345678') +
      line('R2', '13812345678', ''),
  );
  expect((await cli('import', pos, '--preset', 'pos-standard', '--db', db)).code).toBe(0);
});
afterEach(() => vi.restoreAllMocks());
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('naming a customer by a member id that is a mobile number', () => {
  it('finds the customer holding it and prints it masked', async () => {
    const byMember = await cli('customer', '--member', '13812345678', '--db', db);
    expect(byMember.code).toBe(0);
    const first = byMember.stdout.split('\n')[0]!;
    expect(first).toMatch(/^member id 138\*{4}5678: customer \d+$/);
    expect(byMember.stdout + byMember.stderr).not.toContain('13812345678');

    // The other customer, found by the phone they share digits with, is a different one.
    const byPhone = await cli('customer', '--phone', '13812345678', '--db', db);
    expect(byPhone.code).toBe(0);
    expect(byPhone.stdout.split('\n')[0]!.split(': ')[1]).not.toBe(first.split(': ')[1]);
  });

  it('says masked that no customer has one that none has (exit 3)', async () => {
    const run = await cli('customer', '--member', '13700001111', '--db', db);
    expect(run.code).toBe(3);
    expect(run.stderr).toContain('No customer has member id 137****1111');
    expect(run.stderr).not.toContain('13700001111');
  });
});
