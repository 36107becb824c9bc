import type { DemoCalendar } from './calendar';
import {
  categories,
  demoStores,
  givenNamesF,
  givenNamesM,
  mobilePrefixes,
  surnames,
} from './catalog';
import { Rand } from './random';

export const channels = ['pos', 'miniprogram', 'delivery'] as const;
export type DemoChannel = (typeof channels)[number];

/**
 * Share of each channel as a customer's main one. A customer places 70 % of their
 * orders in the main channel and 15 % in each other one, so the identified orders
 * split 0.15 + 0.55 × share: 37.5 % POS, 37.5 % mini-program, 25 % delivery. With
 * anonymous till sales added as a fifth of all orders, the chain's orders come out
 * 50 / 30 / 20 (POS / mini-program / delivery).
 */
const mainChannelShare = [0.4091, 0.4091, 0.1818];
export const MAIN_CHANNEL_LOYALTY = 0.7;

/**
 * Purchase habits: share of customers, orders a year after the first one, and how
 * much bigger than usual their baskets are. The weekly family shop and the daily
 * regulars give the chain its champions and its gold customers.
 */
const habits = [
  { share: 0.3, perYear: 0, basket: 1 }, // tried once
  { share: 0.33, perYear: 2, basket: 1 },
  { share: 0.21, perYear: 6, basket: 1 },
  { share: 0.1, perYear: 16, basket: 1.2 },
  { share: 0.03, perYear: 70, basket: 2.4 }, // the family's weekly (or twice-weekly) shop
  { share: 0.03, perYear: 60, basket: 0.7 }, // the daily coffee crowd
];

/** One shopper of the demo chain and the habits that drive their orders. */
export interface DemoCustomer {
  index: number;
  name: string;
  gender: 'F' | 'M';
  birthDate: string;
  /** E.164, always with `0000` as the middle block. */
  phone: string;
  memberId: string | null;
  /** The delivery platform's id for this person. */
  platformId: string;
  homeStore: number;
  mainChannel: number;
  favouriteCategory: number;
  /** Orders a year after the first, before the chain-wide scaling. */
  perYear: number;
  /** Multiplies basket size: some shop for a family, some for a snack. */
  basket: number;
  /** Day of the first order, and the day after which they order no more. */
  firstDay: number;
  endDay: number;
  /** Share of delivery orders where the platform shows the full phone. */
  phoneShown: number;
}

/** Draws customer `index` of the chain; it depends on the seed and the index only. */
export function drawCustomer(seed: number, index: number, calendar: DemoCalendar): DemoCustomer {
  const r = new Rand(seed, index, 1);
  const gender = r.chance(0.62) ? 'F' : 'M';
  const surname = surnames[Math.min(surnames.length - 1, Math.floor(r.exponential(8)))]!;
  const given = r.pick(gender === 'F' ? givenNamesF : givenNamesM);
  const age = Math.min(70, Math.max(18, Math.round(33 + 9 * r.normal())));
  const asOfYear = Number(calendar.label(calendar.days - 1).slice(0, 4));
  const birth = new Date(Date.UTC(asOfYear - age, 0, 1) - r.int(0, 364) * 86_400_000);

  const mainChannel = r.weighted(mainChannelShare);
  const hasMember = mainChannel !== 2 || r.chance(0.3);
  const habit = habits[r.weighted(habits.map((h) => h.share))]!;

  // A third were already customers when the period began: first seen in its first weeks.
  const lastDay = calendar.days - 1;
  const firstDay = r.chance(0.35) ? r.int(0, Math.min(60, lastDay)) : r.int(0, lastDay);
  const churns = r.chance(0.45);
  const endDay = churns ? Math.min(lastDay, firstDay + Math.round(r.exponential(150))) : lastDay;

  return {
    index,
    name: surname + given,
    gender,
    birthDate: birth.toISOString().slice(0, 10),
    phone: fakeMobile(index),
    memberId: hasMember ? `M${String(10_000_000 + index * 7 + 3)}` : null,
    platformId: `WM${String(6_100_000_000 + index * 13)}`,
    homeStore: r.weighted(demoStores.map((s) => s.traffic)),
    mainChannel,
    favouriteCategory: r.int(0, categories.length - 1),
    perYear: habit.perYear * (0.6 + 0.8 * r.float()),
    basket: habit.basket * Math.exp(0.45 * r.normal()),
    firstDay,
    endDay,
    phoneShown: r.chance(0.4) ? 0 : 0.5,
  };
}

/**
 * A mobile number valid in form and unmistakably invented: a real prefix, then
 * `0000`, then four digits. Unique for the first 300,000 customers.
 */
export function fakeMobile(index: number): string {
  const prefix = mobilePrefixes[index % mobilePrefixes.length]!;
  const tail = Math.floor(index / mobilePrefixes.length) % 10_000;
  return `+86${prefix}0000${String(tail).padStart(4, '0')}`;
}

/** The channel of one of a customer's orders: mostly their main one. */
export function orderChannel(customer: DemoCustomer, r: Rand): number {
  if (r.chance(MAIN_CHANNEL_LOYALTY)) return customer.mainChannel;
  const others = [0, 1, 2].filter((c) => c !== customer.mainChannel);
  return r.pick(others);
}
