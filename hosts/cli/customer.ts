import type { CustomerDetail } from '../../core/api/customers';
import type { App } from '../../core/service';
import { formatAmount } from '../../core/shared/money';
import type { Flags, Output } from './commands';
import { customerDetail, resolveCustomer } from './customer-ref';
import { messages } from './i18n';
import { formatCount, table, zonedTime } from './output';

/**
 * A customer as the console's customer page shows them: profile, spend, tags and their
 * newest orders. Every time is said in its store's zone, named (a UK shop's order in
 * London time, a Chinese store's in Shanghai time); --json keeps ISO instants in UTC.
 */
export async function showCustomer(app: App, flags: Flags): Promise<Output> {
  const ref = await resolveCustomer(app, flags, 'customer');
  const detail = await customerDetail(app, ref.id);
  const found = ref.foundBy ? `${messages().foundAs(ref.foundBy, ref.id)}\n` : '';
  return { text: found + describeCustomer(detail), json: detail };
}

function describeCustomer(d: CustomerDetail): string {
  const m = messages();
  const { row } = d;
  const zone = row.timeZone;
  const money = (fen: number, currency: string) => formatAmount(fen, currency, m.locale);
  const when = (iso: string | null) => (iso ? zonedTime(iso, zone) : m.noTime);
  const lines = [
    m.customerHead({
      id: row.id,
      name: row.name,
      lifecycle: m.lifecycle(row.lifecycle),
      orders: row.ordersAll,
      spend: money(row.spendAll, row.currency),
      phone: row.phone,
    }),
    m.customerDates(when(d.firstOrderAt), when(row.lastOrderAt), d.preferredStore),
  ];
  for (const t of d.tags) lines.push(m.customerTag({ ...t, since: zonedTime(t.since, zone) }));
  if (d.orders.length === 0) return lines.join('\n');

  const rows = d.orders.map((o) => [
    o.externalId,
    o.store ?? '—',
    m.orderKind(o.kind),
    // Each order in its own store's zone: a customer may buy in stores of two zones.
    zonedTime(o.orderedAt, o.storeTimeZone),
    money(o.amountFen, o.currency),
    formatCount(o.lines),
  ]);
  lines.push(m.newestOrders(d.orders.length));
  lines.push(
    ...table(m.orderHeaders, rows)
      .split('\n')
      .map((l) => `    ${l}`),
  );
  return lines.join('\n');
}
