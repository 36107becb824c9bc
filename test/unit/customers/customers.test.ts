import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customerQuerySchema } from '../../../core/api/customers';
import type { CustomerQuery } from '../../../core/api/customers';
import { dashboardSummary } from '../../../core/crm/customers/dashboard';
import { customerDetail } from '../../../core/crm/customers/detail';
import { customersPage } from '../../../core/crm/customers/page';
import { recomputeAll } from '../../../core/crm/recompute';
import { exportSegment } from '../../../core/crm/segments/export';
import { assignTag, saveTag } from '../../../core/crm/tags/store';
import { tempDb } from '../../support/db';
import { addCustomer, addIdentity, addOrder, addStore } from '../../support/crm-builders';

type TestDb = Awaited<ReturnType<typeof tempDb>>;
let db: TestDb;
const asOf = new Date('2024-06-30T12:00:00Z');
const c: Record<string, number> = {};
let vipTag = 0;

// zhang: 2 sales (pos 12000, miniprogram 8000) = 20000, Shanghai, full phone.
// li: 1 delivery sale of 5000, masked phone from the platform. merged: merged into zhang.
// One anonymous pos sale of 3000.
beforeAll(async () => {
  db = await tempDb();
  const store = await addStore(db, 'SH01', '静安店');
  c.zhang = await addCustomer(db, {
    name: '张伟',
    gender: 'M',
    birthDate: '1990-05-05',
    city: '上海',
  });
  c.li = await addCustomer(db, { name: 'Li Lei', gender: 'F', city: 'Beijing' });
  c.merged = await addCustomer(db, { name: '张伟', mergedInto: c.zhang });
  await addIdentity(db, c.zhang, 'phone', '+8613800001234');
  await addIdentity(db, c.zhang, 'member', 'M001');
  await addIdentity(db, c.zhang, 'email', 'zhang@example.cn');
  await addIdentity(db, c.li, 'masked_phone', '139****5678');
  await addOrder(db, {
    customerId: c.zhang,
    at: '2024-06-01T03:00:00Z',
    amountFen: 12000,
    storeId: store,
    lines: [
      { category: 'tea', amountFen: 7000 },
      { category: 'cake', amountFen: 5000 },
    ],
  });
  await addOrder(db, {
    customerId: c.zhang,
    at: '2024-05-01T03:00:00Z',
    amountFen: 8000,
    channel: 'miniprogram',
  });
  await addOrder(db, {
    customerId: c.li,
    at: '2024-06-20T03:00:00Z',
    amountFen: 5000,
    channel: 'delivery',
  });
  await addOrder(db, {
    customerId: null,
    at: '2024-06-21T03:00:00Z',
    amountFen: 3000,
    storeId: store,
  });
  await db.k
    .insertInto('customer_merges')
    .values({
      into_customer_id: c.zhang,
      from_customer_id: c.merged,
      reason: 'same phone 138****1234',
      rule: 'phone',
      merged_at: Date.parse('2024-06-02T00:00:00Z'),
      undone_at: null,
      moved_json: '{}',
    })
    .execute();
  await recomputeAll(db, asOf);
  vipTag = (await saveTag(db, { nameZh: '贵宾', nameEn: 'VIP', kind: 'manual', rule: null }, asOf))
    .id;
  await assignTag(db, vipTag, [c.zhang], 'add', asOf);
});
afterAll(async () => {
  await db.cleanup();
});

const page = (q: Partial<CustomerQuery> = {}) =>
  customersPage(db, customerQuerySchema.parse(q), asOf);
const names = async (q: Partial<CustomerQuery>) => (await page(q)).rows.map((r) => r.name);

describe('the customers grid', () => {
  it('lists customers of their own with masked phones and their tags', async () => {
    const { rows, total } = await page({ sort: [{ column: 'spendAll', dir: 'desc' }] });
    expect(total).toBe(2);
    expect(rows.map((r) => [r.name, r.phone, r.spendAll, r.ordersAll])).toEqual([
      ['张伟', '138****1234', 20000, 2],
      ['Li Lei', '139****5678', 5000, 1],
    ]);
    // Born 1990-05-05: 34 on 2024-06-30.
    expect(rows[0]).toMatchObject({ age: 34, preferredCategory: 'tea' });
    expect(rows[0]!.tags.map((t) => t.nameEn)).toContain('VIP');
    expect(JSON.stringify(rows)).not.toContain('13800001234');
  });

  it('finds a customer by name, member id, e-mail or phone digits', async () => {
    expect(await names({ search: '张' })).toEqual(['张伟']);
    expect(await names({ search: 'M001' })).toEqual(['张伟']);
    expect(await names({ search: ' Zhang@Example.CN ' })).toEqual(['张伟']);
    expect(await names({ search: '138 0000 1234' })).toEqual(['张伟']);
    expect(await names({ search: '5678' })).toEqual(['Li Lei']);
    expect(await names({ search: '100%' })).toEqual([]);
  });

  it('filters by tag, RFM cell and columns, and pages', async () => {
    expect(await names({ tagIds: [vipTag] })).toEqual(['张伟']);
    expect(
      await names({ filters: [{ type: 'number', column: 'spendAll', cmp: 'lt', value: 10000 }] }),
    ).toEqual(['Li Lei']);
    expect(await names({ filters: [{ type: 'text', column: 'city', contains: 'jing' }] })).toEqual([
      'Li Lei',
    ]);
    expect(
      await names({ filters: [{ type: 'set', column: 'preferredChannel', values: ['delivery'] }] }),
    ).toEqual(['Li Lei']);
    expect(await names({ filters: [{ type: 'set', column: 'ordersAll', values: ['2'] }] })).toEqual(
      ['张伟'],
    );
    const zhang = (await page({ tagIds: [vipTag] })).rows[0]!;
    expect(await names({ rfm: { r: zhang.rfmR!, f: zhang.rfmF! } })).toContain('张伟');
    const second = await page({ sort: [{ column: 'name', dir: 'asc' }], offset: 1, limit: 1 });
    expect([second.total, second.rows.map((r) => r.name)]).toEqual([2, ['张伟']]);
  });
});

describe('the customer page', () => {
  it('shows identities masked, orders across channels, tags and merges', async () => {
    const d = await customerDetail(db, c.zhang!, asOf);
    expect(d.identities).toEqual([
      { kind: 'phone', value: '138****1234', source: 'test' },
      { kind: 'member', value: 'M001', source: 'test' },
      { kind: 'email', value: 'zhang@example.cn', source: 'test' },
    ]);
    expect(d.orders.map((o) => [o.channel, o.store, o.amountFen, o.lines, o.businessDay])).toEqual([
      ['pos', '静安店', 12000, 2, '2024-06-01'],
      ['miniprogram', null, 8000, 0, '2024-05-01'],
    ]);
    expect(d.preferredStore).toBe('静安店');
    expect(d.tags.find((t) => t.nameEn === 'VIP')).toMatchObject({
      since: asOf.toISOString(),
      version: 1,
    });
    expect(d.merges).toMatchObject([
      { fromCustomerId: c.merged, reason: 'same phone 138****1234', undoneAt: null },
    ]);
  });

  it('does not show a merged customer as one of its own', async () => {
    await expect(customerDetail(db, c.merged!, asOf)).rejects.toMatchObject({
      code: 'customers.not_found',
    });
  });
});

describe('segment export', () => {
  it('writes CSV with a BOM and masked phones unless asked', async () => {
    const file = await exportSegment(
      db,
      { tagId: vipTag, format: 'csv', unmaskPhones: false },
      asOf,
    );
    const bytes = Buffer.from(file.contentBase64, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain('张伟');
    expect(text).toContain('138****1234');
    expect(text).not.toContain('13800001234');
    expect(text).toContain('200.00'); // 20000 fen
    expect(file).toMatchObject({ rows: 1, fileName: expect.stringMatching(/\.csv$/) });

    const open = await exportSegment(
      db,
      { tagId: vipTag, format: 'csv', unmaskPhones: true },
      asOf,
    );
    expect(Buffer.from(open.contentBase64, 'base64').toString('utf8')).toContain('+8613800001234');
  });

  it('writes an XLSX workbook that Excel can read, phones masked', async () => {
    const file = await exportSegment(
      db,
      { tagId: vipTag, format: 'xlsx', unmaskPhones: false },
      asOf,
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.contentBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.rowCount).toBe(2);
    const values = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(values.slice(0, 2)).toEqual([c.zhang, '张伟']);
    expect(values).toContain('138****1234');
  });
});

describe('the dashboard', () => {
  it('splits sales by channel and between members, other customers and anonymous buyers', async () => {
    const d = await dashboardSummary(db, 365, asOf);
    // pos: 12000 (zhang) + 3000 (anonymous); miniprogram 8000; delivery 5000.
    expect(d.channelMix).toEqual([
      { channel: 'pos', orders: 2, salesFen: 15000 },
      { channel: 'miniprogram', orders: 1, salesFen: 8000 },
      { channel: 'delivery', orders: 1, salesFen: 5000 },
    ]);
    // Members: zhang (member id and phone) 12000 + 8000; li, known by a masked phone only,
    // is an identified customer but no member: 5000; the anonymous till sale 3000.
    expect([
      d.memberSalesFen,
      d.otherCustomerSalesFen,
      d.anonymousSalesFen,
      d.salesFen,
      d.customers,
    ]).toEqual([20000, 5000, 3000, 28000, 2]);
    expect(d.salesByMonth).toContainEqual({
      month: '2024-05',
      channel: 'miniprogram',
      salesFen: 8000,
    });
    // Over 30 days (June 1 … 30) the May order drops out.
    expect((await dashboardSummary(db, 30, asOf)).salesFen).toBe(20000);
  });
});
