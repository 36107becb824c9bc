import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { customerDetail, maskedMatches, shownIdentities } from '../../../core/crm/customers/detail';
import { orderKeyInStore } from '../../../core/crm/import/order-key';
import { orderNumberShown } from '../../../core/crm/import/order-number';
import { refundKey } from '../../../core/crm/import/commit-refunds';
import { recomputeAll } from '../../../core/crm/recompute';
import { tempDb } from '../../support/db';
import { addCustomer, addIdentity, addOrder, addStore } from '../../support/crm-builders';

type TestDb = Awaited<ReturnType<typeof tempDb>>;
let db: TestDb;
beforeEach(async () => {
  db = await tempDb();
});
afterEach(async () => {
  await db.cleanup();
});

const asOf = new Date('2024-06-30T04:00:00Z');

describe('an order number as the till wrote it', () => {
  it('drops the store suffix of a per-store receipt, escaped codes too', () => {
    expect(orderNumberShown('SH02000123@SH02', 'SH02')).toBe('SH02000123');
    // Store code "B@C" is written B%40C in the key; receipt "A@B" keeps its own "@".
    expect(orderNumberShown('A@B@B%40C', 'B@C')).toBe('A@B');
    expect(orderNumberShown(orderKeyInStore('7%1', 'S%1'), 'S%1')).toBe('7%1');
  });

  it('keeps an order of another store or of no store as stored', () => {
    expect(orderNumberShown('000123@S01', 'S02')).toBe('000123@S01');
    expect(orderNumberShown('WM-88@x', null)).toBe('WM-88@x');
  });

  it('shows the return of a partial refund by its sale’s receipt', () => {
    expect(orderNumberShown(refundKey('000123@S01'), 'S01')).toBe('000123');
  });

  it('is what the customer page lists, the store beside it', async () => {
    const id = await addCustomer(db);
    const store = await addStore(db, 'SH02', '静安寺店');
    const order = await addOrder(db, {
      customerId: id,
      at: '2024-06-20T04:00:00Z',
      amountFen: 1000,
      storeId: store,
    });
    await db.k
      .updateTable('orders')
      .set({ external_id: orderKeyInStore('SH02000123', 'SH02') })
      .where('id', '=', order)
      .execute();
    await recomputeAll(db, asOf);

    const detail = await customerDetail(db, id, asOf);
    expect(detail.orders.map((o) => [o.externalId, o.store])).toEqual([['SH02000123', '静安寺店']]);
  });
});

describe('a phone and the same number masked', () => {
  it('match when every digit the masked one shows agrees', () => {
    expect(maskedMatches('136****0229', '13612340229')).toBe(true);
    expect(maskedMatches('136****0229', '+86 136 1234 0229')).toBe(true);
    expect(maskedMatches('136****0228', '13612340229')).toBe(false);
    expect(maskedMatches('137****0229', '13612340229')).toBe(false);
    // Not masked at all, or of another length: not this rule's to say.
    expect(maskedMatches('13612340229', '13612340229')).toBe(false);
    expect(maskedMatches('136***0229', '13612340229')).toBe(false);
  });

  it('are one row naming both sources', () => {
    const rows = shownIdentities([
      { kind: 'member', value: 'M10048128', source: 'pos' },
      { kind: 'phone', value: '13612340229', source: 'pos' },
      { kind: 'masked_phone', value: '136****0229', source: 'delivery' },
    ]);
    expect(rows).toEqual([
      { kind: 'member', value: 'M10048128', source: 'pos' },
      { kind: 'phone', value: '136****0229', source: 'pos', maskedSources: ['delivery'] },
    ]);
  });

  it('stay two rows when the masked one could be either of two phones, or neither', () => {
    const rows = shownIdentities([
      { kind: 'phone', value: '13612340229', source: 'pos' },
      { kind: 'phone', value: '13698760229', source: 'delivery' },
      { kind: 'masked_phone', value: '136****0229', source: 'delivery' },
      { kind: 'masked_phone', value: '139****1111', source: 'delivery' },
    ]);
    expect(rows.map((r) => [r.kind, r.value, r.maskedSources])).toEqual([
      ['phone', '136****0229', undefined],
      ['phone', '136****0229', undefined],
      ['masked_phone', '136****0229', undefined],
      ['masked_phone', '139****1111', undefined],
    ]);
  });

  it('are folded on the customer page', async () => {
    const id = await addCustomer(db);
    await addIdentity(db, id, 'phone', '13612340229');
    await addIdentity(db, id, 'masked_phone', '136****0229');
    await addOrder(db, { customerId: id, at: '2024-06-20T04:00:00Z', amountFen: 1000 });
    await recomputeAll(db, asOf);

    const detail = await customerDetail(db, id, asOf);
    expect(detail.identities).toEqual([
      { kind: 'phone', value: '136****0229', source: 'test', maskedSources: ['test'] },
    ]);
  });
});
