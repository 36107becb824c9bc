import { Alert, Button, Space, Spin, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorNote } from '../../components/ErrorNote';
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
  const answer = useApi('imports.preview', { fileId, options });
  const preview = answer.data ?? null;
  const busy = answer.loading;
  const error = answer.error;

  const fields = preview ? [...new Set(preview.rows.flatMap((r) => Object.keys(r.values)))] : [];
  const columns = [
    { title: t('import.preview.line'), dataIndex: 'line', key: 'line', width: 72, fixed: 'left' },
    ...fields.map((f) => ({ title: t(`field.${f}`), dataIndex: f, key: f, ellipsis: true })),
  ] as const;
  // The kind of order is a code (sale, writeoff…): shown by its name, like everywhere else.
  const rows = (preview?.rows ?? []).map((r) => ({
    key: r.line,
    line: r.line,
    ...r.values,
    ...(r.values.kind ? { kind: t(`orderKind.${r.values.kind}`, r.values.kind) } : {}),
  }));

  return (
    <Spin spinning={busy}>
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        <ErrorNote error={error} />
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
