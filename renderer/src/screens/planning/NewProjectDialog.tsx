import {
  Alert,
  Col,
  Divider,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Typography,
} from 'antd';
import type { Rule } from 'antd/es/form';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { firstPlannedStart } from '../../../../core/api/planning';
import type { Template, TemplateSummary } from '../../../../core/api/planning';
import { api } from '../../api/client';
import { useLocale } from '../../shell/locale';
import { useApi } from '../../shell/useApi';
import { addDays } from './calendar';
import { DayPicker } from './DayPicker';
import { StorePicker } from './StoreScope';
import type { GoalField } from '../../../../core/api/planning';
import type { Locale } from '../../i18n';
import { formatNumber } from '../../shell/format';
import {
  goalInputProblem,
  goalUnits,
  largestGoalValue,
  storedGoalValue,
  typedGoalValue,
} from './goal';
import { describePlanningError, metricName } from './text';

interface Values {
  templateKey?: string;
  anchorDay?: string;
  name?: string;
  owner?: string;
  regions?: string[];
  stores?: number[];
  metric?: string;
  unit?: string;
  baseline?: number | null;
  target?: number | null;
  periodStart?: string;
  periodEnd?: string;
}

interface Props {
  open: boolean;
  templates: TemplateSummary[];
  today: string;
  onClose(): void;
  onCreated(projectId: number): void;
}

/**
 * "New project from template": the template, its anchor day (D0 or T0), scope and the
 * goal; the project is dated by the core and opened.
 */
export function NewProjectDialog({ open, templates, today, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const key = Form.useWatch('templateKey', form);
  const unit = Form.useWatch('unit', form) as string | undefined;
  const anchorDay = Form.useWatch('anchorDay', form) as string | undefined;
  const [template, setTemplate] = useState<Template | null>(null);
  // Asked again at each opening, so that stores imported since are offered.
  const stores = useApi('stores.list', {}, open).data;
  const regions = [...new Set((stores ?? []).flatMap((s) => (s.region ? [s.region] : [])))];
  const chosen = templates.find((x) => x.key === key);
  // A start before today is allowed (a plan written up late), but never without saying so;
  // the day is the one the core will date the first task on (days off rounded alike).
  const firstDay = template && today ? startDay(template, anchorDay, today) : null;
  const startsLate = firstDay !== null && firstDay < today;
  const templateName = (x: TemplateSummary) => (locale === 'zh-CN' ? x.nameZh : x.nameEn);

  const fillFromTemplate = async (templateKey: string) => {
    const template = await api.call('templates.get', { key: templateKey });
    const anchor = form.getFieldValue('anchorDay') || today;
    const goal = template.goal;
    setTemplate(template);
    form.setFieldsValue({
      metric: metricName(t, goal.metric),
      unit: goal.unit,
      // A template's target of 0 is left for the planner to set.
      target: goal.target === 0 ? undefined : typedGoalValue(goal.unit, goal.target),
      baseline: goal.baseline === null ? null : typedGoalValue(goal.unit, goal.baseline),
      periodStart: anchor,
      periodEnd: addDays(anchor, Math.max(template.goal.periodDays - 1, 0)),
    });
  };

  const submit = async (values: Values) => {
    setSaving(true);
    setError(null);
    try {
      const template = await api.call('templates.get', { key: values.templateKey! });
      const goalUnit = values.unit ?? template.goal.unit;
      const created = await api.call('projects.createFromTemplate', {
        templateKey: values.templateKey!,
        anchorDay: values.anchorDay!,
        name: values.name?.trim() || undefined,
        owner: values.owner?.trim() || null,
        lang: locale === 'zh-CN' ? 'zh' : 'en',
        // Stores are picked from the database's own list: every one is kept as picked.
        scope: { regions: values.regions ?? [], storeIds: values.stores ?? [] },
      });
      if (values.target != null && values.periodStart && values.periodEnd) {
        await api.call('projects.update', {
          projectId: created.project.id,
          goal: {
            // The metric stays a key unless the planner wrote another one.
            metric:
              !values.metric?.trim() || values.metric === metricName(t, template.goal.metric)
                ? template.goal.metric
                : values.metric.trim(),
            unit: goalUnit,
            baseline: values.baseline == null ? null : storedGoalValue(goalUnit, values.baseline),
            target: storedGoalValue(goalUnit, values.target),
            periodStart: values.periodStart,
            periodEnd: values.periodEnd,
          },
        });
      }
      form.resetFields();
      onCreated(created.project.id);
    } catch (e) {
      setError(describePlanningError(t, e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('planning.dialog.title')}
      okText={t('planning.dialog.create')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      width={800}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ anchorDay: today }}
        onFinish={(v) => void submit(v)}
        onValuesChange={(changed: Values) => {
          if (changed.templateKey) void fillFromTemplate(changed.templateKey);
        }}
      >
        <Form.Item
          name="templateKey"
          label={t('planning.dialog.template')}
          rules={[{ required: true, message: t('planning.dialog.required') }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={templates.map((x) => ({ value: x.key, label: templateName(x) }))}
          />
        </Form.Item>
        {chosen ? (
          <Typography.Paragraph type="secondary">
            {locale === 'zh-CN' ? chosen.descriptionZh : chosen.descriptionEn}{' '}
            {t('planning.dialog.tasksCount', { phases: chosen.phases, tasks: chosen.tasks })}
          </Typography.Paragraph>
        ) : null}
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item
              name="anchorDay"
              label={t('planning.dialog.anchor')}
              extra={chosen ? `${chosen.anchorKind}0` : undefined}
              rules={[{ required: true, message: t('planning.dialog.required') }]}
            >
              <DayPicker />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="name" label={t('planning.dialog.name')}>
              <Input placeholder={t('planning.dialog.namePlaceholder')} maxLength={120} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="owner" label={t('planning.dialog.owner')}>
              <Input maxLength={60} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="regions" label={t('planning.dialog.regions')}>
              <Select
                mode="tags"
                placeholder={t('planning.dialog.regionsPlaceholder')}
                options={regions.map((r) => ({ value: r, label: r }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="stores" label={t('planning.dialog.stores')}>
              <StorePicker stores={stores} />
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start" plain>
          {t('planning.dialog.goal')}
        </Divider>
        <Row gutter={16}>
          <Col span={7}>
            <Form.Item name="metric" label={t('planning.dialog.metric')}>
              <Input maxLength={120} />
            </Form.Item>
          </Col>
          <Col span={5}>
            <Form.Item name="unit" label={t('planning.dialog.unit')}>
              <Select options={unitOptions(t, unit)} />
            </Form.Item>
          </Col>
          {/* Wide enough for the YYYY-MM-DD placeholder beside the picker's icon. */}
          <Col span={6}>
            <Form.Item name="periodStart" label={t('planning.dialog.periodStart')}>
              <DayPicker />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="periodEnd" label={t('planning.dialog.periodEnd')}>
              <DayPicker />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="baseline"
              label={valueLabel(t, 'baseline', unit)}
              rules={valueRules(t, locale, unit, 'baseline')}
              dependencies={['unit']}
            >
              <InputNumber style={{ width: '100%' }} suffix={unitWord(t, unit)} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="target"
              label={valueLabel(t, 'target', unit)}
              rules={valueRules(t, locale, unit, 'target')}
              dependencies={['unit', 'baseline']}
            >
              <InputNumber style={{ width: '100%' }} suffix={unitWord(t, unit)} />
            </Form.Item>
          </Col>
        </Row>
        {startsLate ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 12 }}
            title={t('planning.dialog.pastStart', { day: firstDay, today })}
          />
        ) : null}
        {error ? <Typography.Text type="danger">{error}</Typography.Text> : null}
      </Form>
    </Modal>
  );
}

/** The first task's start for a typed anchor, or null while the anchor is no usable day. */
function startDay(template: Template, anchorDay: string | undefined, today: string) {
  if (!anchorDay || !/^\d{4}-\d{2}-\d{2}$/.test(anchorDay)) return null;
  try {
    return firstPlannedStart(template, anchorDay, today);
  } catch {
    return null; // a year the planning calendar does not cover: the core says so on create
  }
}

/** "yuan", "%", "customers": what a baseline or target is typed in. */
function unitWord(t: TFunction, unit: string | undefined): string {
  return unit ? t(`planning.unit.${unit}`, unit) : '';
}

/** "Baseline (yuan)"; without a unit yet, just "Baseline" (no empty brackets). */
function valueLabel(t: TFunction, field: GoalField, unit: string | undefined): string {
  const word = unitWord(t, unit);
  return word ? t(`planning.dialog.${field}In`, { unit: word }) : t(`planning.dialog.${field}`);
}

/** The units offered, with a template's own unit kept when it is not one of them. */
function unitOptions(t: TFunction, current: string | undefined) {
  const units: string[] = [...goalUnits];
  if (current && !units.includes(current)) units.push(current);
  return units.map((u) => ({ value: u, label: t(`planning.dialog.unitOption.${u}`, u) }));
}

/**
 * A goal value the form refuses, with what to type instead; nothing is rounded silently.
 * The target is also checked against the baseline typed beside it.
 */
function valueRules(
  t: TFunction,
  locale: Locale,
  unit: string | undefined,
  field: GoalField,
): Rule[] {
  return [
    ({ getFieldValue }) => ({
      validator: async (_, value: number | null | undefined) => {
        if (value === null || value === undefined || !unit) return;
        const baseline = (getFieldValue('baseline') as number | null | undefined) ?? null;
        const problem = goalInputProblem(unit, value, field, baseline);
        const max = formatNumber(largestGoalValue(unit), locale);
        if (problem) throw new Error(t(`planning.goal.bad.${problem}`, { value, max }));
      },
    }),
  ];
}
