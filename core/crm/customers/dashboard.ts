import { sql } from 'kysely';
import type { DashboardSummary } from '../../api/dashboard';
import type { Db } from '../../db/open';
import { addDays, businessDayOf } from '../metrics/days';

/** Sales net of returns and cancellations; write-offs and adjustments are not sales. */
const netKinds = ['sale', 'return', 'cancellation'] as const;

/**
 * The dashboard over the last `days` business days up to `now`: channel mix, the
 * members' share of sales against anonymous sales, sales by month and channel (all in
 * yuan; orders in other currencies are counted apart), how many customers bought in the
 * period, how many sales it saw in any currency, and how many customers are in each
 * lifecycle stage.
 */
export async function dashboardSummary(db: Db, days: number, now: Date): Promise<DashboardSummary> {
  const day = businessDayOf(now);
  const from = addDays(day, -(days - 1));
  const anyCurrency = db.k
    .selectFrom('orders')
    .where('kind', 'in', netKinds)
    .where('business_day', '>=', from)
    .where('ordered_at', '<=', now.getTime());
  // The sales figures are yuan only: amounts in other currencies are never added to them,
  // and what was left out is counted per currency so that the screen can say so.
  const period = anyCurrency.where('currency', '=', 'CNY');
  const isSale = sql<number>`CASE WHEN kind = 'sale' THEN 1 ELSE 0 END`;

  const [channels, members, months, stages, customers, buyers, others, latest] = await Promise.all([
    period
      .select((eb) => [
        'channel',
        eb.fn.sum<number>(isSale).as('orders'),
        eb.fn.sum<number>('amount_fen').as('sales'),
      ])
      .groupBy('channel')
      .orderBy('sales', 'desc')
      .execute(),
    period
      .select((eb) => [
        sql<number>`CASE WHEN customer_id IS NULL THEN 0 ELSE 1 END`.as('member'),
        eb.fn.sum<number>('amount_fen').as('sales'),
      ])
      .groupBy('member')
      .execute(),
    period
      .select((eb) => [
        sql<string>`substr(business_day, 1, 7)`.as('month'),
        'channel',
        eb.fn.sum<number>('amount_fen').as('sales'),
      ])
      .groupBy(['month', 'channel'])
      .orderBy('month')
      .orderBy('channel')
      .execute(),
    db.k
      .selectFrom('customer_metrics as m')
      .innerJoin('customers as c', 'c.id', 'm.customer_id')
      .where('c.merged_into', 'is', null)
      .select((eb) => ['m.lifecycle', eb.fn.countAll<number>().as('n')])
      .groupBy('m.lifecycle')
      .execute(),
    db.k
      .selectFrom('customers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('merged_into', 'is', null)
      .executeTakeFirstOrThrow(),
    // Returns and cancellations are not purchases; anonymous sales have no customer.
    anyCurrency
      .where('kind', '=', 'sale')
      .where('customer_id', 'is not', null)
      .select((eb) => eb.fn.count<number>('customer_id').distinct().as('n'))
      .executeTakeFirstOrThrow(),
    anyCurrency
      .where('currency', '<>', 'CNY')
      .select((eb) => [
        'currency',
        eb.fn.countAll<number>().as('orders'),
        eb.fn.sum<number>(isSale).as('sales'),
        eb.fn.sum<number>('amount_fen').as('amount'),
      ])
      .groupBy('currency')
      .orderBy('currency')
      .execute(),
    // Newest first along the business-day index, stopping at the first order up to now.
    db.k
      .selectFrom('orders')
      .select('business_day')
      .where('kind', 'in', netKinds)
      .where('business_day', '<=', day)
      .where('ordered_at', '<=', now.getTime())
      .orderBy('business_day', 'desc')
      .limit(1)
      .executeTakeFirst(),
  ]);

  const channelMix = channels.map((c) => ({
    channel: c.channel,
    orders: Number(c.orders),
    salesFen: Number(c.sales),
  }));
  const salesOf = (member: number) => Number(members.find((m) => m.member === member)?.sales ?? 0);
  const yuanOrders = channelMix.reduce((s, c) => s + c.orders, 0);
  const order = ['new', 'active', 'repeat', 'sleeping', 'lost', 'none'];
  return {
    asOf: now.toISOString(),
    customers: Number(customers.n),
    customersInPeriod: Number(buyers.n),
    orders: yuanOrders,
    ordersAllCurrencies: yuanOrders + others.reduce((s, o) => s + Number(o.sales), 0),
    salesFen: channelMix.reduce((s, c) => s + c.salesFen, 0),
    channelMix,
    memberSalesFen: salesOf(1),
    anonymousSalesFen: salesOf(0),
    salesByMonth: months.map((m) => ({
      month: m.month,
      channel: m.channel,
      salesFen: Number(m.sales),
    })),
    otherCurrencies: others.map((o) => ({
      currency: o.currency,
      orders: Number(o.orders),
      amountMinor: Number(o.amount),
    })),
    lifecycle: stages
      .map((s) => ({ stage: s.lifecycle, customers: Number(s.n) }))
      .sort((a, b) => order.indexOf(a.stage) - order.indexOf(b.stage)),
    latestOrderDay: latest?.business_day ?? null,
  };
}
