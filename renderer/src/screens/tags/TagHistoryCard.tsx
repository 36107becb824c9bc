import { Card, Empty, Table, Tag } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { TagHistory, TagInfo } from '../../../../core/api/tags';
import { EChart } from '../../components/EChart';
import { ErrorNote } from '../../components/ErrorNote';
import { formatDateTime } from '../../shell/format';
import { useLocale } from '../../shell/locale';
import { navigate } from '../../shell/route';
import { useApi } from '../../shell/useApi';

type Recent = TagHistory['recent'][number];

/** Members of the tag at the end of each day that changed it, and the latest changes. */
export function TagHistoryCard({ tag }: { tag: TagInfo }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const history = useApi('tags.history', { tagId: tag.id }, tag.version);

  const option = useMemo<EChartsCoreOption>(() => {
    const series = history.data?.series ?? [];
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 56, right: 16, top: 24, bottom: 32 },
      xAxis: { type: 'category', data: series.map((s) => s.day) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          type: 'line',
          name: t('tags.members'),
          data: series.map((s) => s.members),
          smooth: true,
          areaStyle: { opacity: 0.12 },
        },
      ],
    };
  }, [history.data, t]);
  // A tag that has never had a member has nothing to draw: say so instead of empty axes.
  const never = history.data !== undefined && history.data.series.length === 0;

  return (
    <Card title={t('tags.history')} size="small">
      <ErrorNote error={history.error} />
      {never ? (
        <NeverMembers />
      ) : (
        <EChart option={option} height={240} ariaLabel={t('tags.history')} />
      )}
      {never ? null : (
        <Table<Recent>
          size="small"
          rowKey={(r) => `${r.customerId}:${r.at}:${r.action}`}
          dataSource={history.data?.recent ?? []}
          pagination={{ pageSize: 5, hideOnSinglePage: true }}
          onRow={(r) => ({
            onClick: () => navigate('customers', String(r.customerId)),
            style: { cursor: 'pointer' },
          })}
          columns={[
            {
              title: t('tags.customer'),
              key: 'customer',
              render: (_, r) => r.customerName ?? `#${r.customerId}`,
            },
            {
              title: t('tags.change'),
              dataIndex: 'action',
              render: (a: Recent['action']) => (
                <Tag color={a === 'added' ? 'green' : 'red'}>{t(`tags.${a}`)}</Tag>
              ),
            },
            { title: t('tags.version'), dataIndex: 'version', width: 70 },
            {
              title: t('tags.when'),
              dataIndex: 'at',
              render: (v: string) => formatDateTime(v, locale),
            },
          ]}
        />
      )}
    </Card>
  );
}

/** In place of the chart, as tall as it, for a tag no customer has had yet. */
function NeverMembers() {
  const { t } = useTranslation();
  return (
    <div style={{ height: 240, display: 'grid' }}>
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={t('tags.historyEmpty')}
        style={{ alignSelf: 'center' }}
      />
    </div>
  );
}
