import { Empty, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OverrideRecord } from '../../../../core/api/planning';
import { ErrorNote } from '../../components/ErrorNote';
import { formatDateTime } from '../../shell/format';
import { useLocale } from '../../shell/locale';
import { useApi } from '../../shell/useApi';

/**
 * The project's override log: every time a frozen task was started (or finished)
 * anyway, with who did it, when (store time), why, and the predecessors that held it.
 */
export function OverrideLog({ projectId, version }: { projectId: number; version: unknown }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const log = useApi('projects.overrides', { projectId }, version);
  const sep = t('planning.hold.separator');

  const columns: TableColumnsType<OverrideRecord> = [
    {
      title: t('planning.overrides.col.at'),
      width: 150,
      render: (_, o) => formatDateTime(o.at, locale),
    },
    {
      title: t('planning.overrides.col.task'),
      width: 260,
      render: (_, o) => `#${o.taskSeq} ${o.taskName}`,
    },
    {
      title: t('planning.overrides.col.change'),
      width: 150,
      render: (_, o) => `${t(`planning.status.${o.from}`)} → ${t(`planning.status.${o.to}`)}`,
    },
    {
      title: t('planning.overrides.col.by'),
      width: 120,
      render: (_, o) => o.by ?? <Typography.Text type="secondary">—</Typography.Text>,
    },
    // The reason takes what the fixed columns leave (at least 180 px of the scroll width).
    { title: t('planning.overrides.col.reason'), dataIndex: 'reason' },
    {
      title: t('planning.overrides.col.heldBy'),
      width: 240,
      render: (_, o) => o.heldBy.join(sep),
    },
  ];

  if (log.error) return <ErrorNote error={log.error} onRetry={log.reload} />;
  return (
    <div role="region" aria-label={t('planning.overrides.title')}>
      <Typography.Paragraph type="secondary">{t('planning.overrides.intro')}</Typography.Paragraph>
      {log.data && log.data.length === 0 ? (
        <Empty description={t('planning.overrides.none')} />
      ) : (
        <Table<OverrideRecord>
          className="plan-override-log"
          rowKey={(o, i) => `${o.taskId}-${o.at}-${i}`}
          size="small"
          tableLayout="fixed"
          scroll={{ x: 1100 }}
          loading={log.loading && !log.data}
          columns={columns}
          dataSource={log.data ?? []}
          pagination={false}
        />
      )}
    </div>
  );
}
