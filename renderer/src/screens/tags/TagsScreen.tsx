import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Row, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TagInfo } from '../../../../core/api/tags';
import { ErrorNote } from '../../components/ErrorNote';
import { formatNumber, localName } from '../../shell/format';
import { useLocale } from '../../shell/locale';
import { navigate } from '../../shell/route';
import { useApi } from '../../shell/useApi';
import { SegmentExport } from './SegmentExport';
import { TagEditor } from './TagEditor';
import { TagHistoryCard } from './TagHistoryCard';

const kindColor = {
  rule: 'blue',
  rfm: 'purple',
  lifecycle: 'geekblue',
  manual: 'default',
} as const;

/**
 * Tags with their member counts; a rule tag opens in the visual rule builder with a
 * live count, its membership over time and the export of its segment.
 * `selected`: a tag id, 0 for a new tag, null for none.
 */
export function TagsScreen({ selected }: { selected: number | null }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const tags = useApi('tags.list', {});
  const current = tags.data?.find((tag) => tag.id === selected) ?? null;
  const editing = selected === 0 || current !== null;

  return (
    <Row gutter={16}>
      <Col span={editing ? 10 : 24}>
        <Card
          title={t('tags.title')}
          extra={
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('tags', '0')}>
              {t('tags.new')}
            </Button>
          }
        >
          <ErrorNote error={tags.error} onRetry={tags.reload} />
          <Table<TagInfo>
            size="small"
            rowKey="id"
            loading={tags.loading}
            dataSource={tags.data ?? []}
            pagination={{ pageSize: 15, hideOnSinglePage: true }}
            rowClassName={(tag) => (tag.id === selected ? 'ant-table-row-selected' : '')}
            onRow={(tag) => ({
              onClick: () => navigate('tags', String(tag.id)),
              style: { cursor: 'pointer' },
            })}
            columns={[
              {
                title: t('tags.name'),
                key: 'name',
                render: (_, tag) => (
                  <Space>
                    {localName(tag, locale)}
                    {tag.builtin ? <Tag>{t('tags.builtin')}</Tag> : null}
                  </Space>
                ),
              },
              {
                title: t('tags.kind'),
                dataIndex: 'kind',
                width: 110,
                render: (k: TagInfo['kind']) => (
                  <Tag color={kindColor[k]}>{t(`tags.kinds.${k}`)}</Tag>
                ),
              },
              {
                title: t('tags.members'),
                dataIndex: 'members',
                width: 110,
                align: 'right',
                sorter: (a, b) => a.members - b.members,
                render: (n: number) => formatNumber(n, locale),
              },
            ]}
          />
        </Card>
      </Col>
      {editing ? (
        <Col span={14}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <TagEditor key={selected ?? 'none'} tag={current} onSaved={tags.reload} />
            {current ? <TagHistoryCard key={`h${current.id}`} tag={current} /> : null}
            {current ? <SegmentExport tag={current} /> : null}
          </Space>
        </Col>
      ) : null}
    </Row>
  );
}
