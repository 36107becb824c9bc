import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storesNewInBatch } from '../../../core/crm/stores/new-in-batch';
import { tempDb } from '../../support/db';
import { addOrder, addStore } from '../../support/crm-builders';

type TestDb = Awaited<ReturnType<typeof tempDb>>;
let db: TestDb;
beforeEach(async () => {
  db = await tempDb();
});
afterEach(async () => {
  await db.cleanup();
});

async function addBatch(name: string): Promise<number> {
  const row = await db.k
    .insertInto('import_batches')
    .values({
      file_name: name,
      content_hash: name,
      source: 'test',
      channel: null,
      encoding: 'utf-8',
      status: 'committed',
      started_at: 0,
      finished_at: 0,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** An anonymous sale of a store, put in a batch. */
async function saleIn(batchId: number, storeId: number | null): Promise<void> {
  const id = await addOrder(db, {
    customerId: null,
    at: '2024-06-01T04:00:00Z',
    amountFen: 100,
    storeId,
  });
  await db.k.updateTable('orders').set({ batch_id: batchId }).where('id', '=', id).execute();
}

describe('the stores an import brought', () => {
  it('are those whose first order is the batch’s, by code', async () => {
    const first = await addBatch('january.csv');
    const second = await addBatch('february.csv');
    const sh01 = await addStore(db, 'SH01', '陆家嘴店');
    const sh03 = await addStore(db, 'SH03', '古美店');
    const sh02 = await addStore(db, 'SH02', '静安寺店');
    await saleIn(first, sh01);
    await saleIn(second, sh01); // known since January: not new in February
    await saleIn(second, sh03);
    await saleIn(second, sh02);
    await saleIn(second, null); // an online order names no store

    expect(await storesNewInBatch(db, first)).toEqual([{ code: 'SH01', name: '陆家嘴店' }]);
    expect(await storesNewInBatch(db, second)).toEqual([
      { code: 'SH02', name: '静安寺店' },
      { code: 'SH03', name: '古美店' },
    ]);
  });

  it('are none for a batch that stored no order', async () => {
    const empty = await addBatch('customers-only.csv');
    expect(await storesNewInBatch(db, empty)).toEqual([]);
  });
});
