import { Col, Divider, Form, Input, InputNumber, Modal, Row, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TemplateSummary } from '../../../../core/api/planning';
import { api } from '../../api/client';
import { useLocale } from '../../shell/locale';
import { addDays } from './calendar';
import { describePlanningError, metricName } from './text';

interface Values {
  templateKey?: string;
  anchorDay?: string;
  name?: string;
  owner?: string;
  regions?: string[];
  stores?: string[];
  metric?: string;
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
  const chosen = templates.find((x) => x.key === key);
  const templateName = (x: TemplateSummary) => (locale === 'zh-CN' ? x.nameZh : x.nameEn);

  const fillFromTemplate = async (templateKey: string) => {
    const template = await api.call('templates.get', { key: templateKey });
    const anchor = form.getFieldValue('anchorDay') || today;
    form.setFieldsValue({
      metric: metricName(t, template.goal.metric),
      // A template's target of 0 is left for the planner to set.
      target:
        template.goal.target === 0
          ? undefined
          : template.goal.unit === 'fen'
            ? template.goal.target / 100
            : template.goal.target,
      baseline: template.goal.baseline,
      periodStart: anchor,
      periodEnd: addDays(anchor, Math.max(template.goal.periodDays - 1, 0)),
    });
  };

  const submit = async (values: Values) => {
    setSaving(true);
    setError(null);
    try {
      const template = await api.call('templates.get', { key: values.templateKey! });
      const money = template.goal.unit === 'fen' ? 100 : 1;
      const created = await api.call('projects.createFromTemplate', {
        templateKey: values.templateKey!,
        anchorDay: values.anchorDay!,
        name: values.name?.trim() || undefined,
        owner: values.owner?.trim() || null,
        lang: locale === 'zh-CN' ? 'zh' : 'en',
        scope: {
          regions: values.regions ?? [],
          storeIds: (values.stores ?? []).map(Number).filter((n) => Number.isInteger(n) && n > 0),
        },
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
            unit: template.goal.unit,
            baseline: values.baseline == null ? null : Math.round(values.baseline * money),
            target: Math.round(values.target * money),
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
      width={720}
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
              <Input type="date" />
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
                open={false}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="stores" label={t('planning.dialog.stores')}>
              <Select
                mode="tags"
                placeholder={t('planning.dialog.storesPlaceholder')}
                open={false}
              />
            </Form.Item>
          </Col>
        </Row>
        <Divider titlePlacement="start" plain>
          {t('planning.dialog.goal')}
        </Divider>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="metric" label={t('planning.dialog.metric')}>
              <Input maxLength={120} />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item name="baseline" label={t('planning.dialog.baseline')}>
              <InputNumber style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item name="target" label={t('planning.dialog.target')}>
              <InputNumber style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item name="periodStart" label={t('planning.dialog.periodStart')}>
              <Input type="date" />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item name="periodEnd" label={t('planning.dialog.periodEnd')}>
              <Input type="date" />
            </Form.Item>
          </Col>
        </Row>
        {error ? <Typography.Text type="danger">{error}</Typography.Text> : null}
      </Form>
    </Modal>
  );
}
