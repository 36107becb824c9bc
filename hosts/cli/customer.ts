import type { CustomerDetail } from '../../core/api/customers';
import type { App } from '../../core/service';
import { formatAmount } from '../../core/shared/money';
import type { Flags, Output } from './commands';
import { customerDetail, resolveCustomer } from './customer-ref';
import { messages } from './i18n';
import { formatCount, plural, table, zonedTime } from './output';

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
  const { row } = d;
  const zone = row.timeZone;
  const money = (fen: number) => formatAmount(fen, row.currency, 'en');
  const when = (iso: string | null) => (iso ? zonedTime(iso, zone) : 'none');
  const lines = [
    `customer ${row.id}${row.name ? ` ${row.name}` : ''}: ${row.lifecycle}, ` +
      `${plural(row.ordersAll, 'order')}, spend ${money(row.spendAll)}` +
      (row.phone ? `, phone ${row.phone}` : ''),
    `  first order ${when(d.firstOrderAt)}, last order ${when(row.lastOrderAt)}` +
      (d.preferredStore ? `; store ${d.preferredStore}` : ''),
  ];
  for (const t of d.tags) {
    lines.push(`  tag ${t.key} (${t.nameEn}) since ${zonedTime(t.since, zone)}`);
  }
  if (d.orders.length === 0) return lines.join('\n');

  const rows = d.orders.map((o) => [
    o.externalId,
    o.store ?? '—',
    o.kind,
    // Each order in its own store's zone: a customer may buy in stores of two zones.
    zonedTime(o.orderedAt, o.storeTimeZone),
    formatAmount(o.amountFen, o.currency, 'en'),
    formatCount(o.lines),
  ]);
  lines.push(`  newest ${plural(d.orders.length, 'order')}:`);
  const headers = ['order', 'store', 'kind', 'ordered at', 'amount', 'lines'];
  lines.push(
    ...table(headers, rows)
      .split('\n')
      .map((l) => `    ${l}`),
  );
  return lines.join('\n');
}
