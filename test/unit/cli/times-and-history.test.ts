import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../../hosts/cli/program';
import { markOlderStore } from '../../support/older-db';
import { dataFile } from '../../support/paths';

/** The CLI in this process, with what it prints captured. */
async function cli(...args: string[]) {
  const out: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const code = await main(args);
  vi.restoreAllMocks();
  return { code, stdout: out.join('\n') };
}

let dir: string;
let db: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roc-cli-times-'));
  db = path.join(dir, 'console.db');
});
afterEach(() => vi.restoreAllMocks());
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The console's id of the customer with a member id (the files' CustomerID). */
function customerOfMember(memberId: string): number {
  const raw = new SQLite(db, { readonly: true });
  try {
    return raw
      .prepare("SELECT customer_id FROM customer_identities WHERE kind = 'member' AND value = ?")
      .pluck()
      .get(memberId) as number;
  } finally {
    raw.close();
  }
}

describe('times the CLI prints', () => {
  it("says a Chinese store's order in Shanghai time, naming the zone", async () => {
    // One receipt sold at 11:00 in Shanghai (UTC+8, no summer time): 03:00 UTC.
    const pos = path.join(dir, 'pos.csv');
    fs.writeFileSync(
      pos,
      'store_code,store_name,region,receipt_no,line_no,sold_at,status,member_no,member_phone,' +
        'sku,product_name,category,qty,unit_price,discount,line_total\n' +
        'S01,静安店,上海,R1,1,2026-11-02 11:00:00,,M1,,SKU-1,拿铁,咖啡,1,30.00,0,30.00\n',
    );
    expect((await cli('import', pos, '--preset', 'pos-standard', '--db', db)).code).toBe(0);

    const text = await cli('customer', '--customer', '1', '--db', db);
    expect(text.stdout).toContain('last order 2026-11-02 11:00 Asia/Shanghai');
    // The receipt as the till wrote it (R1, receipt_no above), its store beside it.
    expect(text.stdout).toMatch(/ R1 +静安店 +sale +2026-11-02 11:00 Asia\/Shanghai/);
    const json = JSON.parse(
      (await cli('customer', '--customer', '1', '--db', db, '--json')).stdout,
    );
    expect(json.orders[0].orderedAt).toBe('2026-11-02T03:00:00.000Z');
  });

  it("says a UK shop's order in London time, summer time included", async () => {
    // The sample's invoice 567336 (customer 12621) reads "2011-09-19 14:56:00", London's
    // wall clock in BST (UTC+1): 13:56 UTC, shown again as 14:56 Europe/London.
    const file = dataFile('online-retail-uci-sample.csv');
    expect((await cli('import', file, '--preset', 'uci-online-retail', '--db', db)).code).toBe(0);
    const id = customerOfMember('12621');

    const text = await cli('customer', '--customer', String(id), '--db', db);
    expect(text.stdout).toMatch(/567336 +UCI-ONLINE +sale +2011-09-19 14:56 Europe\/London/);
    const json = JSON.parse(
      (await cli('customer', '--customer', String(id), '--db', db, '--json')).stdout,
    ) as { orders: { externalId: string; orderedAt: string }[] };
    const order = json.orders.find((o) => o.externalId === '567336');
    expect(order?.orderedAt).toBe('2011-09-19T13:56:00.000Z');
  });
});

describe('an import that corrects a store', () => {
  it("says the store's zone it corrected, though the file added nothing new", async () => {
    // As an older version left it: UCI-ONLINE at the default zone, of unknown zone. The same file again adds
    // nothing (unchanged, no batch of its own) but puts the store in London's zone.
    const raw = new SQLite(db);
    markOlderStore(raw, 'UCI-ONLINE');
    raw.close();
    const file = dataFile('online-retail-uci-sample.csv');

    const again = await cli('import', file, '--preset', 'uci-online-retail', '--db', db);

    expect(again.stdout).toContain('online-retail-uci-sample.csv: unchanged (batch 2)');
    expect(again.stdout).toContain(
      'store UCI-ONLINE: time zone corrected from Asia/Shanghai to Europe/London (kept)',
    );
  });
});

describe('the import history the CLI prints', () => {
  it('shows a refused file under the batch number it took, as refused', async () => {
    // The two imports above are batches 1 and 2; the dirty file is refused (rows whose
    // dates could be read two ways) and kept as batch 3; a file after it is batch 4.
    const dirty = dataFile('online-retail-dirty.csv');
    const refused = await cli('import', dirty, '--preset', 'uci-online-retail', '--db', db);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toContain('kept in the import history as refused batch 3');

    const pos = path.join(dir, 'pos-2.csv');
    fs.writeFileSync(
      pos,
      fs.readFileSync(path.join(dir, 'pos.csv'), 'utf8').replace(/R1,1/, 'R2,1'),
    );
    const next = await cli('import', pos, '--preset', 'pos-standard', '--db', db);
    expect(next.stdout).toContain('pos-2.csv: committed (batch 4)');

    const history = (await cli('batches', '--db', db)).stdout.split('\n');
    expect(history[0]).toMatch(/^batch +status +file +started/);
    expect(history[1]).toMatch(
      /^4 +committed +pos-2\.csv +\d{4}-\d\d-\d\d \d\d:\d\d Asia\/Shanghai/,
    );
    expect(history[2]).toMatch(/^3 +refused +online-retail-dirty\.csv .* 20 +0 +0 +\d+$/);
  });
});
