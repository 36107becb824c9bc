import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Result, Row, Space, Statistic } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportSummary, RowError } from '../../../../core/api/imports';
import { api } from '../../api/client';
import { ErrorNote } from '../../components/ErrorNote';
import { formatNumber } from '../../shell/format';
import { useLocale } from '../../shell/locale';
import { navigate } from '../../shell/route';
import { RejectedTable } from './RejectedTable';
import { csvField, download } from './options';

interface Props {
  summary: ImportSummary;
  onImportValid: () => void;
  onAnother: () => void;
}

const statusKind = {
  committed: 'success',
  unchanged: 'info',
  partial: 'warning',
  failed: 'error',
  cancelled: 'warning',
} as const;

/** What the import did: counts, the rejected rows (savable as CSV) and what to do next. */
export function SummaryStep({ summary: s, onImportValid, onAnother }: Props) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [error, setError] = useState<unknown>(null);
  const n = (v: number) => formatNumber(v, locale);
  const nothingCommitted = s.status === 'failed' && s.rowsRejected > 0;

  const saveRejected = async () => {
    try {
      const rows: RowError[] =
        s.batchId !== null
          ? await api.call('imports.rejected', { batchId: s.batchId })
          : s.rejected;
      const header = ['line', 'column', 'value', 'code', 'reason'].join(',');
      const lines = rows.map((r) =>
        [r.line, r.column, r.value, r.code, r.reason].map(csvField).join(','),
      );
      const text = '\uFEFF' + [header, ...lines].join('\r\n') + '\r\n';
      download(`${s.fileName}.rejected.csv`, new Blob([text], { type: 'text/csv' }));
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Result
        status={statusKind[s.status]}
        title={t(`import.summary.status.${s.status}`)}
        subTitle={t('import.summary.subtitle', {
          file: s.fileName,
          encoding: s.encoding,
          seconds: (s.durationMs / 1000).toFixed(1),
        })}
        style={{ padding: '16px 0' }}
      />
      <Row gutter={16}>
        {(
          [
            ['rowsTotal', s.rowsTotal],
            ['rowsImported', s.rowsImported],
            ['rowsDuplicate', s.rowsDuplicate],
            ['rowsRejected', s.rowsRejected],
          ] as const
        ).map(([key, value]) => (
          <Col span={6} key={key}>
            <Card size="small">
              <Statistic title={t(`import.summary.${key}`)} value={n(value)} />
            </Card>
          </Col>
        ))}
      </Row>
      <Descriptions bordered size="small" column={3}>
        <Descriptions.Item label={t('import.summary.sales')}>{n(s.orders.sales)}</Descriptions.Item>
        <Descriptions.Item label={t('import.summary.returns')}>
          {n(s.orders.returns)}
        </Descriptions.Item>
        <Descriptions.Item label={t('import.summary.cancellations')}>
          {n(s.orders.cancellations)}
        </Descriptions.Item>
        <Descriptions.Item label={t('import.summary.writeoffs')}>
          {n(s.orders.writeoffs)}
        </Descriptions.Item>
        <Descriptions.Item label={t('import.summary.adjustments')}>
          {n(s.orders.adjustments)}
        </Descriptions.Item>
        <Descriptions.Item label={t('import.summary.anonymousOrders')}>
          {n(s.anonymousOrders)}
        </Descriptions.Item>
        <Descriptions.Item label={t('import.summary.customersNew')}>
          {n(s.customersNew)}
        </Descriptions.Item>
        <Descriptions.Item label={t('import.summary.customersMatched')}>
          {n(s.customersMatched)}
        </Descriptions.Item>
        <Descriptions.Item label={t('import.summary.dateOrder')}>
          {s.dateOrder ? t(`import.dateOrder.${s.dateOrder}`) : '—'}
        </Descriptions.Item>
      </Descriptions>
      {s.rowsRejected > 0 ? (
        <>
          <Alert
            type={nothingCommitted ? 'error' : 'warning'}
            showIcon
            title={t(
              nothingCommitted ? 'import.summary.nothingCommitted' : 'import.summary.partial',
              {
                count: s.rowsRejected,
              },
            )}
          />
          <RejectedTable rows={s.rejected} />
        </>
      ) : null}
      <ErrorNote error={error} />
      <Space wrap>
        {s.rowsRejected > 0 ? (
          <Button icon={<DownloadOutlined />} onClick={saveRejected}>
            {t('import.summary.saveRejected')}
          </Button>
        ) : null}
        {nothingCommitted ? (
          <Button type="primary" onClick={onImportValid}>
            {t('import.summary.importValid')}
          </Button>
        ) : null}
        <Button onClick={onAnother}>{t('import.summary.another')}</Button>
        <Button
          type={nothingCommitted ? 'default' : 'primary'}
          onClick={() => navigate('customers')}
        >
          {t('import.summary.toCustomers')}
        </Button>
      </Space>
    </Space>
  );
}
