import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ColumnMapping, ImportSummary } from '../../core/api/imports';
import { dataFile } from '../support/paths';
import { count, importThroughService, tempApp } from './import-support';

let app: Awaited<ReturnType<typeof tempApp>>;
beforeEach(async () => {
  app = await tempApp();
});
afterEach(async () => {
  await app.cleanup();
});

const uciFile = dataFile('online-retail-uci-sample.csv');

// The UCI layout spelled out as a user would map it in the wizard.
const uciMapping: ColumnMapping = {
  rowKind: 'orderLine',
  channel: 'online',
  currency: 'GBP',
  fields: {
    orderId: 'InvoiceNo',
    sku: 'StockCode',
    productName: 'Description',
    quantity: 'Quantity',
    orderedAt: 'InvoiceDate',
    unitPrice: 'UnitPrice',
    customerMemberId: 'CustomerID',
  },
};

describe('the import job', () => {
  it('answers at once, and a cancel leaves the database as it was', async () => {
    const file = app.ctx.files.register(uciFile);
    const job = await app.handlers['imports.start']({
      fileId: file.id,
      options: { source: { kind: 'preset', id: 'uci-online-retail' } },
      acceptPartial: false,
    });
    expect(job.state).toBe('running');
    app.handlers['jobs.cancel']({ id: job.id });

    const done = await app.ctx.jobs.wait(job.id, undefined, 20);
    expect(done.state).toBe('cancelled');
    expect((done.result as ImportSummary).status).toBe('cancelled');
    for (const table of ['customers', 'orders', 'order_lines', 'import_batches']) {
      expect(count(app, `SELECT count(*) AS n FROM ${table}`)).toBe(0);
    }
  });

  it('saves a mapping by name when asked and offers it for the next file', async () => {
    const summary = await importThroughService(app, uciFile, {
      source: { kind: 'mapping', name: 'uk-shop', mapping: uciMapping },
      saveMappingAs: 'uk-shop',
    });
    expect(summary.status).toBe('committed');
    const batches = await app.handlers['imports.batches']({});
    expect(batches[0]).toMatchObject({ source: 'uk-shop', channel: 'online', rowsTotal: 20000 });

    const saved = await app.handlers['mappings.list']({});
    expect(saved).toEqual([{ name: 'uk-shop', mapping: uciMapping }]);
    const file = app.ctx.files.register(uciFile);
    const inspection = await app.handlers['imports.inspect']({ fileId: file.id });
    expect(inspection.savedMappings).toEqual(['uk-shop']);
  });

  it('shows a saved mapping this version cannot use, with why, and keeps it', async () => {
    // As an earlier version could have stored it: a currency written as a word.
    const old = { ...uciMapping, currency: 'yuan' };
    app.ctx.db.raw
      .prepare('INSERT INTO column_mappings (name, mapping_json, updated_at) VALUES (?, ?, ?)')
      .run('old-shop', JSON.stringify(old), 0);
    await app.handlers['mappings.save']({ name: 'uk-shop', mapping: uciMapping });

    const file = app.ctx.files.register(uciFile);
    const inspection = await app.handlers['imports.inspect']({ fileId: file.id });
    expect(inspection.savedMappings).toEqual(['uk-shop']);
    expect(inspection.unusableMappings).toEqual([
      {
        name: 'old-shop',
        problem: expect.stringMatching(/^currency: .*"yuan".*ISO 4217/),
        reason: {
          code: 'mapping.invalid',
          issue: expect.objectContaining({ path: 'currency', params: expect.anything() }),
        },
      },
    ]);
    expect(await app.handlers['mappings.list']({})).toEqual([
      { name: 'uk-shop', mapping: uciMapping },
    ]);
    expect(count(app, "SELECT count(*) AS n FROM column_mappings WHERE name = 'old-shop'")).toBe(1);
  });

  it('replaces a saved mapping of the same name', async () => {
    await app.handlers['mappings.save']({ name: 'pos', mapping: uciMapping });
    const changed = { ...uciMapping, channel: 'pos' as const };
    await app.handlers['mappings.save']({ name: 'pos', mapping: changed });
    expect(await app.handlers['mappings.list']({})).toEqual([{ name: 'pos', mapping: changed }]);
  });
});
