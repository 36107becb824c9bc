import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import type { ImportOptions } from '../../../core/api/imports';
import {
  contentHash,
  inspectFile,
  loadPresets,
  previewFile,
  readRecords,
  suggestPreset,
} from '../../../core/crm/import/index';
import type { RecordOutcome } from '../../../core/crm/import/types';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'roc-import-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function writeFile(name: string, content: string | Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, content);
  return file;
}

async function readAll(file: string, options: ImportOptions): Promise<RecordOutcome[]> {
  const outcomes: RecordOutcome[] = [];
  for await (const chunk of readRecords(file, options, undefined, { chunkSize: 2 })) {
    outcomes.push(...chunk);
  }
  return outcomes;
}

const preset = (id: string, extra: Partial<ImportOptions> = {}): ImportOptions => ({
  source: { kind: 'preset', id },
  ...extra,
});

const delivery = [
  '订单号,下单时间,订单状态,门店ID,门店名称,顾客电话,顾客姓名,顾客ID,商品名称,商品编码,数量,单价,商品金额,商家优惠,退款金额',
  'D1001,2024-05-31 23:40:00,已完成,S01,徐汇店,138****1234,张**,U9001,黄焖鸡米饭,F001,1,￥25.00,￥25.00,￥3.00,',
  'D1002,2024-06-01 00:10:00,已取消,S01,徐汇店,139****5678,李**,U9002,酸辣粉,F002,2,￥12.50,￥25.00,,',
  'D1003,2024-06-01 12:00:00,已完成,S02,静安店,,王**,,冰红茶,F003,1,￥4.00,￥4.00,,￥4.00',
].join('\n');

describe('reading a delivery-platform export (Chinese headers, masked phones)', () => {
  it('keeps masked phones as display only and classifies cancellations and refunds', async () => {
    const file = writeFile('delivery.csv', iconv.encode(delivery, 'gbk'));
    const outcomes = await readAll(file, preset('delivery-platform'));
    const records = outcomes.map((o) => (o.ok ? o.record : null));
    expect(records.every(Boolean)).toBe(true);

    const [first, second, third] = records;
    expect(first?.customer.maskedPhone).toBe('138****1234');
    expect(first?.customer.phone).toBeUndefined();
    expect(first?.customer.platformId).toBe('U9001');
    expect(first?.unitPriceFen).toBe(2500);
    expect(first?.discountFen).toBe(300);
    // 23:40 on 31 May in Shanghai is 15:40 UTC; the business day stays 31 May.
    expect(first?.orderedAt).toBe(Date.UTC(2024, 4, 31, 15, 40));
    expect(first?.businessDay).toBe('2024-05-31');
    expect(second?.kind).toBe('cancellation');
    expect(second?.businessDay).toBe('2024-06-01');
    expect(third?.kind).toBe('return');
    expect(third?.refundFen).toBe(400);
    expect(third?.customer.maskedPhone).toBeUndefined();
  });

  it('is suggested from its headers and shows GBK as detected', async () => {
    const file = writeFile('delivery-gbk.csv', iconv.encode(delivery, 'gbk'));
    const inspection = await inspectFile(file, '外卖.csv');
    expect(inspection.encoding.used).toBe('gb18030');
    expect(inspection.suggestedPreset).toBe('delivery-platform');
    expect(inspection.headers[0]).toBe('订单号');
    expect(inspection.sampleRows).toHaveLength(3);
  });
});

describe('reading with a mapping of the user', () => {
  const csv = [
    'Bon;Datum;Kunde;Telefon;Menge;Preis',
    'B1;31.05.2024 10:00;K1;0151 23456789;2;1.234,50 €',
    'B2;13.05.2024 10:00;K2;;1;NA',
    'B3;01.06.2024;;138 0000 1234;x;3,20',
  ].join('\n');
  const options: ImportOptions = {
    source: {
      kind: 'mapping',
      name: 'german-shop',
      mapping: {
        rowKind: 'orderLine',
        channel: 'online',
        currency: 'EUR',
        fields: {
          orderId: 'Bon',
          orderedAt: 'Datum',
          customerMemberId: 'Kunde',
          customerPhone: 'Telefon',
          quantity: 'Menge',
          unitPrice: 'Preis',
        },
      },
    },
    timeZone: 'Europe/Berlin',
  };

  it('detects semicolons, decimal commas and the day-first order from 31.05.2024', async () => {
    const file = writeFile('shop.csv', csv);
    const inspection = await inspectFile(file, 'shop.csv');
    expect(inspection.delimiter).toBe(';');
    expect(inspection.decimalComma).toBe(true);
    expect(inspection.dateOrder).toEqual({ detected: 'dmy', ambiguous: false });

    const outcomes = await readAll(file, options);
    const first = outcomes[0];
    expect(first?.ok && first.record.unitPriceFen).toBe(123450);
    expect(first?.ok && first.record.lineAmountFen).toBe(246900);
    // 10:00 in Berlin summer time (UTC+2) is 08:00 UTC.
    expect(first?.ok && first.record.orderedAt).toBe(Date.UTC(2024, 4, 31, 8, 0));
    expect(first?.ok && first.record.store).toBeUndefined();
  });

  it('reports every bad cell with line, column, value and reason', async () => {
    const file = writeFile('shop-errors.csv', csv);
    const outcomes = await readAll(file, options);
    expect(outcomes).toHaveLength(3);
    const errors = outcomes.flatMap((o) => (o.ok ? [] : o.errors));
    expect(errors).toEqual([
      expect.objectContaining({ line: 3, column: 'Preis', value: 'NA', code: 'value.missing' }),
      expect.objectContaining({ line: 4, column: 'Menge', value: 'x', code: 'number.invalid' }),
    ]);
    expect(errors[1]?.reason).toContain('"x" is not a number in column "Menge"');
  });

  it('reports a missing order id and a date that is not one', async () => {
    const file = writeFile(
      'shop-ids.csv',
      'Bon;Datum;Kunde;Telefon;Menge;Preis\n;31.05.2024;K1;;1;2\nB2;gestern;K1;;1;2\n',
    );
    const errors = (await readAll(file, options)).flatMap((o) => (o.ok ? [] : o.errors));
    expect(errors.map((e) => [e.line, e.column, e.value, e.code])).toEqual([
      [2, 'Bon', '', 'value.missing'],
      [3, 'Datum', 'gestern', 'date.invalid'],
    ]);
  });

  it('rejects a row whose field count does not match the header', async () => {
    const file = writeFile('ragged.csv', 'Bon;Datum;Kunde;Telefon;Menge;Preis\nB1;2024-05-31;K1\n');
    const [outcome] = await readAll(file, options);
    expect(outcome?.ok).toBe(false);
    expect(!outcome?.ok && outcome?.errors[0]?.code).toBe('row.width');
  });

  it('refuses a mapping that names a column the file lacks', async () => {
    const file = writeFile('other.csv', 'a;b\n1;2\n');
    await expect(readAll(file, options)).rejects.toThrow(/no column "Bon"/);
  });
});

describe('date order decided once per file', () => {
  const mapping = {
    source: {
      kind: 'mapping' as const,
      mapping: {
        rowKind: 'orderLine' as const,
        channel: 'pos' as const,
        currency: 'CNY',
        fields: { orderId: 'id', orderedAt: 'day', unitPrice: 'price' },
      },
    },
  };

  it('reads every row day-first when a later row proves it', async () => {
    const file = writeFile('dmy.csv', 'id,day,price\n1,03/01/19,1\n2,04/01/19,1\n3,13/01/19,1\n');
    const outcomes = await readAll(file, mapping);
    expect(outcomes.map((o) => o.ok && o.record.businessDay)).toEqual([
      '2019-01-03',
      '2019-01-04',
      '2019-01-13',
    ]);
  });

  it('reports ambiguous dates instead of guessing, until the user chooses', async () => {
    const file = writeFile('amb.csv', 'id,day,price\n1,03/01/19,1\n2,2019-01-05,1\n');
    const inspection = await inspectFile(file, 'amb.csv');
    expect(inspection.dateOrder).toEqual({ detected: null, ambiguous: true });

    const unknown = await readAll(file, mapping);
    expect(!unknown[0]?.ok && unknown[0]?.errors[0]?.code).toBe('date.order_unknown');
    expect(unknown[1]?.ok).toBe(true);

    const chosen = await readAll(file, { ...mapping, dateOrder: 'mdy' });
    expect(chosen[0]?.ok && chosen[0].record.businessDay).toBe('2019-03-01');
  });
});

describe('previews', () => {
  it('shows the first rows as they will be stored, written for people', async () => {
    const file = writeFile('delivery-preview.csv', delivery);
    const preview = await previewFile(file, preset('delivery-platform'), undefined, 2);
    expect(preview.rows).toHaveLength(2);
    expect(preview.rows[0]).toEqual({
      line: 2,
      rowKind: 'orderLine',
      values: expect.objectContaining({
        kind: 'sale',
        orderedAt: '2024-05-31 23:40:00 +08:00',
        businessDay: '2024-05-31',
        customerPhone: '138****1234',
        unitPrice: '25.00 CNY',
      }),
      money: expect.objectContaining({ unitPrice: 2500 }),
      currency: 'CNY',
    });
    expect(preview.dateOrder).toBe('ymd');
  });
});

describe('presets', () => {
  it('name the zone of the stores a layout makes, or none for the default', () => {
    // resources/presets/uci-online-retail.json says "timeZone": "Europe/London";
    // pos-standard.json names no zone (grep timeZone resources/presets/*.json).
    const zone = (id: string) => loadPresets().find((p) => p.id === id)?.timeZone;
    expect(zone('uci-online-retail')).toBe('Europe/London');
    expect(zone('pos-standard')).toBeUndefined();
  });

  it('loads every preset, including the three channel layouts and the public data sets', () => {
    const ids = loadPresets().map((p) => p.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'pos-standard',
        'miniprogram-shop',
        'delivery-platform',
        'uci-online-retail',
        'superstore',
        'olist-customers',
        'olist-orders',
        'olist-order-items',
        'olist-payments',
      ]),
    );
    for (const info of loadPresets()) {
      expect(info.nameZh.length).toBeGreaterThan(0);
      expect(info.rowKind).toBe(info.mapping.rowKind);
    }
  });

  it('suggests a preset from headers, loosely, and none for an unknown layout', () => {
    expect(
      suggestPreset([
        '\uFEFFInvoiceNo',
        'StockCode',
        'Description',
        'Quantity',
        'InvoiceDate',
        'UnitPrice',
        'CustomerID',
        'Country',
      ]),
    ).toBe('uci-online-retail');
    expect(
      suggestPreset([
        'order_id',
        'payment_sequential',
        'payment_type',
        'payment_installments',
        'payment_value',
      ]),
    ).toBe('olist-payments');
    expect(suggestPreset(['a', 'b'])).toBeNull();
  });
});

describe('the documented examples', () => {
  // docs/import-presets.md shows a header and an example row for each channel layout.
  const doc = fs.readFileSync(path.join(__dirname, '../../../docs/import-presets.md'), 'utf8');
  const blocks = [...doc.matchAll(/```\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');

  it.each(['pos-standard', 'miniprogram-shop', 'delivery-platform'])(
    'reads the example of %s without errors',
    async (id) => {
      const block = blocks.find((b) => suggestPreset(b.split('\n')[0]?.split(',') ?? []) === id);
      expect(block).toBeDefined();
      const outcomes = await readAll(writeFile(`${id}.csv`, block ?? ''), preset(id));
      expect(outcomes).toHaveLength(1);
      expect(outcomes[0]?.ok).toBe(true);
    },
  );
});

describe('reading control', () => {
  const many = ['订单号,下单时间,商品名称,数量,单价'];
  for (let i = 1; i <= 25; i++) many.push(`D${i},2024-06-01 12:00:00,茶,1,5`);
  const options = preset('delivery-platform');

  it('reports progress per chunk and ends at the last line', async () => {
    const file = writeFile('progress.csv', many.join('\n'));
    const mapping = {
      rowKind: 'orderLine' as const,
      channel: 'delivery' as const,
      currency: 'CNY',
      fields: {
        orderId: '订单号',
        orderedAt: '下单时间',
        productName: '商品名称',
        quantity: '数量',
        unitPrice: '单价',
      },
    };
    const seen: number[] = [];
    let chunks = 0;
    for await (const chunk of readRecords(file, options, mapping, {
      chunkSize: 10,
      onProgress: (p) => seen.push(p.records),
    })) {
      chunks++;
      expect(chunk.length).toBeLessThanOrEqual(10);
    }
    expect(chunks).toBe(3);
    expect(seen).toEqual([10, 20, 25]);
  });

  it('stops with imports.cancelled when the signal is aborted', async () => {
    const file = writeFile('cancel.csv', many.join('\n'));
    const mapping = {
      rowKind: 'orderLine' as const,
      channel: 'delivery' as const,
      currency: 'CNY',
      fields: { orderId: '订单号', unitPrice: '单价' },
    };
    const controller = new AbortController();
    const read = async () => {
      let chunks = 0;
      for await (const chunk of readRecords(file, options, mapping, {
        chunkSize: 5,
        signal: controller.signal,
      })) {
        chunks += chunk.length > 0 ? 1 : 0;
        controller.abort();
      }
      return chunks;
    };
    await expect(read()).rejects.toMatchObject({ code: 'imports.cancelled' });
  });

  it('hashes the file bytes with sha256', async () => {
    // The sha256 of "abc" is the standard test vector (FIPS 180-2, appendix B.1).
    const file = writeFile('abc.txt', 'abc');
    expect(await contentHash(file)).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});
