import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importThroughService, preset, tempApp } from '../../acceptance/import-support';

/*
 * A tester re-imported a file and only learned from the summary that it had been imported
 * before. The wizard's preview (before anything is written) now names the batch that
 * already holds a file with the same bytes, and its day in Shanghai.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roc-preview-again-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const header =
  'store_code,store_name,region,receipt_no,line_no,sold_at,status,member_no,' +
  'member_phone,sku,product_name,category,qty,unit_price,discount,line_total';
const line = (receipt: string) =>
  `SH01,上海徐汇店,华东,${receipt},1,2024-05-31 19:42:10,completed,M000123,` +
  '13800001234,690123456789,燕麦拿铁,咖啡,2,18.50,2.00,35.00';

function writeFile(name: string, receipts: string[]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, [header, ...receipts.map(line)].join('\n') + '\n');
  return file;
}

let app: Awaited<ReturnType<typeof tempApp>>;
beforeEach(async () => {
  app = await tempApp();
});
afterEach(async () => {
  await app.cleanup();
});

const preview = (file: string) =>
  app.handlers['imports.preview']({
    fileId: app.ctx.files.register(file).id,
    options: preset('pos-standard'),
  });

describe('the import preview of a file imported before', () => {
  it('says nothing of an earlier import for a file never imported', async () => {
    const file = writeFile('new.csv', ['P1']);
    expect((await preview(file)).alreadyImported).toBeNull();
  });

  it('names the batch and its Shanghai day when the same bytes were imported', async () => {
    // 2026-12-04 17:30 UTC is 2026-12-05 01:30 in Shanghai (UTC+8): the day is the 5th.
    await app.handlers['settings.setClock']({ now: '2026-12-04T17:30:00.000Z' });
    const first = writeFile('first.csv', ['P1', 'P2']);
    const summary = await importThroughService(app, first, preset('pos-standard'));
    expect(summary.status).toBe('committed');

    // The same bytes under another name: the content decides, not the name.
    const copy = path.join(dir, 'copy-of-first.csv');
    fs.copyFileSync(first, copy);
    expect((await preview(copy)).alreadyImported).toEqual({
      batchId: summary.batchId,
      fileName: 'first.csv',
      startedAt: '2026-12-04T17:30:00.000Z',
      day: '2026-12-05',
    });
  });

  it('says nothing for a file that differs by one receipt', async () => {
    await importThroughService(app, writeFile('a.csv', ['P1']), preset('pos-standard'));
    expect((await preview(writeFile('b.csv', ['P1', 'P2']))).alreadyImported).toBeNull();
  });

  it('does not count a refused import as an import', async () => {
    // A row with no receipt number is rejected, and without acceptPartial nothing is kept.
    const bad = path.join(dir, 'bad.csv');
    fs.writeFileSync(bad, `${header}\n${line('P1')}\n${line('')}\n`);
    const refused = await importThroughService(app, bad, preset('pos-standard'));
    expect(refused.status).toBe('failed');
    expect((await preview(bad)).alreadyImported).toBeNull();
  });
});
