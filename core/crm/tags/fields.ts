import { sql } from 'kysely';
import type { RawBuilder } from 'kysely';
import type { RuleField } from '../../api/rules';
import type { Db } from '../../db/open';
import type { DbChannel } from '../../db/schema';
import type { Runner } from '../metrics/runner';
import { rfmSegments } from '../rfm/segments';
import { lifecycleStages } from './names';

/**
 * A field a tag rule may test: how the rule builder shows it, and the SQL expression
 * that reads it over `customers AS c JOIN customer_metrics AS m`. Only these fields
 * ever reach SQL; a rule naming anything else is refused.
 */
export interface FieldDef extends RuleField {
  sql: (asOfDay: string) => RawBuilder<unknown>;
  /** The field is read from the customer's record (`c`), not from their metrics (`m`). */
  ofCustomer?: true;
}

const metric = (column: string) => () => sql`${sql.ref(`m.${column}`)}`;

/** Age in whole years on the as-of business day, from 'YYYY-MM-DD' birth dates. */
function ageSql(day: string): RawBuilder<unknown> {
  return sql`CASE WHEN c.birth_date IS NULL THEN NULL ELSE
    CAST(substr(${day}, 1, 4) AS INTEGER) - CAST(substr(c.birth_date, 1, 4) AS INTEGER)
    - CASE WHEN substr(c.birth_date, 6, 5) > substr(${day}, 6, 5) THEN 1 ELSE 0 END END`;
}

const num = (key: string, zh: string, en: string, type: RuleField['type'] = 'number') => ({
  key,
  labelZh: zh,
  labelEn: en,
  type,
  sql: metric(key.replace('spend_', 'spend_')),
});

const staticFields: FieldDef[] = [
  {
    key: 'gender',
    labelZh: '性别',
    labelEn: 'Gender',
    type: 'enum',
    options: [
      { value: 'F', labelZh: '女', labelEn: 'Female' },
      { value: 'M', labelZh: '男', labelEn: 'Male' },
    ],
    sql: () => sql`c.gender`,
    ofCustomer: true,
  },
  { key: 'age', labelZh: '年龄', labelEn: 'Age', type: 'number', sql: ageSql, ofCustomer: true },
  {
    key: 'city',
    labelZh: '城市',
    labelEn: 'City',
    type: 'text',
    sql: () => sql`c.city`,
    ofCustomer: true,
  },
  num('orders_30', '近30天订单数', 'Orders, last 30 days'),
  num('orders_90', '近90天订单数', 'Orders, last 90 days'),
  num('orders_365', '近365天订单数', 'Orders, last 365 days'),
  num('orders_all', '累计订单数', 'Orders, lifetime'),
  num('spend_30', '近30天消费', 'Spend, last 30 days', 'money'),
  num('spend_90', '近90天消费', 'Spend, last 90 days', 'money'),
  num('spend_365', '近365天消费', 'Spend, last 365 days', 'money'),
  num('spend_all', '累计消费', 'Spend, lifetime', 'money'),
  { ...num('aov', '客单价', 'Average order value', 'money'), sql: metric('aov_fen') },
  { ...num('ltv', '历史价值', 'Historical LTV', 'money'), sql: metric('ltv_fen') },
  num('recency_days', '距上次购买天数', 'Days since last order', 'days'),
  {
    key: 'lifecycle',
    labelZh: '生命周期',
    labelEn: 'Lifecycle stage',
    type: 'enum',
    options: lifecycleStages.map((s) => ({ value: s.key, labelZh: s.zh, labelEn: s.en })),
    sql: metric('lifecycle'),
  },
  { ...num('rfm_r', 'RFM 最近度 R', 'RFM recency score (R)'), sql: metric('rfm_r') },
  { ...num('rfm_f', 'RFM 频率 F', 'RFM frequency score (F)'), sql: metric('rfm_f') },
  { ...num('rfm_m', 'RFM 金额 M', 'RFM monetary score (M)'), sql: metric('rfm_m') },
  {
    key: 'rfm_segment',
    labelZh: 'RFM 分群',
    labelEn: 'RFM segment',
    type: 'enum',
    options: rfmSegments.map((s) => ({ value: s.key, labelZh: s.zh, labelEn: s.en })),
    sql: metric('rfm_segment'),
  },
  {
    key: 'preferred_category',
    labelZh: '偏好品类',
    labelEn: 'Preferred category',
    type: 'text',
    sql: metric('preferred_category'),
  },
];

/**
 * Every field a rule may use, with the options of enumerations; the channels come
 * from the database, so that a new channel appears in the rule builder by itself.
 */
export async function ruleFields(db: Db): Promise<FieldDef[]> {
  return withChannels(
    await db.k.selectFrom('channels').select(channelColumns).orderBy('code').execute(),
  );
}

/** The same fields read through a runner, inside a transaction (a customer's refresh). */
export function ruleFieldsWith(r: Runner): FieldDef[] {
  return withChannels(
    r.all<ChannelRow>(r.k.selectFrom('channels').select(channelColumns).orderBy('code')),
  );
}

const channelColumns = ['code', 'name_zh', 'name_en'] as const;
type ChannelRow = Pick<DbChannel, (typeof channelColumns)[number]>;

function withChannels(channels: readonly ChannelRow[]): FieldDef[] {
  const channel: FieldDef = {
    key: 'preferred_channel',
    labelZh: '偏好渠道',
    labelEn: 'Preferred channel',
    type: 'enum',
    options: channels.map((c) => ({ value: c.code, labelZh: c.name_zh, labelEn: c.name_en })),
    sql: metric('preferred_channel'),
  };
  return [...staticFields, channel];
}

/** The fields as the rule builder sees them (no SQL). */
export function publicFields(fields: readonly FieldDef[]): RuleField[] {
  return fields.map(({ sql: _sql, ofCustomer: _ofCustomer, ...field }) => field);
}
