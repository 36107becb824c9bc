import type { DemoCalendar } from './calendar';
import { demoStores } from './catalog';
import type { DemoCustomer } from './customers';
import { MAIN_CHANNEL_LOYALTY, drawCustomer, orderChannel } from './customers';
import { Rand } from './random';

/** How big a demo chain is. Order lines are a target; the generated count lands near it. */
export interface DemoSize {
  customers: number;
  days: number;
  orderLines: number;
}

/**
 * The chain a first start shows: ~20k customers and about five order lines per
 * customer a year. It covers fifteen months rather than one year: a customer counts
 * as lost only after a year without an order, and the demo should show every stage.
 */
export const DEMO_SIZE: DemoSize = { customers: 20_000, days: 456, orderLines: 125_000 };

/** The benchmark's chain: 100k customers and a million order lines over two years. */
export const BENCH_SIZE: DemoSize = { customers: 100_000, days: 730, orderLines: 1_000_000 };

/** Scales customers and order lines together; the period stays. */
export function scaleSize(size: DemoSize, scale: number): DemoSize {
  return {
    customers: Math.max(50, Math.round(size.customers * scale)),
    days: size.days,
    orderLines: Math.max(100, Math.round(size.orderLines * scale)),
  };
}

export const SALE = 0;
export const RETURN = 1;
export const CANCELLATION = 2;

/** Extra lines per order beyond the first, by channel (POS, mini-program, delivery). */
export const extraLines = [0.45, 0.9, 1.1];
export const ANONYMOUS_EXTRA_LINES = 0.3;
/** Anonymous till sales are a fifth of all orders, i.e. a quarter of the identified ones. */
const ANONYMOUS_PER_IDENTIFIED = 0.25;
const RETURN_RATE = 0.015;
const CANCELLATION_RATE = 0.025;

/** Orders by hour of day (0–23), per channel: breakfast and lunch at the till, dinner delivered. */
const hourWeights = [
  [0, 0, 0, 0, 0, 0, 0, 3, 6, 4, 3, 4, 6, 4, 2, 2, 2, 4, 6, 5, 3, 2, 0, 0],
  [0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 3, 3, 4, 3, 2, 2, 2, 3, 4, 5, 6, 5, 3, 1],
  [0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 3, 6, 7, 3, 1, 1, 2, 4, 6, 5, 3, 3, 3, 1],
];

/**
 * Every order of the chain in compact form, in the order it was planned (not by
 * time). Lines are not stored: they are redrawn from the seed when records are made.
 */
export class OrderPlan {
  at: number[] = [];
  /** Customer index, or -1 for an anonymous till sale. */
  customer: number[] = [];
  channel: number[] = [];
  store: number[] = [];
  kind: number[] = [];
  /** For a return or cancellation, the sale it undoes; for a sale, itself. */
  ref: number[] = [];

  get count(): number {
    return this.at.length;
  }

  add(at: number, customer: number, channel: number, store: number, kind: number, ref = -1) {
    const index = this.at.length;
    this.at.push(at);
    this.customer.push(customer);
    this.channel.push(channel);
    this.store.push(store);
    this.kind.push(kind);
    this.ref.push(ref < 0 ? index : ref);
    return index;
  }
}

/** Draws every customer, then every order up to the as-of instant. */
export function planChain(
  seed: number,
  size: DemoSize,
  calendar: DemoCalendar,
): { customers: DemoCustomer[]; plan: OrderPlan } {
  const customers: DemoCustomer[] = [];
  for (let i = 0; i < size.customers; i++) customers.push(drawCustomer(seed, i, calendar));

  const intensity = habitIntensity(customers, size.orderLines);
  const plan = new OrderPlan();
  for (const c of customers) planCustomer(seed, c, intensity, calendar, plan);
  planAnonymous(seed, Math.round(plan.count * ANONYMOUS_PER_IDENTIFIED), calendar, plan);
  return { customers, plan };
}

/**
 * The factor on every customer's habit that makes the chain's order lines land near
 * `targetLines`. Lines grow linearly with it: each customer's first order, plus the
 * factor times their habit orders, times their expected lines per order; anonymous
 * till sales add a quarter as many orders again. Returns and cancellations (about
 * 2 % of lines) are left out of the sum.
 */
function habitIntensity(customers: DemoCustomer[], targetLines: number): number {
  const anonymousLines = ANONYMOUS_PER_IDENTIFIED * (1 + ANONYMOUS_EXTRA_LINES);
  let fixed = 0;
  let perUnit = 0;
  for (const c of customers) {
    const habitOrders = (c.perYear * (c.endDay - c.firstDay)) / 365;
    const lines = expectedLines(c) + anonymousLines;
    fixed += lines;
    perUnit += habitOrders * lines;
  }
  return Math.max(0, targetLines / 1.02 - fixed) / Math.max(1, perUnit);
}

/** Expected lines of one of this customer's orders, over the channels they use. */
function expectedLines(c: DemoCustomer): number {
  let extra = 0;
  for (let ch = 0; ch < extraLines.length; ch++) {
    const share = ch === c.mainChannel ? MAIN_CHANNEL_LOYALTY : (1 - MAIN_CHANNEL_LOYALTY) / 2;
    extra += share * extraLines[ch]!;
  }
  return 1 + c.basket * extra;
}

function planCustomer(
  seed: number,
  c: DemoCustomer,
  intensity: number,
  calendar: DemoCalendar,
  plan: OrderPlan,
): void {
  const r = new Rand(seed, c.index, 2);
  const kind = demoStores[c.homeStore]!.districtKind;
  const days = [c.firstDay];
  const n = r.poisson((intensity * c.perYear * (c.endDay - c.firstDay)) / 365);
  for (let k = 0; k < n; k++) {
    const d = pickDay(r, calendar, kind, c.firstDay + 1, c.endDay);
    if (d !== null) days.push(d);
  }

  for (const d of days) {
    const channel = orderChannel(c, r);
    const at = calendar.instant(d, minuteOfDay(r, channel));
    if (at > calendar.asOfMs) continue;
    const store = channel === 0 && r.chance(0.2) ? nearbyStore(r, c.homeStore) : c.homeStore;
    const sale = plan.add(at, c.index, channel, store, SALE);
    planUndo(r, plan, sale, calendar.asOfMs);
  }
}

/** Some sales are returned days later; some online orders are cancelled within minutes. */
function planUndo(r: Rand, plan: OrderPlan, sale: number, asOfMs: number): void {
  const at = plan.at[sale]!;
  const channel = plan.channel[sale]!;
  const customer = plan.customer[sale]!;
  const store = plan.store[sale]!;
  if (channel !== 0 && r.chance(CANCELLATION_RATE)) {
    const when = at + r.int(3, 40) * 60_000;
    if (when <= asOfMs) plan.add(when, customer, channel, store, CANCELLATION, sale);
  } else if (r.chance(customer < 0 ? RETURN_RATE / 5 : RETURN_RATE)) {
    const when = at + 3_600_000 + Math.floor(r.exponential(2 * 86_400)) * 1000;
    if (when <= asOfMs) plan.add(when, customer, channel, store, RETURN, sale);
  }
}

/** Till sales to shoppers who showed no member card, spread by store traffic and day. */
function planAnonymous(seed: number, total: number, calendar: DemoCalendar, plan: OrderPlan) {
  let weightSum = 0;
  for (let d = 0; d < calendar.days; d++) {
    for (const s of demoStores) weightSum += s.traffic * calendar.weight(s.districtKind, d);
  }

  for (let d = 0; d < calendar.days; d++) {
    demoStores.forEach((s, storeIndex) => {
      const r = new Rand(seed, d, storeIndex, 3);
      const mean = (total * s.traffic * calendar.weight(s.districtKind, d)) / weightSum;
      const n = r.poisson(mean);
      for (let k = 0; k < n; k++) {
        const at = calendar.instant(d, minuteOfDay(r, 0));
        if (at > calendar.asOfMs) continue;
        const sale = plan.add(at, -1, 0, storeIndex, SALE);
        planUndo(r, plan, sale, calendar.asOfMs);
      }
    });
  }
}

/** A day in [from, to] drawn by how busy it is; null if the range is empty. */
function pickDay(
  r: Rand,
  calendar: DemoCalendar,
  kind: 'business' | 'residential',
  from: number,
  to: number,
) {
  if (from > to) return null;
  for (let tries = 0; tries < 30; tries++) {
    const d = r.int(from, to);
    if (r.float() * calendar.maxWeight < calendar.weight(kind, d)) return d;
  }
  return r.int(from, to);
}

function minuteOfDay(r: Rand, channel: number): number {
  return r.weighted(hourWeights[channel]!) * 60 + r.float() * 60;
}

/** Another store in the same city, if the city has one. */
function nearbyStore(r: Rand, home: number): number {
  const city = demoStores[home]!.city;
  const others = demoStores.flatMap((s, i) => (s.city === city && i !== home ? [i] : []));
  return others.length > 0 ? r.pick(others) : home;
}
