import { App, Button, Card, Form, InputNumber, Skeleton, Space } from 'antd';
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
      <Button type="primary" htmlType="submit">
        {t('settings.lifecycle.save')}
      </Button>
    </Form>
  );
}
