import { Alert, Button, Space, Spin, Table } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { EarlierImport, MoneyField, PreviewRow } from '../../../../core/api/imports';
import { ErrorNote } from '../../components/ErrorNote';
import type { Locale } from '../../i18n';
import { formatDate, formatMoney } from '../../shell/format';
import { useLocale } from '../../shell/locale';
import { useApi } from '../../shell/useApi';
import { RejectedTable } from './RejectedTable';
import { rejectedRowCount, type WizardOptions } from './options';

interface Props {
  fileId: string;
  options: WizardOptions;
  onBack: () => void;
  onStart: () => void;
}

/** The first rows exactly as they will be stored, and the rows that would be rejected. */
export function PreviewStep({ fileId, options, onBack, onStart }: Props) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const answer = useApi('imports.preview', { fileId, options });
  const preview = answer.data ?? null;
  const busy = answer.loading;
  const error = answer.error;

  // Every row says what it is (a customer, a payment…), so the kind column comes first.
  const keys = preview ? preview.rows.flatMap((r) => ['kind', ...Object.keys(r.values)]) : [];
  const fields = [...new Set(keys)];
  const columns = [
    { title: t('import.preview.line'), dataIndex: 'line', key: 'line', width: 72, fixed: 'left' },
    ...fields.map((f) => ({ title: t(`field.${f}`), dataIndex: f, key: f, ellipsis: true })),
  ] as const;
  const rows = (preview?.rows ?? []).map((r) => ({
    key: r.line,
    line: r.line,
    ...r.values,
    ...moneyShown(r, locale),
    kind: kindShown(r, t),
  }));

  return (
    <Spin spinning={busy}>
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <ErrorNote error={error} />
        {preview?.alreadyImported ? <AlreadyImported earlier={preview.alreadyImported} /> : null}
        {preview ? (
          <>
            <Table
              size="small"
              title={() => t('import.preview.title', { count: preview.rows.length })}
              columns={[...columns]}
              dataSource={rows}
              pagination={false}
              scroll={{ x: 'max-content', y: 360 }}
            />
            {preview.errors.length > 0 ? (
              <>
                <Alert
                  type="warning"
                  showIcon
                  title={t('import.preview.errors', { count: rejectedRowCount(preview.errors) })}
                />
                <RejectedTable rows={preview.errors} />
              </>
            ) : (
              <Alert type="success" showIcon title={t('import.preview.noErrors')} />
            )}
          </>
        ) : null}
        <Space>
          <Button onClick={onBack}>{t('common.back')}</Button>
          <Button type="primary" disabled={!preview || busy} onClick={onStart}>
            {t('import.preview.start')}
          </Button>
        </Space>
      </Space>
    </Spin>
  );
}

/** The row's money in the person's locale with its currency's sign: `¥12.50`, `£2.95`. */
/**
 * What a row is, in words: a customer, a payment, or the kind of order (a code such as
 * sale or writeoff, shown by its name like everywhere else), of an order or of its line.
 */
export function kindShown(row: PreviewRow, t: TFunction): string {
  const order = row.values.kind ? t(`orderKind.${row.values.kind}`, row.values.kind) : '';
  if (row.rowKind === 'customer') return t('import.preview.kindCustomer');
  if (row.rowKind === 'payment') return t('import.preview.kindPayment');
  if (row.rowKind === 'orderLine') return t('import.preview.kindLine', { kind: order });
  return order;
}

function moneyShown(row: PreviewRow, locale: Locale): Partial<Record<MoneyField, string>> {
  const shown: Partial<Record<MoneyField, string>> = {};
  for (const [field, minor] of Object.entries(row.money ?? {}) as [MoneyField, number][]) {
    shown[field] = formatMoney(minor, locale, row.currency);
  }
  return shown;
}

/** Says before anything is written that the same file was imported already, and when. */
function AlreadyImported({ earlier }: { earlier: EarlierImport }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="preview-already-imported"
      title={t('import.preview.alreadyImported', {
        batch: earlier.batchId,
        day: formatDate(earlier.day, locale),
        file: earlier.fileName,
      })}
      description={t('import.preview.alreadyImportedHint')}
    />
  );
}
