import { App, Button, Card, Form, InputNumber, Skeleton, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { LifecycleSettings } from '../../../../core/api/tags';
import { api } from '../../api/client';
import { ErrorNote } from '../../components/ErrorNote';
import { describeError } from '../../i18n/errors';
import { useApi } from '../../shell/useApi';

const fields = ['newWithinDays', 'activeWithinDays', 'sleepingWithinDays'] as const;

/** The day thresholds that decide a customer's lifecycle stage. */
export function LifecycleCard() {
  const { t } = useTranslation();
  const settings = useApi('lifecycle.settings', {});

  return (
    <Card title={t('settings.lifecycle.title')} size="small">
      <p className="muted">{t('settings.lifecycle.hint')}</p>
      <ErrorNote error={settings.error} onRetry={settings.reload} />
      {settings.data ? (
        <LifecycleForm key={JSON.stringify(settings.data)} saved={settings.data} />
      ) : (
        <Skeleton active paragraph={{ rows: 2 }} />
      )}
    </Card>
  );
}

function LifecycleForm({ saved }: { saved: LifecycleSettings }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<LifecycleSettings>();

  const save = async (values: LifecycleSettings) => {
    try {
      await api.call('lifecycle.setSettings', values);
      void message.success(t('settings.saved'));
    } catch (e) {
      void message.error(describeError(t, e));
    }
  };

  return (
    <Form form={form} layout="vertical" initialValues={saved} onFinish={save}>
      <Space wrap align="start">
        {fields.map((name) => (
          <Form.Item
            key={name}
            name={name}
            label={t(`settings.lifecycle.${name}`)}
            dependencies={name === 'sleepingWithinDays' ? ['activeWithinDays'] : []}
            rules={[
              { required: true, message: t('settings.lifecycle.required') },
              {
                type: 'integer',
                min: 1,
                max: 3650,
                message: t('settings.lifecycle.range'),
              },
              ...(name === 'sleepingWithinDays'
                ? [
                    ({ getFieldValue }: { getFieldValue: (n: string) => unknown }) => ({
                      validator: (_: unknown, value: number | null) =>
                        value === null || value > Number(getFieldValue('activeWithinDays'))
                          ? Promise.resolve()
                          : Promise.reject(new Error(t('settings.lifecycle.order'))),
                    }),
                  ]
                : []),
            ]}
          >
            <InputNumber
              aria-label={t(`settings.lifecycle.${name}`)}
              suffix={t('settings.days')}
              style={{ width: 180 }}
            />
          </Form.Item>
        ))}
      </Space>
      <StageRules form={form} saved={saved} />
      <Button type="primary" htmlType="submit">
        {t('settings.lifecycle.save')}
      </Button>
    </Form>
  );
}

/** The stages in the order the recompute decides them (core/crm/metrics/compute.ts). */
const stages = ['new', 'repeat', 'active', 'sleeping', 'lost'] as const;

/**
 * Each stage's rule in words with the thresholds as typed, so that 复购 (repeat), which
 * has no field of its own, is explained beside the days it depends on.
 */
function StageRules(props: {
  form: ReturnType<typeof Form.useForm<LifecycleSettings>>[0];
  saved: LifecycleSettings;
}) {
  const { t } = useTranslation();
  const typed = Form.useWatch([], props.form) as Partial<LifecycleSettings> | undefined;
  const value = (name: (typeof fields)[number]) => typed?.[name] ?? props.saved[name];
  const params = {
    newWithinDays: value('newWithinDays'),
    activeWithinDays: value('activeWithinDays'),
    sleepingWithinDays: value('sleepingWithinDays'),
  };
  return (
    <div role="group" aria-label={t('lifecycleRule.order')} style={{ marginBottom: 16 }}>
      <Typography.Text type="secondary">{t('lifecycleRule.order')}</Typography.Text>
      <ol style={{ margin: '4px 0 0', paddingInlineStart: 20 }}>
        {stages.map((stage) => (
          <li key={stage}>{t(`lifecycleRule.${stage}`, params)}</li>
        ))}
      </ol>
    </div>
  );
}
