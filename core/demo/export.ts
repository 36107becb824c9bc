import fs from 'node:fs';
import type { TargetField } from '../api/imports';
import { orderIdOfKey } from '../crm/import/order-key';
import { presetById } from '../crm/import/presets';
import type { ImportRecord } from '../crm/import/types';

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
// Written in pieces of about a megabyte, so a million-line export never sits in memory.
const FLUSH_CHARS = 1 << 20;

/**
 * Writes order lines as a CSV export in the layout of a built-in preset (e.g.
 * 'pos-standard'), the way the chain's back office would hand it over: UTF-8 with a
 * byte-order mark (so Excel shows the Chinese right), times in Asia/Shanghai, money
 * in yuan with two decimals, phones as 11-digit national numbers or masked. For the
 * benchmark and for trainers who want files to import by hand. Returns the data lines
 * written.
 */
export function writeDemoExport(
  path: string,
  presetId: string,
  records: Iterable<ImportRecord> | Iterable<ImportRecord[]>,
): number {
  const { mapping } = presetById(presetId);
  const fields = Object.entries(mapping.fields) as [TargetField, string][];
  const perStore = mapping.orderIdPerStore === true;
  const fd = fs.openSync(path, 'w');
  try {
    let text = '\uFEFF' + fields.map(([, header]) => csvCell(header)).join(',') + '\r\n';
    let lines = 0;
    for (const item of records) {
      for (const record of Array.isArray(item) ? item : [item]) {
        text +=
          fields.map(([field]) => csvCell(cellOf(record, field, perStore))).join(',') + '\r\n';
        lines += 1;
        if (text.length < FLUSH_CHARS) continue;
        fs.writeSync(fd, text);
        text = '';
      }
    }
    fs.writeSync(fd, text);
    return lines;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The text one target field of a record shows in an export. A layout whose order ids
 * restart per store shows the receipt number alone (the importer joins the store again).
 */
function cellOf(r: ImportRecord, field: TargetField, perStore: boolean): string {
  const c = r.customer;
  switch (field) {
    case 'orderId':
      return perStore && r.store ? orderIdOfKey(r.orderId ?? '', r.store.code) : (r.orderId ?? '');
    case 'lineNo':
      return r.lineNo === undefined ? '' : String(r.lineNo);
    case 'orderedAt':
      return r.orderedAt === undefined ? '' : shanghaiTime(r.orderedAt);
    case 'orderStatus':
      return r.orderStatus ?? '';
    case 'customerMemberId':
      return c.memberId ?? '';
    case 'customerPhone':
      return c.phone ? c.phone.replace(/^\+86/, '') : (c.maskedPhone ?? '');
    case 'customerEmail':
      return c.email ?? '';
    case 'customerPlatformId':
      return c.platformId ?? '';
    case 'customerExternalId':
      return c.externalId ?? '';
    case 'customerName':
      return c.name ?? '';
    case 'customerGender':
      return c.gender === 'F' ? '女' : c.gender === 'M' ? '男' : '';
    case 'customerBirthDate':
      return c.birthDate ?? '';
    case 'customerCity':
      return c.city ?? '';
    default:
      return goodsCell(r, field);
  }
}

function goodsCell(r: ImportRecord, field: TargetField): string {
  switch (field) {
    case 'storeCode':
      return r.store?.code ?? '';
    case 'storeName':
      return r.store?.name ?? '';
    case 'region':
      return r.store?.region ?? '';
    case 'sku':
      return r.product?.sku ?? '';
    case 'productName':
      return r.product?.name ?? '';
    case 'category':
      return r.product?.category ?? '';
    case 'quantity':
      return r.quantity === undefined ? '' : String(r.quantity);
    case 'unitPrice':
      return yuan(r.unitPriceFen);
    case 'lineAmount':
      return yuan(r.lineAmountFen);
    case 'orderAmount':
      return yuan(r.orderAmountFen);
    case 'discountAmount':
      return yuan(r.discountFen);
    case 'refundAmount':
      return yuan(r.refundFen);
    case 'paymentAmount':
      return yuan(r.paymentFen);
    default:
      return '';
  }
}

/** Fen as yuan with two decimals and the sign in front: -1280 → "-12.80". */
function yuan(fen: number | undefined): string {
  if (fen === undefined) return '';
  const abs = Math.abs(fen);
  const text = `${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
  return fen < 0 ? '-' + text : text;
}

/** 'YYYY-MM-DD HH:mm:ss' in Asia/Shanghai (UTC+8 all year, no daylight saving). */
function shanghaiTime(ms: number): string {
  const iso = new Date(ms + SHANGHAI_OFFSET_MS).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
