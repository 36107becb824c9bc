import type { CustomerDetail } from '../../api/customers';
import type { Db } from '../../db/open';
import { CoreError } from '../../shared/errors';
import { maskAccountId, maskMaskedPhone, maskPhone } from '../../shared/mask';
import { businessDayOf } from '../metrics/days';
import { metricsAsOf } from '../metrics/settings';
import { customersWithMetrics, rowColumns, toCustomerRows } from './rows';
import type { RawRow } from './rows';
import { defaultStoreTimeZone } from '../import/mapping';
import { toMergeInfo } from '../identity/merge';

const orderLimit = 1000;

/**
 * An identity as the customer page shows it: a phone masked, a platform's masked one too,
 * and a member, platform or external id that is a mobile number (会员号 = 手机号) as well.
 */
function shownIdentity(kind: string, value: string): string {
  if (kind === 'phone') return maskPhone(value);
  // A row kept before the importer masked a cell that hid too little (`13812341234*`).
  if (kind === 'masked_phone') return maskMaskedPhone(value);
  return kind === 'email' ? value : maskAccountId(value);
}

/**
 * Everything the customer page shows: the grid row, identities (phones masked), tags
 * with since and version, the newest orders across channels, and merge history.
 */
export async function customerDetail(db: Db, id: number, now: Date): Promise<CustomerDetail> {
  const raw = (await customersWithMetrics(db)
    .select([...rowColumns, 'c.merged_into', 'm.first_order_at', 'm.preferred_store_id'])
    .where('c.id', '=', id)
    .executeTakeFirst()) as
    (RawRow & { first_order_at: number | null; preferred_store_id: number | null }) | undefined;
  if (!raw) {
    throw new CoreError(
      'customers.not_found',
      `No customer ${id} with metrics: it may have been merged into another, or a recompute ` +
        'is needed.',
      { customerId: id },
    );
  }
  const day = businessDayOf(await metricsAsOf(db, now));
  const [row] = await toCustomerRows(db, [raw], day);

  const [identities, tags, orders, merges, store] = await Promise.all([
    db.k
      .selectFrom('customer_identities')
      .select(['kind', 'value', 'source'])
      .where('customer_id', '=', id)
      .orderBy('id')
      .execute(),
    db.k
      .selectFrom('tag_members as tm')
      .innerJoin('tags as t', 't.id', 'tm.tag_id')
      .select(['t.id', 't.key', 't.name_zh', 't.name_en', 't.kind', 'tm.since', 'tm.tag_version'])
      .where('tm.customer_id', '=', id)
      .orderBy('t.id')
      .execute(),
    db.k
      .selectFrom('orders as o')
      .leftJoin('stores as s', 's.id', 'o.store_id')
      .select((eb) => [
        'o.id',
        'o.channel',
        'o.external_id',
        's.name as store',
        's.time_zone as store_zone',
        'o.kind',
        'o.ordered_at',
        'o.business_day',
        'o.amount_fen',
        'o.currency',
        eb
          .selectFrom('order_lines as l')
          .select(eb.fn.countAll<number>().as('n'))
          .whereRef('l.order_id', '=', 'o.id')
          .as('lines'),
      ])
      .where('o.customer_id', '=', id)
      .orderBy('o.ordered_at', 'desc')
      .limit(orderLimit)
      .execute(),
    db.k
      .selectFrom('customer_merges')
      .selectAll()
      .where((eb) => eb.or([eb('into_customer_id', '=', id), eb('from_customer_id', '=', id)]))
      .orderBy('merged_at', 'desc')
      .execute(),
    raw.preferred_store_id === null
      ? undefined
      : db.k
          .selectFrom('stores')
          .select('name')
          .where('id', '=', raw.preferred_store_id)
          .executeTakeFirst(),
  ]);

  return {
    row: row!,
    birthDate: raw.birth_date,
    firstOrderAt: raw.first_order_at === null ? null : new Date(raw.first_order_at).toISOString(),
    preferredStore: store?.name ?? null,
    identities: identities.map((i) => ({
      kind: i.kind,
      value: shownIdentity(i.kind, i.value),
      source: i.source,
    })),
    tags: tags.map((t) => ({
      id: t.id,
      key: t.key,
      nameZh: t.name_zh,
      nameEn: t.name_en,
      kind: t.kind,
      since: new Date(t.since).toISOString(),
      version: t.tag_version,
    })),
    orders: orders.map((o) => ({
      id: o.id,
      channel: o.channel,
      externalId: o.external_id,
      store: o.store,
      storeTimeZone: o.store_zone ?? defaultStoreTimeZone,
      kind: o.kind,
      orderedAt: new Date(o.ordered_at).toISOString(),
      businessDay: o.business_day,
      amountFen: o.amount_fen,
      currency: o.currency,
      lines: Number(o.lines ?? 0),
    })),
    merges: merges.map(toMergeInfo),
  };
}
