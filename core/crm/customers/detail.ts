import type { CustomerDetail, IdentityInfo } from '../../api/customers';
import type { Db } from '../../db/open';
import { CoreError } from '../../shared/errors';
import { maskAccountId, maskMaskedPhone, maskPhone } from '../../shared/mask';
import { businessDayOf } from '../metrics/days';
import { metricsAsOf } from '../metrics/settings';
import { customersWithMetrics, rowColumns, toCustomerRows } from './rows';
import type { RawRow } from './rows';
import { defaultStoreTimeZone } from '../import/mapping';
import { toMergeInfo } from '../identity/merge';
import { orderNumberShown } from '../import/order-number';

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

/** A phone's digits, and a masked phone's digits and stars, without a leading 86. */
function phoneShape(value: string): string {
  const kept = value.replace(/[^\d*]/g, '');
  return kept.startsWith('86') && kept.length === 13 ? kept.slice(2) : kept;
}

/** Whether a masked phone (`136****0229`) can be the full phone: every digit it shows agrees. */
export function maskedMatches(masked: string, phone: string): boolean {
  const m = phoneShape(masked);
  const p = phoneShape(phone);
  if (m.length !== p.length || !m.includes('*')) return false;
  return Array.from(m).every((ch, i) => ch === '*' || ch === p[i]);
}

type StoredIdentity = { kind: string; value: string; source: string | null };

/**
 * The customer's identities as the page lists them. A masked phone that matches exactly one
 * of the customer's full phones is that number: it is folded into the phone's row, which
 * names its source too, instead of a second row that looks the same once masked.
 */
export function shownIdentities(stored: StoredIdentity[]): IdentityInfo[] {
  const phones = stored.filter((i) => i.kind === 'phone');
  const folded = new Map<StoredIdentity, (string | null)[]>();
  const shown: StoredIdentity[] = [];
  for (const i of stored) {
    const same =
      i.kind === 'masked_phone' ? phones.filter((p) => maskedMatches(i.value, p.value)) : [];
    if (same.length !== 1) {
      shown.push(i);
      continue;
    }
    folded.set(same[0]!, [...(folded.get(same[0]!) ?? []), i.source]);
  }
  return shown.map((i) => {
    const masked = folded.get(i);
    const info: IdentityInfo = {
      kind: i.kind,
      value: shownIdentity(i.kind, i.value),
      source: i.source,
    };
    return masked ? { ...info, maskedSources: masked } : info;
  });
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
        's.code as store_code',
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
    identities: shownIdentities(identities),
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
      externalId: orderNumberShown(o.external_id, o.store_code),
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
