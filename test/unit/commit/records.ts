import type { ImportRecord, RecordOutcome, SourceFacts } from '../../../core/crm/import/types';
import { commitBatch } from '../../../core/crm/import/commit';
import type { CommitOptions } from '../../../core/crm/import/commit';
import type { Db } from '../../../core/db/open';

/** A POS receipt line as a reader would hand it over; amounts in fen. */
export function posLine(
  line: number,
  orderId: string,
  over: Partial<ImportRecord> = {},
): RecordOutcome {
  const record: ImportRecord = {
    line,
    rowKind: 'orderLine',
    channel: 'pos',
    kind: 'sale',
    currency: 'CNY',
    orderId,
    orderedAt: Date.UTC(2026, 10, 2, 3, 0),
    businessDay: '2026-11-02',
    customer: {},
    store: { code: 'S01', name: '静安店' },
    product: { sku: 'SKU-1', name: '拿铁', category: '咖啡' },
    quantity: 1,
    unitPriceFen: 1000,
    ...over,
  };
  return { ok: true, record };
}

export function badRow(line: number, column = 'Quantity', value = 'abc'): RecordOutcome {
  return {
    ok: false,
    errors: [{ line, column, value, code: 'number_invalid', reason: 'not a number' }],
  };
}

export async function* chunked(rows: RecordOutcome[], size = 2): AsyncGenerator<RecordOutcome[]> {
  for (let i = 0; i < rows.length; i += size) yield rows.slice(i, i + size);
}

export function facts(fileName = 'pos-2026-11.csv', hash = 'h-' + fileName): SourceFacts {
  return {
    fileName,
    contentHash: hash,
    source: 'pos-standard',
    encoding: 'utf-8',
    dateOrder: 'ymd',
  };
}

/** Commits hand-made rows as one file. */
export function commitRows(db: Db, rows: RecordOutcome[], over: Partial<CommitOptions> = {}) {
  return commitBatch(db, chunked(rows), {
    facts: facts(),
    channel: 'pos',
    columns: { orderId: '单号', quantity: '数量' },
    acceptPartial: false,
    at: new Date('2026-12-04T08:00:00Z'),
    ...over,
  });
}

/** How many rows each fact table holds: equal snapshots mean nothing was written. */
export function factCounts(db: Db): Record<string, number> {
  const tables = [
    'customers',
    'customer_identities',
    'customer_merges',
    'stores',
    'products',
    'orders',
    'order_lines',
    'order_payments',
  ] as const;
  const counts: Record<string, number> = {};
  const queries = {
    customers: 'SELECT count(*) AS n FROM customers',
    customer_identities: 'SELECT count(*) AS n FROM customer_identities',
    customer_merges: 'SELECT count(*) AS n FROM customer_merges',
    stores: 'SELECT count(*) AS n FROM stores',
    products: 'SELECT count(*) AS n FROM products',
    orders: 'SELECT count(*) AS n FROM orders',
    order_lines: 'SELECT count(*) AS n FROM order_lines',
    order_payments: 'SELECT count(*) AS n FROM order_payments',
  };
  for (const t of tables) counts[t] = (db.raw.prepare(queries[t]).get() as { n: number }).n;
  return counts;
}
