import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { explainTag } from '../../../core/crm/customers/explain-tag';
import { setLifecycleSettings } from '../../../core/crm/metrics/settings';
import { recomputeAll } from '../../../core/crm/recompute';
import { lifecycleTagKey } from '../../../core/crm/tags/names';
import { listTags } from '../../../core/crm/tags/store';
import { tempDb } from '../../support/db';
import { addCustomer, addOrder } from '../../support/crm-builders';

type TestDb = Awaited<ReturnType<typeof tempDb>>;
let db: TestDb;
beforeEach(async () => {
  db = await tempDb();
});
afterEach(async () => {
  await db.cleanup();
});

const asOf = new Date('2024-06-30T04:00:00Z'); // 12:00 in Shanghai, business day 2024-06-30
const day = (iso: string) => `${iso}T04:00:00Z`;

describe('why a customer is in a lifecycle stage', () => {
  it('names the days, orders and the thresholds the stage rule uses', async () => {
    const id = await addCustomer(db);
    // First sale 2024-05-21 (40 days before 06-30), last 2024-06-20 (10 days before).
    await addOrder(db, { customerId: id, at: day('2024-05-21'), amountFen: 1000 });
    await addOrder(db, { customerId: id, at: day('2024-06-20'), amountFen: 1000 });
    await recomputeAll(db, asOf);

    const repeat = (await listTags(db, asOf)).find((t) => t.key === lifecycleTagKey('repeat'))!;
    const why = await explainTag(db, id, repeat.id, asOf);
    // Defaults: new within 30 days, active within 90, sleeping within 365.
    expect(why.has).toBe(true);
    expect(why.reason).toEqual({
      code: 'tags.reason.lifecycle',
      params: {
        stage: 'repeat',
        recencyDays: 10,
        orders: 2,
        firstOrderDays: 40,
        newWithinDays: 30,
        activeWithinDays: 90,
        sleepingWithinDays: 365,
      },
    });
  });

  it('says the thresholds as the settings now hold them', async () => {
    const id = await addCustomer(db);
    await addOrder(db, { customerId: id, at: day('2024-06-20'), amountFen: 1000 });
    await setLifecycleSettings(db, {
      newWithinDays: 7,
      activeWithinDays: 60,
      sleepingWithinDays: 200,
    });
    await recomputeAll(db, asOf);

    // One sale 10 days ago: not new (10 ≥ 7), active (10 < 60) with one order.
    const active = (await listTags(db, asOf)).find((t) => t.key === lifecycleTagKey('active'))!;
    const why = await explainTag(db, id, active.id, asOf);
    expect(why.has).toBe(true);
    expect(why.reason?.params).toMatchObject({
      stage: 'active',
      firstOrderDays: 10,
      newWithinDays: 7,
      activeWithinDays: 60,
      sleepingWithinDays: 200,
    });
  });
});
