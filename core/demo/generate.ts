import type { CustomerKeys, ImportRecord } from '../crm/import/types';
import { orderKeyInStore } from '../crm/import/order-key';
import { lineAmount } from '../shared/money';
import { maskPhone } from '../shared/mask';
import { DemoCalendar } from './calendar';
import { categories, demoProducts, demoStores } from './catalog';
import type { DemoProduct } from './catalog';
import type { DemoChannel, DemoCustomer } from './customers';
import { channels } from './customers';
import { ANONYMOUS_EXTRA_LINES, CANCELLATION, RETURN, extraLines, planChain } from './plan';
import type { DemoSize, OrderPlan } from './plan';
import { Rand } from './random';

export interface DemoOptions {
  /** The last instant of the chain's history: no order is later. */
  asOf: Date;
  seed: number;
  size: DemoSize;
}

/** One channel's export for one month, as the chain's back office would hand it over. */
export interface DemoBatch {
  fileName: string;
  channel: DemoChannel;
  /** 'YYYY-MM' in Asia/Shanghai. */
  month: string;
  records: ImportRecord[];
}

/** A generated chain: its customers, its planned orders, and the exports that carry them. */
export interface DemoChain {
  options: DemoOptions;
  calendar: DemoCalendar;
  customers: DemoCustomer[];
  plan: OrderPlan;
  /**
   * Exports in time order (month by month; POS, mini-program, delivery within a
   * month), or only one channel's.
   */
  batches(only?: DemoChannel): Generator<DemoBatch>;
}

/**
 * Generates the demo chain: the same seed, size and as-of instant always give the
 * same customers, orders and records.
 */
export function generateDemo(options: DemoOptions): DemoChain {
  const calendar = new DemoCalendar(options.asOf, options.size.days);
  const { customers, plan } = planChain(options.seed, options.size, calendar);
  const chain: DemoChain = {
    options,
    calendar,
    customers,
    plan,
    batches: (only) => emitBatches(chain, only),
  };
  return chain;
}

function* emitBatches(chain: DemoChain, only?: DemoChannel): Generator<DemoBatch> {
  const { plan, calendar } = chain;
  const order = Array.from({ length: plan.count }, (_, i) => i);
  order.sort((a, b) => plan.at[a]! - plan.at[b]! || a - b);

  let month = '';
  let pending: number[][] = [[], [], []];
  const flush = function* () {
    for (let c = 0; c < channels.length; c++) {
      const channel = channels[c]!;
      if (pending[c]!.length === 0 || (only && only !== channel)) continue;
      const records = pending[c]!.flatMap((i) => orderRecords(chain, i));
      records.forEach((r, k) => (r.line = k + 2));
      yield { fileName: `demo-${channel}-${month}.csv`, channel, month, records };
    }
    pending = [[], [], []];
  };

  for (const i of order) {
    const m = calendar.labelOf(plan.at[i]!).slice(0, 7);
    if (m !== month) {
      yield* flush();
      month = m;
    }
    pending[plan.channel[i]!]!.push(i);
  }
  yield* flush();
}

interface Line {
  product: DemoProduct;
  quantity: number;
  unitPriceFen: number;
  amountFen: number;
}

const statusOf = [
  ['已完成', '已退货', '已取消'],
  ['已完成', '已退款', '已取消'],
  ['已送达', '已退款', '已取消'],
];

/** The order lines of planned order `i`, as import records (line numbers set by the batch). */
function orderRecords(chain: DemoChain, i: number): ImportRecord[] {
  const { plan, calendar } = chain;
  const kind = plan.kind[i]!;
  const channelIndex = plan.channel[i]!;
  const customerIndex = plan.customer[i]!;
  const customer = customerIndex >= 0 ? chain.customers[customerIndex]! : null;
  const sale = plan.ref[i]!;
  const store = demoStores[plan.store[i]!]!;

  let lines = saleLines(chain, sale);
  if (kind === RETURN) lines = [undo(new Rand(chain.options.seed, i, 5).pick(lines))];
  if (kind === CANCELLATION) lines = lines.map(undo);
  const orderAmountFen = lines.reduce((sum, l) => sum + l.amountFen, 0);

  const saleId = orderId(channelIndex, store.code, calendar.labelOf(plan.at[sale]!), sale);
  const id = kind === RETURN ? `${saleId}-R` : kind === CANCELLATION ? `C${saleId}` : saleId;
  // A till's receipts are known per store, as the POS preset reads them (`…@SZ01`).
  const keyed = channelIndex === 0 ? orderKeyInStore(id, store.code) : id;
  const at = plan.at[i]!;
  const keys = customer ? customerKeys(chain, customer, channelIndex, i) : {};
  return lines.map((l, k) => ({
    line: 0,
    rowKind: 'orderLine',
    channel: channels[channelIndex]!,
    kind: kind === RETURN ? 'return' : kind === CANCELLATION ? 'cancellation' : 'sale',
    currency: 'CNY',
    orderId: keyed,
    lineNo: k + 1,
    orderedAt: at,
    businessDay: calendar.labelOf(at),
    orderStatus: statusOf[channelIndex]![kind]!,
    customer: keys,
    store: storeFacts[plan.store[i]!]!,
    product: productFacts.get(l.product.sku)!,
    quantity: l.quantity,
    unitPriceFen: l.unitPriceFen,
    lineAmountFen: l.amountFen,
    orderAmountFen,
  }));
}

// Records share these read-only objects: a million lines need not carry a million copies.
const storeFacts = demoStores.map((s) => ({ code: s.code, name: s.name, region: s.region }));
const productFacts = new Map(
  demoProducts.map((p) => [p.sku, { sku: p.sku, name: p.name, category: p.category }]),
);

/** Category preference by channel (饮品 烘焙 零食 生鲜 乳品 熟食 日用品). */
const categoryWeights = [
  [5, 4, 2, 2, 2, 3, 1],
  [2, 4, 1, 2, 2, 1, 2],
  [5, 2, 2, 3, 1, 3, 1],
];
const productsByCategory = categories.map((c) => demoProducts.filter((p) => p.category === c));
/** Within a shelf, the n-th best seller sells 1/n as often as the first. */
const shelfWeights = productsByCategory.map((shelf) => shelf.map((_, rank) => 1 / (rank + 1)));

/** The lines of sale `sale`, redrawn from the seed whenever they are needed. */
function saleLines(chain: DemoChain, sale: number): Line[] {
  const r = new Rand(chain.options.seed, sale, 4);
  const channel = chain.plan.channel[sale]!;
  const customer = chain.customers[chain.plan.customer[sale]!];
  const extra = customer ? extraLines[channel]! * customer.basket : ANONYMOUS_EXTRA_LINES;
  const count = 1 + r.poisson(extra);

  const lines: Line[] = [];
  for (let k = 0; k < count; k++) {
    const favourite = customer && r.chance(0.45);
    const category = favourite ? customer.favouriteCategory : r.weighted(categoryWeights[channel]!);
    const product = productsByCategory[category]![r.weighted(shelfWeights[category]!)]!;
    const quantity = product.weighed
      ? Math.round((0.3 + 1.3 * r.float()) * 100) / 100
      : 1 + r.weighted([16, 3, 1]);
    const amountFen = lineAmount(product.priceFen, quantity);
    lines.push({ product, quantity, unitPriceFen: product.priceFen, amountFen });
  }
  return lines;
}

function undo(line: Line): Line {
  return { ...line, quantity: -line.quantity, amountFen: -line.amountFen };
}

/** Order numbers in each system's own style; unique per channel. */
function orderId(channel: number, storeCode: string, day: string, index: number): string {
  const date = day.replaceAll('-', '');
  const serial = String(index).padStart(8, '0');
  if (channel === 0) return `${storeCode}${date}${serial}`;
  return `${channel === 1 ? 'WX' : 'WM'}${date}${serial}`;
}

/**
 * What each channel's export shows of the customer. The till knows the member card,
 * the mini-program the whole profile, the delivery platform its own id and a masked
 * phone, with the full number only on some orders: so identity merging has work.
 */
function customerKeys(chain: DemoChain, c: DemoCustomer, channel: number, i: number): CustomerKeys {
  if (channel === 0) {
    return c.memberId ? { memberId: c.memberId, name: c.name } : { phone: c.phone };
  }
  if (channel === 1) {
    return {
      ...(c.memberId ? { memberId: c.memberId } : {}),
      phone: c.phone,
      name: c.name,
      gender: c.gender,
      birthDate: c.birthDate,
      city: demoStores[c.homeStore]!.city,
    };
  }
  const shown = new Rand(chain.options.seed, i, 6).chance(c.phoneShown);
  return {
    platformId: c.platformId,
    maskedPhone: maskPhone(c.phone),
    ...(shown ? { phone: c.phone } : {}),
    name: c.name.slice(0, 1) + (c.gender === 'F' ? '女士' : '先生'),
  };
}
