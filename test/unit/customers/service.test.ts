import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../core/service/dispatch';
import { openApp } from '../../../core/service/index';
import type { App } from '../../../core/service/index';
import { addCustomer, addOrder } from '../../support/crm-builders';

let app: App | undefined;
let dir = '';
afterEach(async () => {
  await app?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function open(): Promise<App> {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roc-svc-'));
  app = await openApp({ file: path.join(dir, 'console.db'), host: 'cli', version: 'test' });
  return app;
}

describe('customer services', () => {
  it('runs the full recompute as a job and reports its summary', async () => {
    const { ctx, handlers } = await open();
    const id = await addCustomer(ctx.db, { name: 'A' });
    await addOrder(ctx.db, { customerId: id, at: '2024-06-01T03:00:00Z', amountFen: 5000 });

    const started = await handlers['customers.recompute']({});
    const done = await ctx.jobs.wait(started.id, undefined, 20);
    expect(done).toMatchObject({ state: 'done', processed: 4, total: 4 });
    expect(done.result).toMatchObject({ customers: 1, tagsEvaluated: 18 });
  });

  it('turns a bad rule into a coded error naming the field', async () => {
    const { handlers } = await open();
    const result = await dispatch(handlers, 'tags.count', {
      rule: { type: 'condition', field: 'salary', cmp: 'gt', value: 1 },
    });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'rules.unknown_field', details: { field: 'salary' } },
    });
  });

  it('merges two customers and refreshes both', async () => {
    const { ctx, handlers } = await open();
    const a = await addCustomer(ctx.db, { name: 'A' });
    const b = await addCustomer(ctx.db, { name: 'B' });
    await addOrder(ctx.db, { customerId: a, at: '2024-06-01T03:00:00Z', amountFen: 5000 });
    await addOrder(ctx.db, { customerId: b, at: '2024-06-02T03:00:00Z', amountFen: 7000 });
    await handlers['customers.merge']({ intoId: a, fromId: b, reason: 'same person' });

    const merged = await handlers['customers.page']({
      offset: 0,
      limit: 100,
      sort: [],
      tagIds: [],
      filters: [],
    });
    expect(merged.rows.map((r) => [r.id, r.ordersAll, r.spendAll])).toEqual([[a, 2, 12000]]);

    const detail = await handlers['customers.get']({ id: a });
    await handlers['customers.undoMerge']({ mergeId: detail.merges[0]!.id });
    const after = await handlers['customers.page']({
      offset: 0,
      limit: 100,
      sort: [],
      tagIds: [],
      filters: [],
    });
    expect(after.rows.map((r) => [r.id, r.spendAll])).toEqual([
      [a, 5000],
      [b, 7000],
    ]);
  });
});
