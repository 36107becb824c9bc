import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerQuerySchema } from '../../../core/api/customers';
import type { CustomerQuery } from '../../../core/api/customers';
import { customerDetail } from '../../../core/crm/customers/detail';
import { maskEmail } from '../../../core/crm/customers/key';
import { customersPage } from '../../../core/crm/customers/page';
import { recomputeAll } from '../../../core/crm/recompute';
import type { IdentityKind } from '../../../core/db/schema';
import { tempDb } from '../../support/db';
import { addCustomer, addOrder } from '../../support/crm-builders';

type TestDb = Awaited<ReturnType<typeof tempDb>>;
let db: TestDb;
const asOf = new Date('2024-06-30T12:00:00Z');
const c: Record<string, number> = {};

/** Identities in the order given, so "recorded first" is the first listed. */
async function withIds(name: string, ids: [IdentityKind, string][]): Promise<void> {
  c[name] = await addCustomer(db);
  await addOrder(db, { customerId: c[name], at: '2024-06-01T03:00:00Z', amountFen: 100 });
  for (const [kind, value] of ids) {
    await db.k
      .insertInto('customer_identities')
      .values({ customer_id: c[name]!, kind, value, source: 'test', created_at: 0 })
      .execute();
  }
}

beforeAll(async () => {
  db = await tempDb();
  await withIds('member', [
    ['email', 'wang@example.com'],
    ['phone', '+8613812341234'],
    ['member', 'M-001'],
    ['member', 'M-002'],
  ]);
  await withIds('platform', [
    ['phone', '+8613900001111'],
    ['platform', 'olist-abc'],
  ]);
  await withIds('fullPhone', [
    ['masked_phone', '150****0000'],
    ['phone', '+8613700005678'],
    ['email', 'x@example.com'],
  ]);
  await withIds('maskedPhone', [['masked_phone', '186****4321']]);
  await withIds('email', [['email', 'lihua@example.com']]);
  await withIds('external', [
    ['external', 'order-buyer-9'],
    ['external', 'order-buyer-1'],
  ]);
  await withIds('none', []);
  await recomputeAll(db, asOf);
});
afterAll(async () => {
  await db.cleanup();
});

const query = (q: Partial<CustomerQuery>) => customerQuerySchema.parse({ limit: 500, ...q });

async function keysById(q: Partial<CustomerQuery> = {}) {
  const page = await customersPage(db, query(q), asOf);
  return new Map(page.rows.map((r) => [r.id, r.key]));
}

describe('the customer key the grid shows', () => {
  it('is the member id first, the first one recorded', async () => {
    expect((await keysById()).get(c.member!)).toEqual({ kind: 'member', value: 'M-001' });
  });

  it('is the platform id when there is no member id', async () => {
    expect((await keysById()).get(c.platform!)).toEqual({ kind: 'platform', value: 'olist-abc' });
  });

  it('is the phone, masked, when there is neither; a full phone before a masked one', async () => {
    const keys = await keysById();
    // +8613700005678 → national 13700005678 → first three, ****, last four.
    expect(keys.get(c.fullPhone!)).toEqual({ kind: 'phone', value: '137****5678' });
    expect(keys.get(c.maskedPhone!)).toEqual({ kind: 'phone', value: '186****4321' });
  });

  it('is the e-mail, masked, then an external id, and empty for a customer with none', async () => {
    const keys = await keysById();
    expect(keys.get(c.email!)).toEqual({ kind: 'email', value: 'li***@example.com' });
    expect(keys.get(c.external!)).toEqual({ kind: 'external', value: 'order-buyer-9' });
    expect(keys.get(c.none!)).toBeNull();
  });

  it('never carries a full phone or a whole e-mail in the page', async () => {
    const text = JSON.stringify(await customersPage(db, query({}), asOf));
    for (const hidden of ['13812341234', '13700005678', 'lihua@', 'wang@', '13900001111']) {
      expect(text).not.toContain(hidden);
    }
  });

  it('is the same on the customer’s own page', async () => {
    const detail = await customerDetail(db, c.platform!, asOf);
    expect(detail.row.key).toEqual({ kind: 'platform', value: 'olist-abc' });
  });
});

describe('filtering the grid on the key', () => {
  const contains = (text: string) => ({
    filters: [{ type: 'text' as const, column: 'key' as const, contains: text }],
  });

  it('finds member and platform ids that contain the text, in any case', async () => {
    expect([...(await keysById(contains('m-00'))).keys()]).toEqual([c.member]);
    expect([...(await keysById(contains('ABC'))).keys()]).toEqual([c.platform]);
  });

  it('finds a platform id behind a member id too (any of the customer’s ids)', async () => {
    await db.k
      .insertInto('customer_identities')
      .values({ customer_id: c.member!, kind: 'platform', value: 'hidden-xyz', created_at: 0 })
      .execute();
    expect([...(await keysById(contains('xyz'))).keys()]).toEqual([c.member]);
  });

  it('does not match the hidden digits of a phone or the hidden letters of an e-mail', async () => {
    // 0000567 is inside 13700005678 but not inside its masked form 137****5678.
    expect((await keysById(contains('0000567'))).size).toBe(0);
    expect((await keysById(contains('hua'))).size).toBe(0);
  });
});

describe('an e-mail as the grid shows it', () => {
  it('keeps two characters of a longer name, one of a short one, and the domain', () => {
    expect(maskEmail('lihua@example.com')).toBe('li***@example.com');
    expect(maskEmail('abc@qq.com')).toBe('a***@qq.com');
    expect(maskEmail('王小明@例子.cn')).toBe('王***@例子.cn');
    expect(maskEmail('not-an-address')).toBe('no***');
  });

  it('hides the whole name when it is one character, one of two when it is two', () => {
    // "a@x.cn": name "a", 1 character → none kept. "li@x.cn": name "li" → "l" kept.
    expect(maskEmail('a@x.cn')).toBe('***@x.cn');
    expect(maskEmail('王@例子.cn')).toBe('***@例子.cn');
    expect(maskEmail('li@x.cn')).toBe('l***@x.cn');
    expect(maskEmail('x')).toBe('***');
  });
});
