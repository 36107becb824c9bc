import type { DateOrder } from '../../api/imports';
import { lineAmount } from '../../shared/money';
import { CellReader, columnsOf, type Columns } from './cells';
import { classifyRow } from './classify';
import { orderKeyInStore } from './order-key';
import type { CsvRow } from './csv';
import type { EffectiveImport } from './mapping';
import type { CustomerKeys, ImportRecord, RecordOutcome } from './types';
import { ZoneClock } from './zone';

export type ConvertSettings = EffectiveImport & { dateOrder: DateOrder | null };
type Settings = ConvertSettings & { shared: SharedParts; at: Columns };

// Bound once: under tsx's CommonJS output an imported call costs two getters (cells.ts).
const kindOf = classifyRow;

/**
 * Stores and products repeat on most lines of a file: records share one frozen object
 * per distinct store and product instead of allocating two objects per line.
 */
class SharedParts {
  private stores = new Map<string, NonNullable<ImportRecord['store']>>();
  private products = new Map<string, NonNullable<ImportRecord['product']>>();

  store(code: string, name?: string, region?: string): NonNullable<ImportRecord['store']> {
    const known = this.stores.get(code);
    if (known && known.name === name && known.region === region) return known;
    const store = Object.freeze({ code, name, region });
    if (this.stores.size < 100_000) this.stores.set(code, store);
    return store;
  }

  product(sku: string, name?: string, category?: string): NonNullable<ImportRecord['product']> {
    const known = this.products.get(sku);
    if (known && known.name === name && known.category === category) return known;
    const product = Object.freeze({ sku, name, category });
    if (this.products.size < 100_000) this.products.set(sku, product);
    return product;
  }
}

/**
 * Turns a file's data rows into outcomes, one per row, in order: a record when every
 * mapped cell could be read, else the row's errors. Nothing is skipped, so records +
 * rejected rows = data rows. Returns a function giving the next outcome (null at the
 * end) rather than a generator: it runs once per line of million-line files.
 *
 * Known cost: splitting and converting take some 4–7 µs of CPU per line of the bench's
 * exports once compiled (`bench/read-profile.ts --repeat`), against 1.5 µs wanted. Most
 * of it is a string per cell, then objects per row. What would fix it: read amounts,
 * quantities and timestamps by char codes straight from the piece's text at the field's
 * offsets (no string unless the cell is bad), and hand records over in column batches.
 */
export function converter(
  nextRow: () => CsvRow | null,
  settings: ConvertSettings,
): () => RecordOutcome | null {
  const clock = new ZoneClock(settings.fileTimeZone, settings.storeTimeZone);
  const reader = new CellReader(settings, settings.dateOrder, clock);
  const withShared: Settings = {
    ...settings,
    shared: new SharedParts(),
    at: columnsOf(settings.columns),
  };
  return () => {
    const row = nextRow();
    if (row === null) return null;
    reader.start(row.line, row.cells);
    const record = checkWidth(reader, settings) ? convertRow(reader, withShared) : null;
    return record && reader.errors.length === 0
      ? { ok: true, record }
      : { ok: false, errors: reader.errors };
  };
}

/** The first `limit` outcomes of a file (previews). */
export function firstOutcomes(
  nextRow: () => CsvRow | null,
  settings: ConvertSettings,
  limit: number,
): RecordOutcome[] {
  const next = converter(nextRow, settings);
  const outcomes: RecordOutcome[] = [];
  for (let outcome = next(); outcome && outcomes.length < limit; outcome = next()) {
    outcomes.push(outcome);
  }
  return outcomes;
}

/** A row with more or fewer fields than the header usually means a broken quote. */
function checkWidth(reader: CellReader, settings: ConvertSettings): boolean {
  const width = settings.headers.length;
  const cells = reader.cells;
  if (cells.length === width) return true;
  if (cells.length > width && cells.slice(width).every((cell) => cell.trim() === '')) return true;
  const reason =
    `has ${cells.length} fields where the header has ${width}; ` +
    'a quote or delimiter is probably missing';
  reader.fail(null, null, 'row.width', `The row ${reason}`);
  return false;
}

function convertRow(reader: CellReader, settings: Settings): ImportRecord {
  const { mapping, at } = settings;
  const kind = mapping.rowKind;
  const moment = reader.moment(at.orderedAt, 'orderedAt', kind === 'order');
  const discountFen = amountOff(reader.money(at.discountAmount, 'discountAmount'));
  const goods = readGoods(reader, settings, discountFen);
  const store = readStore(reader, settings);

  // Every record has the same shape (absent values are undefined): one hidden class
  // for the whole file keeps a million rows fast.
  const record: ImportRecord = {
    line: reader.line,
    rowKind: kind,
    channel: mapping.channel,
    kind: 'sale',
    currency: mapping.currency,
    orderId: orderIdOf(reader, settings, store, kind !== 'customer'),
    lineNo: reader.integer(at.lineNo, 'lineNo'),
    orderedAt: moment?.utcMs,
    businessDay: moment?.businessDay,
    orderStatus: reader.text(at.orderStatus, 'orderStatus'),
    customer: readCustomer(reader, at, kind === 'customer'),
    store,
    product: goods.product,
    quantity: goods.quantity,
    unitPriceFen: goods.unitPriceFen,
    lineAmountFen: goods.lineAmountFen,
    orderAmountFen: beforeDiscount(
      reader.money(at.orderAmount, 'orderAmount'),
      discountFen,
      settings,
    ),
    discountFen,
    refundFen: amountOff(reader.money(at.refundAmount, 'refundAmount')),
    paymentFen: reader.money(at.paymentAmount, 'paymentAmount', kind === 'payment'),
  };
  if (kind === 'orderLine' || kind === 'order') {
    record.kind = kindOf(record, goods.product?.sku, settings.rules);
  }
  return record;
}

function readCustomer(reader: CellReader, at: Columns, required: boolean): CustomerKeys {
  const phone = reader.phone(at.customerPhone, 'customerPhone');
  const customer: CustomerKeys = {
    memberId: reader.id(at.customerMemberId, 'customerMemberId'),
    phone: phone.phone,
    maskedPhone: phone.maskedPhone,
    email: reader.email(at.customerEmail, 'customerEmail'),
    platformId: reader.id(at.customerPlatformId, 'customerPlatformId'),
    externalId: reader.id(at.customerExternalId, 'customerExternalId'),
    name: reader.text(at.customerName, 'customerName'),
    gender: reader.gender(at.customerGender, 'customerGender'),
    birthDate: reader.calendarDate(at.customerBirthDate, 'customerBirthDate'),
    city: reader.text(at.customerCity, 'customerCity'),
  };
  const keyed = customer.memberId ?? customer.phone ?? customer.email;
  if (required && !(keyed ?? customer.platformId ?? customer.externalId)) {
    reader.fail(null, null, 'customer.no_key', 'The row names no customer id, phone or e-mail');
  }
  return customer;
}

interface Goods {
  product: ImportRecord['product'];
  quantity: number | undefined;
  unitPriceFen: number | undefined;
  lineAmountFen: number | undefined;
}

function readGoods(reader: CellReader, settings: Settings, discountFen?: number): Goods {
  const at = settings.at;
  const isLine = settings.mapping.rowKind === 'orderLine';
  const sku = reader.text(at.sku, 'sku');
  const name = reader.text(at.productName, 'productName');
  const category = reader.text(at.category, 'category');

  const quantity = reader.number(at.quantity, 'quantity', isLine) ?? (isLine ? 1 : undefined);
  const errorsBefore = reader.errors.length;
  const unitPriceFen = reader.money(at.unitPrice, 'unitPrice');
  let lineAmountFen = beforeDiscount(
    reader.money(at.lineAmount, 'lineAmount'),
    discountFen,
    settings,
  );
  if (isLine && quantity === 0) reader.fail('quantity', '0', 'quantity.zero', 'is no quantity');
  if (lineAmountFen === undefined && unitPriceFen !== undefined && quantity !== undefined) {
    lineAmountFen = lineAmount(unitPriceFen, quantity);
  }
  const priceless = unitPriceFen === undefined && lineAmountFen === undefined;
  if (isLine && priceless && reader.errors.length === errorsBefore) {
    const field = settings.columns.unitPrice !== undefined ? 'unitPrice' : 'lineAmount';
    reader.fail(field, reader.raw(at[field]) ?? '', 'value.missing', 'gives no price');
  }

  // A product named but not coded is keyed by its name.
  const code = sku ?? name;
  const product = code === undefined ? undefined : settings.shared.product(code, name, category);
  return { product, quantity, unitPriceFen, lineAmountFen };
}

/**
 * The hand-over's line and order amounts are before discount: the commit takes the
 * discount (and any refund) off. A file whose amount column is already what was paid
 * (`amountAfterDiscount`, e.g. POS `line_total`) gets its discount added back here,
 * with the amount's sign, so the discount is taken off exactly once: 2 × 18.50 with
 * 2.00 off, paid 35.00, hands over 3700 and 200, and 3500 fen is stored.
 */
function beforeDiscount(
  amountFen: number | undefined,
  discountFen: number | undefined,
  settings: Settings,
): number | undefined {
  if (amountFen === undefined || !discountFen || settings.mapping.amountAfterDiscount !== true) {
    return amountFen;
  }
  return amountFen >= 0 ? amountFen + discountFen : amountFen - discountFen;
}

/**
 * A discount or refund is an amount taken off, whichever sign the export gives it: some
 * write `-2.00` in the discount column for 2.00 off. Kept positive, so that the commit
 * takes it off the amount (never adds it) and a return's refund is not counted twice.
 */
function amountOff(fen: number | undefined): number | undefined {
  return fen === undefined ? undefined : Math.abs(fen);
}

/**
 * The row's order id; with ids that restart per store (`orderIdPerStore`), the id and the store
 * code together (`000123@S01`, see order-key.ts), the id first so that a cancellation prefix still
 * leads. Such a row without a store is refused: its order could be any store's.
 */
function orderIdOf(
  reader: CellReader,
  settings: Settings,
  store: ImportRecord['store'],
  required: boolean,
): string | undefined {
  const id = reader.text(settings.at.orderId, 'orderId', required);
  if (id === undefined || !settings.mapping.orderIdPerStore) return id;
  if (store !== undefined) return orderKeyInStore(id, store.code);
  const reason =
    'has no store code, and order ids of this source restart per store: the order could ' +
    "be any store's (map a store code column, or give the mapping a default store)";
  return reader.fail(
    'storeCode',
    reader.raw(settings.at.storeCode) ?? '',
    'store.required',
    reason,
  );
}

function readStore(reader: CellReader, settings: Settings): ImportRecord['store'] {
  const at = settings.at;
  const code = reader.text(at.storeCode, 'storeCode') ?? settings.mapping.defaultStore;
  const name = reader.text(at.storeName, 'storeName');
  const region = reader.text(at.region, 'region');
  return code === undefined ? undefined : settings.shared.store(code, name, region);
}
