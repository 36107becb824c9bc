import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerQuerySchema } from '../../../core/api/customers';
import { customerDetail } from '../../../core/crm/customers/detail';
import { customersPage } from '../../../core/crm/customers/page';
import { recomputeAll } from '../../../core/crm/recompute';
import { exportSegment } from '../../../core/crm/segments/export';
import { assignTag, saveTag } from '../../../core/crm/tags/store';
import { tempDb } from '../../support/db';
import { addCustomer, addIdentity, addOrder } from '../../support/crm-builders';

/*
 * Shops often make the customer's mobile their member id (会员号 = 手机号). Worked by hand
 * (maskPhone keeps the first three and last four digits):
 * - "plain" holds member 13812345678 → shown 138****5678.
 * - "prefixed" holds member "+86 139-0000-1111" (as a till may write it) → 139****1111;
 *   typing 13900001111 finds it (same national number), typing 0000 does not (hidden digits).
 * - "card" holds member 17850 (a card number, not a mobile) → shown whole, found by "785".
 * The export's member column: masked by default, the stored text when asked in full.
 */
type TestDb = Awaited<ReturnType<typeof tempDb>>;
let db: TestDb;
let tagId = 0;
const asOf = new Date('2024-06-30T12:00:00Z');
const c: Record<string, number> = {};

async function withMember(name: string, member: string): Promise<void> {
  c[name] = await addCustomer(db);
  await addIdentity(db, c[name]!, 'member', member);
  await addOrder(db, { customerId: c[name]!, at: '2024-06-01T03:00:00Z', amountFen: 100 });
}

beforeAll(async () => {
  db = await tempDb();
  await withMember('plain', '13812345678');
  await withMember('prefixed', '+86 139-0000-1111');
  await withMember('card', '17850');
  await recomputeAll(db, asOf);
  const tag = { nameZh: '回访', nameEn: 'Call back', kind: 'manual' as const, rule: null };
  tagId = (await saveTag(db, tag, asOf)).id;
  await assignTag(db, tagId, [c.plain!, c.prefixed!, c.card!], 'add', asOf);
});
afterAll(async () => {
  await db.cleanup();
});

async function page(filters: unknown[] = []) {
  const q = customerQuerySchema.parse({ filters, sort: [{ column: 'id', dir: 'asc' }] });
  return customersPage(db, q, asOf);
}

async function foundByKey(contains: string): Promise<number[]> {
  const rows = (await page([{ type: 'text', column: 'key', contains }])).rows;
  return rows.map((r) => r.id);
}

async function exportedMembers(unmaskPhones: boolean): Promise<string[]> {
  const file = await exportSegment(db, { tagId, format: 'csv', unmaskPhones }, asOf);
  const lines = Buffer.from(file.contentBase64, 'base64').toString('utf8').split('\r\n');
  const column = lines[0]!.split(',').indexOf('会员号 Member id');
  return lines.slice(1, -1).map((l) => l.split(',')[column]!);
}

describe('a member id that is a mobile number', () => {
  it('is masked in the grid’s key column, a card number is not', async () => {
    const keys = new Map((await page()).rows.map((r) => [r.id, r.key]));
    expect(keys.get(c.plain!)).toEqual({ kind: 'member', value: '138****5678' });
    expect(keys.get(c.prefixed!)).toEqual({ kind: 'member', value: '139****1111' });
    expect(keys.get(c.card!)).toEqual({ kind: 'member', value: '17850' });
  });

  it('is masked among the customer page’s identities', async () => {
    const detail = await customerDetail(db, c.prefixed!, asOf);
    expect(detail.identities.map((i) => i.value)).toEqual(['139****1111']);
    const card = await customerDetail(db, c.card!, asOf);
    expect(card.identities.map((i) => i.value)).toEqual(['17850']);
  });

  it('is still kept as the file wrote it', async () => {
    const kept = await db.k
      .selectFrom('customer_identities')
      .select('value')
      .where('customer_id', '=', c.prefixed!)
      .executeTakeFirstOrThrow();
    expect(kept.value).toBe('+86 139-0000-1111');
  });
});

describe('the key filter and a member id that is a mobile number', () => {
  it('finds it by the whole number, typed in any of its forms', async () => {
    expect(await foundByKey('13812345678')).toEqual([c.plain]);
    expect(await foundByKey('13900001111')).toEqual([c.prefixed]);
    expect(await foundByKey('+86 139 0000 1111')).toEqual([c.prefixed]);
    expect(await foundByKey('１３９００００１１１１')).toEqual([c.prefixed]);
  });

  it('does not find it by part of the number, which would reveal hidden digits', async () => {
    expect(await foundByKey('0000')).toEqual([]);
    expect(await foundByKey('1381234')).toEqual([]);
  });

  it('still finds an ordinary card number by part of it', async () => {
    expect(await foundByKey('785')).toEqual([c.card]);
  });
});

describe('the segment export and a member id that is a mobile number', () => {
  it('masks it by default', async () => {
    expect(await exportedMembers(false)).toEqual(['138****5678', '139****1111', '17850']);
  });

  it('shows it as kept when phones are asked for in full', async () => {
    // The CSV's formula guard puts an apostrophe before text starting with "+" that is not
    // only a number ("+86 139-0000-1111" has a space and hyphens).
    expect(await exportedMembers(true)).toEqual(['13812345678', "'+86 139-0000-1111", '17850']);
  });
});
