import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type {
  ConditionExplanation,
  GroupExplanation,
  RuleField,
  RuleValue,
} from '../../../core/api/rules';
import { formatMoney, localLabel } from '../shell/format';
import { useLocale } from '../shell/locale';
import type { Locale } from '../i18n';

interface Props {
  node: GroupExplanation | ConditionExplanation;
  fields: RuleField[];
  /** The currency of the customer's money values; rules type money in yuan. */
  currency?: string;
}

/** A rule checked against one customer: each condition, the customer's value, pass or fail. */
export function RuleExplanation({ node, fields, currency = 'CNY' }: Props) {
  const { t } = useTranslation();
  if (node.type === 'condition') {
    return <ConditionLine c={node} fields={fields} currency={currency} />;
  }
  return (
    <div className="rule-group" role="group" aria-label={t(`rule.${node.op}Group`)}>
      <Space>
        <Verdict passed={node.passed} />
        <strong>{t(`rule.${node.op}Group`)}</strong>
      </Space>
      <ul style={{ listStyle: 'none', paddingInlineStart: 16, margin: '8px 0 0' }}>
        {node.children.map((child, i) => (
          <li key={i} style={{ marginTop: 6 }}>
            <RuleExplanation node={child} fields={fields} currency={currency} />
          </li>
        ))}
      </ul>
    </div>
  );
}

interface LineProps {
  c: ConditionExplanation;
  fields: RuleField[];
  currency: string;
}

function ConditionLine({ c, fields, currency }: LineProps) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const field = fields.find((f) => f.key === c.field);
  // A money condition is typed in yuan: a customer's money in another currency is shown in
  // that currency and was not compared with it (core/crm/tags/compile.ts).
  const foreign = field?.type === 'money' && currency !== 'CNY';
  const own =
    foreign && typeof c.customerValue === 'number'
      ? formatMoney(c.customerValue, locale, currency)
      : null;
  const show = (v: RuleValue | number | string | null) =>
    c.cmp === 'in' && Array.isArray(v)
      ? v.map((item) => formatValue(item, field, locale, t)).join(', ')
      : formatValue(v, field, locale, t);
  return (
    <Space wrap>
      <Verdict passed={c.passed} />
      <span>
        {localLabel(c, locale)} {t(`cmp.${c.cmp}`)}{' '}
        {c.cmp === 'isNull' || c.cmp === 'notNull' ? '' : show(c.value)}
      </span>
      <span className="muted">
        {t('rule.customerValue', { value: own ?? show(c.customerValue) })}
      </span>
      {foreign ? <span className="fail">{t('rule.notComparedCurrency', { currency })}</span> : null}
    </Space>
  );
}

function Verdict({ passed }: { passed: boolean }) {
  const { t } = useTranslation();
  return passed ? (
    <span className="pass">
      <CheckCircleFilled /> {t('rule.passed')}
    </span>
  ) : (
    <span className="fail">
      <CloseCircleFilled /> {t('rule.failed')}
    </span>
  );
}

/** A rule value for reading: money in yuan, enum options by label, lists and ranges joined. */
export function formatValue(
  value: RuleValue | number | string | null,
  field: RuleField | undefined,
  locale: Locale,
  t: (key: string, options?: Record<string, unknown>) => string,
): string {
  if (value === null || value === undefined) return t('rule.noValue');
  if (Array.isArray(value)) return value.map((v) => formatValue(v, field, locale, t)).join(' – ');
  if (field?.type === 'money' && typeof value === 'number') return formatMoney(value, locale);
  if (field?.type === 'days' && typeof value === 'number') return t('rule.days', { count: value });
  const option = field?.options?.find((o) => o.value === String(value));
  if (option) return localLabel(option, locale);
  return String(value);
}
