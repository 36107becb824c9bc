import type { CustomerDetail, TagExplanation } from '../../core/api/customers';
import type { ConditionExplanation, GroupExplanation } from '../../core/api/rules';
import type { App } from '../../core/service';
import { formatAmount } from '../../core/shared/money';
import { call, findTag } from './call';
import type { Flags, Output } from './commands';
import { resolveCustomer, noSuchCustomer } from './customer-ref';
import { CliFailure } from './exit';
import { messages } from './i18n';
import { zonedTime } from './output';

/** Explains why a customer has (or has not) each of their tags, or one given tag. */
export async function explain(app: App, flags: Flags): Promise<Output> {
  const ref = await resolveCustomer(app, flags, 'explain');
  const customerId = ref.id;
  // The customer's times are said in their preferred store's zone, as the console shows them.
  const customer = await customerPage(app, customerId, Boolean(flags.tag));
  const tagIds = flags.tag ? [(await findTag(app, flags.tag)).id] : customer.tags.map((t) => t.id);

  const fields = await call(app, 'tags.fields', {});
  const moneyFields = new Set(fields.filter((f) => f.type === 'money').map((f) => f.key));
  const explanations: TagExplanation[] = [];
  for (const tagId of tagIds) {
    explanations.push(await call(app, 'customers.explainTag', { customerId, tagId }));
  }
  const text = explanations.length
    ? explanations
        .map((e) => describeExplanation(e, moneyFields, customer.row.timeZone))
        .join('\n\n')
    : messages().noTags(customerId);
  const merged = customer.row.id === customerId ? '' : mergedNote(customerId, customer.row.id);
  const found = ref.foundBy ? `${messages().foundAs(ref.foundBy, customerId)}\n` : '';
  return { text: found + merged + text, json: explanations };
}

/**
 * The page of the customer whose tags are explained. A customer merged into another has
 * none of their own; a tag named with --tag is still explained for them, as the console
 * kept it, with times in the zone of the customer they are part of now. Without --tag,
 * the failure names that customer (exit 3), whose tags are the ones to explain.
 */
async function customerPage(app: App, id: number, tagGiven: boolean): Promise<CustomerDetail> {
  try {
    return await call(app, 'customers.get', { id });
  } catch (error) {
    const survivor = error instanceof CliFailure ? error.error.details?.mergedInto : undefined;
    if (!tagGiven || typeof survivor !== 'number') throw noSuchCustomer(error, id);
    return call(app, 'customers.get', { id: survivor });
  }
}

function mergedNote(id: number, survivor: number): string {
  return `${messages().mergedInto(id, survivor)}\n\n`;
}

function describeExplanation(e: TagExplanation, moneyFields: Set<string>, zone: string): string {
  const head = messages().explainHead({
    ...e,
    since: e.since ? zonedTime(e.since, zone) : null,
    asOf: zonedTime(e.asOf, zone),
  });
  const body = e.rule
    ? describeGroup(e.rule, '  ', moneyFields, e.currency)
    : e.reason
      ? `  ${describeReason(e.reason.code, e.reason.params, zone)}`
      : '';
  return body ? `${head}\n${body}` : head;
}

function describeReason(
  code: string,
  params: Record<string, string | number>,
  zone: string,
): string {
  const template = messages().reasons[code];
  if (!template) return `${code} ${JSON.stringify(params)}`;
  return template.replace(/\{(\w+)\}/g, (_, key: string) => reasonValue(key, params[key], zone));
}

/** A reason's parameter in words: counts with their noun, instants in the store's zone. */
function reasonValue(key: string, value: string | number | undefined, zone: string): string {
  if (value === undefined) return '?';
  const m = messages();
  if (key === 'recencyDays' && typeof value === 'number') {
    return value < 0 ? m.noOrderYet : m.daysAgo(value);
  }
  if (key === 'orders' && typeof value === 'number') return m.orderCount(value);
  if (key === 'at' && typeof value === 'string') return zonedTime(value, zone);
  if (key === 'stage' && typeof value === 'string') return m.lifecycle(value);
  if (key === 'segment' && typeof value === 'string') return m.rfmSegment(value);
  return String(value);
}

function describeGroup(
  g: GroupExplanation,
  indent: string,
  money: Set<string>,
  currency: string,
): string {
  const lines = [`${indent}${g.passed ? '✓' : '✗'} ${g.op.toUpperCase()}`];
  for (const child of g.children) {
    lines.push(
      child.type === 'group'
        ? describeGroup(child, indent + '  ', money, currency)
        : describeCondition(child, indent + '  ', money, currency),
    );
  }
  return lines.join('\n');
}

/** Rule values are yuan; the customer's own money is shown in its currency (e.g. GBP). */
function describeCondition(
  c: ConditionExplanation,
  indent: string,
  money: Set<string>,
  currency: string,
): string {
  const m = messages();
  const isMoney = money.has(c.field);
  const show = (v: unknown, unit = 'CNY'): string => {
    if (v === null || v === undefined) return m.noValue;
    if (typeof v === 'number' && isMoney) return formatAmount(v, unit, m.locale);
    return typeof v === 'string' || typeof v === 'number' ? String(v) : JSON.stringify(v);
  };
  // A range or a list shows each of its values as a single one is (money in yuan).
  const ruleValue = Array.isArray(c.value)
    ? c.value.map((v) => show(v)).join(c.cmp === 'between' ? m.between : ', ')
    : show(c.value);
  const foreign = isMoney && currency !== 'CNY';
  const mark = c.passed ? '✓' : '✗';
  const condition = m.condition({
    mark,
    label: m.label(c),
    field: c.field,
    cmp: c.cmp,
    rule: ruleValue,
  });
  return (
    `${indent}${condition} ${show(c.customerValue, currency)}` +
    (foreign ? m.notComparedWithYuan(currency) : '')
  );
}
