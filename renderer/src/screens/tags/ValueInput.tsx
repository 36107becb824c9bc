import { Input, InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RuleCondition, RuleField, RuleValue } from '../../../../core/api/rules';
import { localLabel, yuanSign } from '../../shell/format';
import { useLocale } from '../../shell/locale';

interface Props {
  field: RuleField | undefined;
  condition: RuleCondition;
  onChange: (value: RuleValue) => void;
}

/** Money is typed in yuan and kept in fen; the rule always holds what the core stores. */
function NumberBox(props: {
  field: RuleField | undefined;
  value: number | string | undefined;
  onChange: (value: number) => void;
  label: string;
}) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const money = props.field?.type === 'money';
  const shown = typeof props.value === 'number' ? (money ? props.value / 100 : props.value) : null;
  return (
    <InputNumber
      aria-label={props.label}
      style={{ width: 130 }}
      value={shown}
      step={money ? 10 : 1}
      precision={money ? 2 : undefined}
      prefix={money ? yuanSign(locale) : undefined}
      suffix={props.field?.type === 'days' ? t('rule.daysUnit') : undefined}
      onChange={(v) => {
        const n = typeof v === 'number' ? v : 0;
        props.onChange(money ? Math.round(n * 100) : n);
      }}
    />
  );
}

/** The value part of a condition, shaped by the field's type and the comparator. */
export function ValueInput({ field, condition, onChange }: Props) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { cmp, value } = condition;
  const label = t('rule.value');

  if (cmp === 'isNull' || cmp === 'notNull') return null;

  const options = field?.options?.map((o) => ({ value: o.value, label: localLabel(o, locale) }));

  if (cmp === 'in') {
    return (
      <Select
        aria-label={label}
        mode={options ? 'multiple' : 'tags'}
        style={{ minWidth: 240 }}
        value={Array.isArray(value) ? value.map(String) : []}
        onChange={(v: string[]) => onChange(v)}
        options={options}
      />
    );
  }

  if (field && field.type !== 'text' && field.type !== 'enum') {
    if (cmp === 'between') {
      const [low, high] = Array.isArray(value) ? value : [0, 0];
      return (
        <Space>
          <NumberBox
            field={field}
            value={low}
            label={t('rule.low')}
            onChange={(n) => onChange([n, high ?? 0])}
          />
          <span>–</span>
          <NumberBox
            field={field}
            value={high}
            label={t('rule.high')}
            onChange={(n) => onChange([low ?? 0, n])}
          />
        </Space>
      );
    }
    return (
      <NumberBox
        field={field}
        value={typeof value === 'number' ? value : undefined}
        label={label}
        onChange={onChange}
      />
    );
  }

  if (options) {
    return (
      <Select
        aria-label={label}
        style={{ width: 180 }}
        value={typeof value === 'string' ? value : undefined}
        onChange={(v: string) => onChange(v)}
        options={options}
      />
    );
  }

  return (
    <Input
      aria-label={label}
      style={{ width: 200 }}
      value={typeof value === 'string' ? value : ''}
      maxLength={200}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}
