import type { TagExplanation } from '../../api/customers';
import type { RuleNode } from '../../api/rules';
import type { Db } from '../../db/open';
import { CoreError } from '../../shared/errors';
import { businessDayOf, daysBetween } from '../metrics/days';
import { lifecycleSettings, metricsAsOf } from '../metrics/settings';
import { rfmTraceOf } from '../rfm/explain';
import { explainRule } from '../tags/explain';
import { ruleFields } from '../tags/fields';

async function requireCustomer(db: Db, id: number) {
  const row = await db.k
    .selectFrom('customers as c')
    .leftJoin('customer_metrics as m', 'm.customer_id', 'c.id')
    .select([
      'c.id',
      'c.merged_into',
      'm.as_of',
      'm.rfm_r',
      'm.rfm_f',
      'm.rfm_m',
      'm.rfm_segment',
      'm.lifecycle',
      'm.recency_days',
      'm.orders_all',
      'm.spend_all',
      'm.currency',
    ])
    .where('c.id', '=', id)
    .executeTakeFirst();
  if (!row)
    throw new CoreError('customers.not_found', `No customer with id ${id}.`, {
      customerId: id,
    });
  return row;
}

/**
 * Why a customer has (or lacks) a tag: for a rule tag every condition with the
 * customer's own value as of the metrics' instant and whether it passed; for RFM,
 * lifecycle and manual tags the scores, stage or manual assignment behind it.
 */
export async function explainTag(
  db: Db,
  customerId: number,
  tagId: number,
  now: Date,
): Promise<TagExplanation> {
  const customer = await requireCustomer(db, customerId);
  const tag = await db.k.selectFrom('tags').selectAll().where('id', '=', tagId).executeTakeFirst();
  if (!tag) throw new CoreError('tags.not_found', `No tag with id ${tagId}.`, { tagId });
  const member = await db.k
    .selectFrom('tag_members')
    .selectAll()
    .where('tag_id', '=', tagId)
    .where('customer_id', '=', customerId)
    .executeTakeFirst();
  const asOf = customer.as_of ?? (await metricsAsOf(db, now));

  const base = {
    tagId,
    nameZh: tag.name_zh,
    nameEn: tag.name_en,
    kind: tag.kind,
    has: member !== undefined,
    since: member ? new Date(member.since).toISOString() : null,
    version: member?.tag_version ?? tag.version,
    asOf: new Date(asOf).toISOString(),
    currency: customer.currency ?? 'CNY',
  };

  if (tag.kind === 'rule' && tag.rule_json) {
    const rule = JSON.parse(tag.rule_json) as RuleNode;
    const fields = await ruleFields(db);
    const explained = await explainRule(db, rule, fields, customerId, businessDayOf(asOf));
    return { ...base, rule: explained, reason: null };
  }
  const reason = await reasonOf(db, tag, customer, member?.since);
  if (tag.kind !== 'rfm') return { ...base, rule: null, reason };
  const rfm = await rfmTraceOf(db, {
    recencyDays: customer.recency_days,
    orders: customer.orders_all,
    spend: customer.spend_all,
    currency: base.currency,
    r: customer.rfm_r,
    f: customer.rfm_f,
    m: customer.rfm_m,
    segment: customer.rfm_segment,
  });
  return { ...base, rule: null, reason, rfm };
}

async function reasonOf(
  db: Db,
  tag: { id: number; kind: string },
  c: Awaited<ReturnType<typeof requireCustomer>>,
  since: number | undefined,
): Promise<TagExplanation['reason']> {
  if (tag.kind === 'rfm') {
    return {
      code: 'tags.reason.rfm',
      params: {
        segment: c.rfm_segment ?? '',
        r: c.rfm_r ?? 0,
        f: c.rfm_f ?? 0,
        m: c.rfm_m ?? 0,
      },
    };
  }
  if (tag.kind === 'lifecycle') {
    // The thresholds in the settings: the stage's rule is said with them (see insertMetrics).
    const life = await lifecycleSettings(db);
    const firstDay = await firstSaleDay(db, c.id, c.as_of);
    return {
      code: 'tags.reason.lifecycle',
      params: {
        stage: c.lifecycle ?? 'none',
        recencyDays: c.recency_days ?? -1,
        orders: c.orders_all ?? 0,
        firstOrderDays: firstDay && c.as_of ? daysBetween(firstDay, businessDayOf(c.as_of)) : -1,
        newWithinDays: life.newWithinDays,
        activeWithinDays: life.activeWithinDays,
        sleepingWithinDays: life.sleepingWithinDays,
      },
    };
  }
  if (since === undefined) return { code: 'tags.reason.manual_absent', params: {} };
  const who = await db.k
    .selectFrom('tag_history')
    .select(['at', 'reason'])
    .where('tag_id', '=', tag.id)
    .where('customer_id', '=', c.id)
    .where('action', '=', 'added')
    .orderBy('at', 'desc')
    .executeTakeFirst();
  return {
    code: 'tags.reason.manual',
    params: { at: new Date(who?.at ?? since).toISOString(), reason: who?.reason ?? 'manual' },
  };
}

/** The business day of the customer's first sale up to the metrics' instant (as metrics do). */
async function firstSaleDay(db: Db, customerId: number, asOf: number | null) {
  if (asOf === null) return null;
  const row = await db.k
    .selectFrom('orders')
    .select((eb) => eb.fn.min<string>('business_day').as('day'))
    .where('customer_id', '=', customerId)
    .where('kind', '=', 'sale')
    .where('ordered_at', '<=', asOf)
    .executeTakeFirst();
  return row?.day ?? null;
}
