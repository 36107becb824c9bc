import type { Db } from '../../core/db/open';
import type { OrderKind } from '../../core/db/schema';
import { businessDayOf } from '../../core/crm/metrics/days';

/**
 * Small builders for CRM facts, written straight into the tables so that metric,
 * RFM and tag tests do not depend on the importer.
 */
export interface CustomerSpec {
  name?: string;
  gender?: 'F' | 'M' | null;
  birthDate?: string | null;
  city?: string | null;
  mergedInto?: number | null;
}

export async function addCustomer(db: Db, spec: CustomerSpec = {}): Promise<number> {
  const row = await db.k
    .insertInto('customers')
    .values({
      name: spec.name ?? null,
      gender: spec.gender ?? null,
      birth_date: spec.birthDate ?? null,
      city: spec.city ?? null,
      created_at: 0,
      merged_into: spec.mergedInto ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function addIdentity(
  db: Db,
  customerId: number,
  kind: 'member' | 'phone' | 'email' | 'masked_phone',
  value: string,
): Promise<void> {
  await db.k
    .insertInto('customer_identities')
    .values({ customer_id: customerId, kind, value, source: 'test', created_at: 0 })
    .execute();
}

export async function addStore(db: Db, code: string, name = code): Promise<number> {
  const row = await db.k
    .insertInto('stores')
    .values({ code, name, region: null, city: null, district_kind: null, opened_on: null })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export interface OrderSpec {
  /** null: an anonymous sale. */
  customerId: number | null;
  /** An ISO instant, e.g. '2024-05-31T16:30:00Z'. */
  at: string;
  amountFen: number;
  kind?: OrderKind;
  channel?: string;
  storeId?: number | null;
  /** ISO code of the order's currency; 'CNY' (the column's default) when left out. */
  currency?: string;
  /** Lines with a product category; their amounts need not add up to the order's. */
  lines?: { category: string | null; amountFen: number }[];
}

const batches = new WeakMap<Db['raw'], number>();
let serial = 0;

async function ensureChannel(db: Db, code: string): Promise<void> {
  await db.k
    .insertInto('channels')
    .values({ code, name_zh: code, name_en: code })
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();
}

async function batchOf(db: Db): Promise<number> {
  const known = batches.get(db.raw);
  if (known) return known;
  const row = await db.k
    .insertInto('import_batches')
    .values({
      file_name: 'builders',
      content_hash: 'test',
      source: 'test',
      channel: null,
      encoding: 'utf-8',
      status: 'committed',
      started_at: 0,
      finished_at: 0,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  batches.set(db.raw, row.id);
  return row.id;
}

/** Adds one order (business day in Asia/Shanghai) and its lines; returns its id. */
export async function addOrder(db: Db, spec: OrderSpec): Promise<number> {
  const channel = spec.channel ?? 'pos';
  await ensureChannel(db, channel);
  const at = Date.parse(spec.at);
  const row = await db.k
    .insertInto('orders')
    .values({
      channel,
      external_id: `T${++serial}`,
      store_id: spec.storeId ?? null,
      customer_id: spec.customerId,
      kind: spec.kind ?? 'sale',
      ordered_at: at,
      business_day: businessDayOf(at),
      amount_fen: spec.amountFen,
      ...(spec.currency ? { currency: spec.currency } : {}),
      batch_id: await batchOf(db),
    })
    .returning('id')
    .executeTakeFirstOrThrow();

  let lineNo = 0;
  for (const line of spec.lines ?? []) {
    const sku = `SKU-${line.category ?? 'none'}`;
    await db.k
      .insertInto('products')
      .values({ sku, name: sku, category: line.category, unit_price_fen: null })
      .onConflict((oc) => oc.column('sku').doNothing())
      .execute();
    const product = await db.k
      .selectFrom('products')
      .select('id')
      .where('sku', '=', sku)
      .executeTakeFirstOrThrow();
    await db.k
      .insertInto('order_lines')
      .values({
        order_id: row.id,
        line_no: ++lineNo,
        product_id: product.id,
        quantity: 1,
        unit_price_fen: line.amountFen,
        amount_fen: line.amountFen,
      })
      .execute();
  }
  return row.id;
}

/** The metrics row of a customer, or undefined when it has none. */
export function metricsOf(db: Db, customerId: number) {
  return db.k
    .selectFrom('customer_metrics')
    .selectAll()
    .where('customer_id', '=', customerId)
    .executeTakeFirst();
}
