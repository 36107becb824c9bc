import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Segmented, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import type {
  Comparator,
  RuleCondition,
  RuleField,
  RuleGroup,
  RuleNode,
} from '../../../../core/api/rules';
import { localLabel } from '../../shell/format';
import { useLocale } from '../../shell/locale';
import { ValueInput } from './ValueInput';

/** Comparators that make sense for each kind of field. */
export const comparatorsFor: Record<RuleField['type'], Comparator[]> = {
  number: ['gte', 'gt', 'lte', 'lt', 'eq', 'ne', 'between', 'isNull', 'notNull'],
  money: ['gte', 'gt', 'lte', 'lt', 'eq', 'ne', 'between', 'isNull', 'notNull'],
  days: ['gte', 'gt', 'lte', 'lt', 'eq', 'ne', 'between', 'isNull', 'notNull'],
  text: ['eq', 'ne', 'in', 'isNull', 'notNull'],
  enum: ['eq', 'ne', 'in', 'isNull', 'notNull'],
};

/** A sensible starting value for a comparator on a field (money in fen). */
export function defaultValue(
  field: RuleField | undefined,
  cmp: Comparator,
): RuleCondition['value'] {
  if (cmp === 'isNull' || cmp === 'notNull') return null;
  if (cmp === 'in') return [];
  const numeric = field && field.type !== 'text' && field.type !== 'enum';
  if (cmp === 'between') return numeric ? [0, 0] : ['', ''];
  if (numeric) return 0;
  return field?.options?.[0]?.value ?? '';
}

export function newCondition(fields: RuleField[]): RuleCondition {
  const field = fields[0];
  const cmp = field ? (comparatorsFor[field.type][0] ?? 'eq') : 'eq';
  return { type: 'condition', field: field?.key ?? '', cmp, value: defaultValue(field, cmp) };
}

interface GroupProps {
  group: RuleGroup;
  fields: RuleField[];
  onChange: (group: RuleGroup) => void;
  onRemove?: () => void;
  depth?: number;
}

/** An AND/OR group of conditions and nested groups, edited in place. */
export function RuleBuilder({ group, fields, onChange, onRemove, depth = 0 }: GroupProps) {
  const { t } = useTranslation();
  const setChild = (index: number, child: RuleNode | null) => {
    const children = group.children.slice();
    if (child) children[index] = child;
    else children.splice(index, 1);
    onChange({ ...group, children });
  };

  return (
    <div className="rule-group" role="group" aria-label={t('rule.group', { depth: depth + 1 })}>
      <Space wrap>
        <Segmented
          aria-label={t('rule.combine')}
          value={group.op}
          onChange={(op) => onChange({ ...group, op: op as 'and' | 'or' })}
          options={[
            { value: 'and', label: t('rule.and') },
            { value: 'or', label: t('rule.or') },
          ]}
        />
        <Button
          size="small"
          icon={<PlusOutlined aria-hidden />}
          onClick={() =>
            onChange({ ...group, children: [...group.children, newCondition(fields)] })
          }
        >
          {t('rule.addCondition')}
        </Button>
        {depth < 3 ? (
          <Button
            size="small"
            icon={<PlusOutlined aria-hidden />}
            onClick={() =>
              onChange({
                ...group,
                children: [
                  ...group.children,
                  { type: 'group', op: 'or', children: [newCondition(fields)] },
                ],
              })
            }
          >
            {t('rule.addGroup')}
          </Button>
        ) : null}
        {onRemove ? (
          <Button size="small" danger icon={<DeleteOutlined aria-hidden />} onClick={onRemove}>
            {t('rule.removeGroup')}
          </Button>
        ) : null}
      </Space>
      {group.children.map((child, index) =>
        child.type === 'group' ? (
          <RuleBuilder
            key={index}
            group={child}
            fields={fields}
            depth={depth + 1}
            onChange={(g) => setChild(index, g)}
            onRemove={() => setChild(index, null)}
          />
        ) : (
          <ConditionEditor
            key={index}
            index={index}
            condition={child}
            fields={fields}
            onChange={(c) => setChild(index, c)}
            onRemove={() => setChild(index, null)}
          />
        ),
      )}
    </div>
  );
}

interface ConditionProps {
  index: number;
  condition: RuleCondition;
  fields: RuleField[];
  onChange: (condition: RuleCondition) => void;
  onRemove: () => void;
}

function ConditionEditor({ index, condition, fields, onChange, onRemove }: ConditionProps) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const field = fields.find((f) => f.key === condition.field);
  const comparators = field ? comparatorsFor[field.type] : [];

  const pickField = (key: string) => {
    const next = fields.find((f) => f.key === key);
    const cmp = next ? (comparatorsFor[next.type][0] ?? 'eq') : 'eq';
    onChange({ type: 'condition', field: key, cmp, value: defaultValue(next, cmp) });
  };

  const pickCmp = (cmp: Comparator) => {
    const keep = field && sameShape(condition.cmp, cmp);
    onChange({ ...condition, cmp, value: keep ? condition.value : defaultValue(field, cmp) });
  };

  return (
    <div className="rule-row" role="group" aria-label={t('rule.condition', { n: index + 1 })}>
      <Select
        aria-label={t('rule.field')}
        showSearch
        optionFilterProp="label"
        style={{ width: 200 }}
        value={condition.field || undefined}
        onChange={pickField}
        options={fields.map((f) => ({ value: f.key, label: localLabel(f, locale) }))}
      />
      <Select
        aria-label={t('rule.comparator')}
        style={{ width: 120 }}
        value={condition.cmp}
        onChange={pickCmp}
        options={comparators.map((c) => ({ value: c, label: t(`cmp.${c}`) }))}
      />
      <ValueInput
        field={field}
        condition={condition}
        onChange={(value) => onChange({ ...condition, value })}
      />
      <Button
        type="text"
        danger
        icon={<DeleteOutlined />}
        aria-label={t('rule.removeCondition')}
        onClick={onRemove}
      />
    </div>
  );
}

function sameShape(a: Comparator, b: Comparator): boolean {
  const shape = (c: Comparator) =>
    c === 'between'
      ? 'range'
      : c === 'in'
        ? 'list'
        : c === 'isNull' || c === 'notNull'
          ? 'none'
          : 'one';
  return shape(a) === shape(b);
}
