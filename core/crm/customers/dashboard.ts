import { sql } from 'kysely';
import type { DashboardSummary } from '../../api/dashboard';
import type { Db } from '../../db/open';
import { addDays, businessDayOf } from '../metrics/days';
import { customerCount, lifecycleCounts } from './dashboard-customers';
import { isMemberSql } from './membership';

/** Sales net of returns and cancellations; write-offs and adjustments are not sales. */
const netKinds = ['sale', 'return', 'cancellation'] as const;

/** Who bought, for the split of sales: members, other identified customers, anonymous. */
type Buyer = 'member' | 'customer' | 'anonymous';

/**
 * The dashboard over the last `days` business days up to `now`, for the whole chain or,
 * when `storeIds` names some stores, for the orders of those stores alone (orders without
 * a store, e.g. an online shop's, then count for none): channel mix, the sales of members,
 * of other identified customers and anonymous sales (membership in ./membership.ts), sales
 * by month and channel (all in yuan; orders in other currencies are counted apart), how
 * many customers bought in the period, how many sales it saw in any currency, and how many
 * customers are in each lifecycle stage (of some stores: those who ever bought there).
 * Each group's sales are its net in the period and may be negative (a refund in the period
 * of a sale made before it); the screen counts such a group as 0 in its shares.
 */
export async function dashboardSummary(
  db: Db,
  days: number,
  now: Date,
  storeIds: readonly number[] = [],
): Promise<DashboardSummary> {
  const day = businessDayOf(now);
  const from = addDays(day, -(days - 1));
  const ofStores = storeIds.length > 0;
  const stores = [...storeIds];
  const anyCurrency = db.k
    .selectFrom('orders')
    .where('kind', 'in', netKinds)
    .where('business_day', '>=', from)
    .where('ordered_at', '<=', now.getTime())
    .$if(ofStores, (q) => q.where('store_id', 'in', stores));
  // The sales figures are yuan only: amounts in other currencies are never added to them,
  // and what was left out is counted per currency so that the screen can say so.
  const period = anyCurrency.where('currency', '=', 'CNY');
  const isSale = sql<number>`CASE WHEN kind = 'sale' THEN 1 ELSE 0 END`;
  // Each buyer's sales first, then whether they are a member: one identity lookup per
  // customer of the period instead of one per order.
  const perBuyer = period
    .select((eb) => ['customer_id', eb.fn.sum<number>('amount_fen').as('sales')])
    .groupBy('customer_id')
    .as('p');
  const buyer = sql<Buyer>`CASE WHEN p.customer_id IS NULL THEN 'anonymous'
    WHEN ${isMemberSql('p.customer_id')} THEN 'member' ELSE 'customer' END`;

  const [channels, split, months, stages, customers, buyers, others, latest] = await Promise.all([
    period
      .select((eb) => [
        'channel',
        eb.fn.sum<number>(isSale).as('orders'),
        eb.fn.sum<number>('amount_fen').as('sales'),
      ])
      .groupBy('channel')
      .orderBy('sales', 'desc')
      .execute(),
    db.k
      .selectFrom(perBuyer)
      .select((eb) => [buyer.as('buyer'), eb.fn.sum<number>('p.sales').as('sales')])
      .groupBy('buyer')
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
    lifecycleCounts(db, stores, now.getTime()),
    customerCount(db, stores, now.getTime()),
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
      .$if(ofStores, (q) => q.where('store_id', 'in', stores))
      .orderBy('business_day', 'desc')
      .limit(1)
      .executeTakeFirst(),
  ]);

  const channelMix = channels.map((c) => ({
    channel: c.channel,
    orders: Number(c.orders),
    salesFen: Number(c.sales),
  }));
  const salesOf = (who: Buyer) => Number(split.find((m) => m.buyer === who)?.sales ?? 0);
  const yuanOrders = channelMix.reduce((s, c) => s + c.orders, 0);
  return {
    asOf: now.toISOString(),
    storeIds: stores,
    customers,
    customersInPeriod: Number(buyers.n),
    orders: yuanOrders,
    ordersAllCurrencies: yuanOrders + others.reduce((s, o) => s + Number(o.sales), 0),
    salesFen: channelMix.reduce((s, c) => s + c.salesFen, 0),
    channelMix,
    memberSalesFen: salesOf('member'),
    otherCustomerSalesFen: salesOf('customer'),
    anonymousSalesFen: salesOf('anonymous'),
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
    lifecycle: stages,
    latestOrderDay: latest?.business_day ?? null,
  };
}
