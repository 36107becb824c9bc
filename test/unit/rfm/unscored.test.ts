import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recomputeAll } from '../../../core/crm/recompute';
import { rfmGrid, rfmUnscored } from '../../../core/crm/rfm/grid';
import { addCustomer, addOrder } from '../../support/crm-builders';
import { tempDb } from '../../support/db';

type TestDb = Awaited<ReturnType<typeof tempDb>>;
let db: TestDb;
beforeEach(async () => {
  db = await tempDb();
});
afterEach(async () => {
  await db.cleanup();
});

describe('customers the RFM heatmap cannot place', () => {
  it('are counted apart, so that the cells and the unscored add up to every customer', async () => {
    // Two buyers, one customer with only a return, one with only a cancellation, one with
    // no order at all: three customers without a purchase, worked by hand.
    const at = '2024-06-01T02:00:00Z';
    const buyers = [await addCustomer(db), await addCustomer(db)];
    for (const id of buyers) await addOrder(db, { customerId: id, at, amountFen: 5000 });
    const returned = await addCustomer(db);
    await addOrder(db, { customerId: returned, at, amountFen: -3000, kind: 'return' });
    const cancelled = await addCustomer(db);
    await addOrder(db, { customerId: cancelled, at, amountFen: 0, kind: 'cancellation' });
    await addCustomer(db);
    await recomputeAll(db, new Date('2024-06-30T12:00:00Z'));

    expect(await rfmUnscored(db)).toEqual({ customers: 3 });
    const placed = (await rfmGrid(db)).reduce((n, cell) => n + cell.customers, 0);
    expect(placed).toBe(2);
  });

  it('are none when every customer bought', async () => {
    const id = await addCustomer(db);
    await addOrder(db, { customerId: id, at: '2024-06-01T02:00:00Z', amountFen: 100 });
    await recomputeAll(db, new Date('2024-06-30T12:00:00Z'));
    expect(await rfmUnscored(db)).toEqual({ customers: 0 });
  });
});
