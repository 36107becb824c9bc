import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readRecords } from '../../../core/crm/import';
import type { ImportRecord } from '../../../core/crm/import/types';
import { writeDemoExport } from '../../../core/demo/export';
import { generateDemo } from '../../../core/demo/generate';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roc-demo-export-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const chain = generateDemo({
  asOf: new Date('2026-03-31T15:00:00Z'),
  seed: 4,
  size: { customers: 300, days: 60, orderLines: 2000 },
});
const byChannel: Record<string, ImportRecord[]> = { pos: [], miniprogram: [], delivery: [] };
for (const batch of chain.batches()) byChannel[batch.channel]!.push(...batch.records);

async function readBack(file: string, preset: string): Promise<ImportRecord[]> {
  const out: ImportRecord[] = [];
  for await (const chunk of readRecords(file, { source: { kind: 'preset', id: preset } })) {
    for (const outcome of chunk) {
      if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
      out.push(outcome.record);
    }
  }
  return out;
}

/** What the export must carry over for the importer to build the same orders and customers. */
function essentials(r: ImportRecord) {
  return {
    orderId: r.orderId,
    kind: r.kind,
    orderedAt: r.orderedAt,
    businessDay: r.businessDay,
    store: r.store?.code,
    sku: r.product?.sku,
    quantity: r.quantity,
    lineAmountFen: r.lineAmountFen,
    memberId: r.customer.memberId,
    phone: r.customer.phone,
    platformId: r.customer.platformId,
  };
}

describe('demo exports written as files', () => {
  it.each([
    ['pos', 'pos-standard'],
    ['miniprogram', 'miniprogram-shop'],
    ['delivery', 'delivery-platform'],
  ])('%s lines read back through the %s preset as the same records', async (channel, preset) => {
    const records = byChannel[channel]!;
    expect(records.length).toBeGreaterThan(50);
    const file = path.join(dir, `${channel}.csv`);

    expect(writeDemoExport(file, preset, records)).toBe(records.length);
    const back = await readBack(file, preset);

    expect(back.map(essentials)).toEqual(records.map(essentials));
  });

  it('keeps masked phones masked in the delivery layout', async () => {
    const file = path.join(dir, 'delivery-masked.csv');
    writeDemoExport(file, 'delivery-platform', byChannel.delivery!);
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toMatch(/1\d\d\*{4}\d{4}/);
    expect(text.startsWith('\uFEFF订单号,')).toBe(true);
  });
});
