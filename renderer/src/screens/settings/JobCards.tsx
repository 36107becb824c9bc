import { ExclamationCircleOutlined } from '@ant-design/icons';
import { App, Button, Card, Space, Typography } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecomputeSummary } from '../../../../core/api/customers';
import type { JobStatus } from '../../../../core/api/system';
import { api } from '../../api/client';
import { useJob } from '../../api/jobs';
import { ErrorNote } from '../../components/ErrorNote';
import { JobProgress } from '../../components/JobProgress';
import { formatNumber } from '../../shell/format';
import { useLocale } from '../../shell/locale';

const startRecompute = () => api.call('customers.recompute', {});
const startReset = () => api.call('demo.reset', {});

/** "Recompute now": metrics, RFM and tags of every customer as of the console's clock. */
export function RecomputeCard() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const job = useJob(startRecompute);
  const summary = job.status?.state === 'done' ? (job.status.result as RecomputeSummary) : null;

  return (
    <Card title={t('settings.recompute.title')} size="small">
      <p className="muted">{t('settings.recompute.hint')}</p>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Button type="primary" loading={job.running} onClick={job.start}>
          {t('settings.recompute.button')}
        </Button>
        {job.status || job.running ? (
          <JobProgress
            status={job.status}
            failed={Boolean(job.error)}
            label={t('settings.recompute.progress')}
            unit="steps"
          />
        ) : null}
        {summary ? (
          <Typography.Text type="success">
            {t('settings.recompute.done', {
              customers: formatNumber(summary.customers, locale),
              seconds: (summary.durationMs / 1000).toFixed(1),
            })}
          </Typography.Text>
        ) : null}
        <ErrorNote error={job.error} />
      </Space>
    </Card>
  );
}

/** "Reset demo data": rebuilds the demo chain after a confirmation; refused on real data. */
export function DemoResetCard() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const onDone = useCallback(
    (_: JobStatus) => void message.success(t('settings.demo.done')),
    [message, t],
  );
  const job = useJob(startReset, onDone);

  const confirm = () =>
    modal.confirm({
      title: t('settings.demo.confirmTitle'),
      icon: <ExclamationCircleOutlined />,
      content: t('settings.demo.confirmText'),
      okText: t('settings.demo.confirmOk'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: job.start,
    });

  return (
    <Card title={t('settings.demo.title')} size="small">
      <p className="muted">{t('settings.demo.hint')}</p>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Button danger loading={job.running} onClick={confirm}>
          {t('settings.demo.button')}
        </Button>
        {job.status || job.running ? (
          <JobProgress
            status={job.status}
            failed={Boolean(job.error)}
            label={t('settings.demo.progress')}
            unit="rows"
          />
        ) : null}
        <ErrorNote error={job.error} />
      </Space>
    </Card>
  );
}
