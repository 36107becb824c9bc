import { DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Result, Row, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportSummary, RowError } from '../../../../core/api/imports';
import { api } from '../../api/client';
import { ErrorNote } from '../../components/ErrorNote';
import { Figure } from '../../components/Figure';
import { formatNumber } from '../../shell/format';
import { useLocale } from '../../shell/locale';
import { navigate } from '../../shell/route';
import { DuplicateTable } from './DuplicateTable';
import { RejectedTable } from './RejectedTable';
import { StoreZones } from './StoreZones';
import { download, rejectedRowsCsv, type WizardOptions } from './options';

interface Props {
  summary: ImportSummary;
  /** What the file was read with (its preset decides the zone of the stores it made). */
  options: WizardOptions;
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

/**
 * What the import did: counts, the rejected rows (savable as CSV), the first duplicate
 * rows and what to do next.
 */
export function SummaryStep({ summary: s, options, onImportValid, onAnother }: Props) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [error, setError] = useState<unknown>(null);
  const n = (v: number) => formatNumber(v, locale);
  // Refused for its rejected rows, while every other row of the file was already stored:
  // nothing was lost, so it reads as information, the rejected rows apart.
  const alreadyThere =
    s.status === 'failed' &&
    s.rowsRejected > 0 &&
    s.rowsDuplicate > 0 &&
    s.rowsDuplicate + s.rowsRejected === s.rowsTotal;
  const nothingCommitted = s.status === 'failed' && s.rowsRejected > 0 && !alreadyThere;

  const saveRejected = async () => {
    try {
      const rows: RowError[] =
        s.batchId !== null
          ? await api.call('imports.rejected', { batchId: s.batchId })
          : s.rejected;
      const text = rejectedRowsCsv(t, rows);
      download(`${s.fileName}.rejected.csv`, new Blob([text], { type: 'text/csv' }));
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Result
        status={alreadyThere ? 'info' : statusKind[s.status]}
        title={t(
          alreadyThere ? 'import.summary.alreadyThere' : `import.summary.status.${s.status}`,
        )}
        subTitle={t('import.summary.subtitle', {
          file: s.fileName,
          encoding: s.encoding,
          seconds: (s.durationMs / 1000).toFixed(1),
        })}
        style={{ padding: '16px 0' }}
      />
      <FigureRow
        span={6}
        figures={[
          ['rowsTotal', n(s.rowsTotal)],
          ['rowsImported', n(s.rowsImported)],
          ['rowsDuplicate', n(s.rowsDuplicate)],
          ['rowsRejected', n(s.rowsRejected)],
        ]}
      />
      <FigureRow
        span={4}
        figures={[
          ['sales', n(s.orders.sales)],
          ['returns', n(s.orders.returns)],
          ['cancellations', n(s.orders.cancellations)],
          ['writeoffs', n(s.orders.writeoffs)],
          ['adjustments', n(s.orders.adjustments)],
          ['anonymousOrders', n(s.anonymousOrders)],
        ]}
      />
      <FigureRow
        span={8}
        figures={[
          ['customersNew', n(s.customersNew)],
          ['customersMatched', n(s.customersMatched)],
          ['dateOrder', s.dateOrder ? t(`import.dateOrder.${s.dateOrder}`) : '—'],
        ]}
      />
      {/* An items or payments file adds to orders already there: say what it added. */}
      {s.linesAdded + s.paymentsRecorded > 0 ? (
        <FigureRow
          span={8}
          figures={[
            ['linesAdded', n(s.linesAdded)],
            ['linesToEarlierOrders', n(s.linesToEarlierOrders)],
            ['paymentsRecorded', n(s.paymentsRecorded)],
          ]}
        />
      ) : null}
      {s.status === 'committed' || s.status === 'partial' || s.status === 'unchanged' ? (
        <StoreZones summary={s} options={options} />
      ) : null}
      {alreadyThere ? (
        <Alert
          type="info"
          showIcon
          title={t('import.summary.alreadyThereRows', { count: s.rowsDuplicate })}
        />
      ) : null}
      {s.rowsRejected > 0 ? (
        <>
          <Alert
            type={nothingCommitted ? 'error' : 'warning'}
            showIcon
            title={t(rejectedKey(nothingCommitted, alreadyThere), { count: s.rowsRejected })}
          />
          <RejectedTable rows={s.rejected} />
        </>
      ) : null}
      {s.rowsDuplicate > 0 && s.duplicates.length > 0 ? (
        <DuplicateTable rows={s.duplicates} total={s.rowsDuplicate} />
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

/** What the rejected rows' note says: why nothing was saved, or that they were left out. */
function rejectedKey(nothingCommitted: boolean, alreadyThere: boolean): string {
  if (nothingCommitted) return 'import.summary.nothingCommitted';
  return alreadyThere ? 'import.summary.rejectedApart' : 'import.summary.partial';
}

function FigureRow({ figures, span }: { figures: [string, string][]; span: number }) {
  const { t } = useTranslation();
  return (
    <Row gutter={[16, 16]}>
      {figures.map(([key, value]) => (
        <Col span={span} key={key}>
          <Figure title={t(`import.summary.${key}`)} value={value} />
        </Col>
      ))}
    </Row>
  );
}
