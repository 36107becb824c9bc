import { z } from 'zod';
import type { JobStatus } from './system';
import { method } from './method';

export interface DashboardSummary {
  asOf: string;
  /** The stores the figures are for (their ids, as asked); empty: the whole chain. */
  storeIds: number[];
  /**
   * Every customer of the chain (merged ones counted once), whatever the period; for some
   * stores, the customers who ever bought at one of them (up to now).
   */
  customers: number;
  /** Customers with at least one purchase (a sale) in the period (at the stores picked). */
  customersInPeriod: number;
  /** Yuan orders (sales) of the period; orders in other currencies are in otherCurrencies. */
  orders: number;
  /**
   * Sales (orders, not returns or cancellations) of the period in every currency: an order
   * is counted whatever its currency; only money is kept apart per currency.
   */
  ordersAllCurrencies: number;
  salesFen: number;
  /** Sales by channel over the period (sales net of returns). */
  channelMix: { channel: string; orders: number; salesFen: number }[];
  /**
   * The period's sales split by who bought: members (a member id or a whole phone, rule in
   * core/crm/customers/membership.ts), other identified customers (known only by a platform
   * id, a masked phone, an e-mail…) and anonymous sales. The three add up to `salesFen`.
   */
  memberSalesFen: number;
  otherCustomerSalesFen: number;
  anonymousSalesFen: number;
  salesByMonth: { month: string; channel: string; salesFen: number }[];
  /**
   * Orders of the period in currencies other than yuan (sales, returns, cancellations),
   * left out of every sales figure above: how many and their net amount, per currency, in
   * its minor unit (e.g. pence). Empty for a yuan-only chain.
   */
  otherCurrencies: { currency: string; orders: number; amountMinor: number }[];
  /** Customers per lifecycle stage: every customer, or those counted in `customers`. */
  lifecycle: { stage: string; customers: number }[];
  /**
   * The business day of the newest order up to now (a sale, return or cancellation, of any
   * channel or currency), null when there is none: tells a period without orders from a
   * chain without orders, e.g. a history imported from years ago, which the screen can
   * point to.
   */
  latestOrderDay: string | null;
}

export const dashboardContract = {
  'dashboard.summary': method<DashboardSummary>()(
    z.object({
      days: z.number().int().min(1).max(3650).default(365),
      /** Only the orders of these stores (ids from stores.list); empty: the whole chain. */
      storeIds: z.array(z.number().int().positive()).max(200).default([]),
    }),
  ),
  /** Rebuilds the demo chain from scratch (a job); refused unless the open file is the demo. */
  'demo.reset': method<JobStatus>()(z.object({})),
};
