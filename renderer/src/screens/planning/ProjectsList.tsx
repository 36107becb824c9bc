import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Progress, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProjectSummary } from '../../../../core/api/planning';
import { ErrorNote } from '../../components/ErrorNote';
import { useLocale } from '../../shell/locale';
import { navigate } from '../../shell/route';
import { useApi } from '../../shell/useApi';
import { NewProjectDialog } from './NewProjectDialog';
import { goalTarget } from './goal';
import { dayIn, metricName } from './text';

/** Every project with its template, goal, dates, progress, frozen and conflicting tasks. */
export function ProjectsList() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const projects = useApi('projects.list', {});
  const templates = useApi('templates.list', {});
  const info = useApi('app.info', {});
  const [creating, setCreating] = useState(false);
  const today = info.data ? dayIn(info.data.now, 'Asia/Shanghai') : '';

  const templateNames = useMemo(
    () =>
      new Map((templates.data ?? []).map((x) => [x.key, locale === 'zh-CN' ? x.nameZh : x.nameEn])),
    [templates.data, locale],
  );

  const columns: TableColumnsType<ProjectSummary> = [
    {
      title: t('planning.col.name'),
      dataIndex: 'name',
      render: (name: string, p) => (
        <Typography.Link href={`#/planning/${p.id}`}>{name}</Typography.Link>
      ),
    },
    {
      title: t('planning.col.template'),
      dataIndex: 'templateKey',
      render: (key: string | null) => (key ? (templateNames.get(key) ?? key) : '—'),
    },
    {
      title: t('planning.col.goal'),
      render: (_, p) =>
        p.goal
          ? t('planning.goalText', {
              metric: metricName(t, p.goal.metric),
              target: goalTarget(t, locale, p.goal),
            })
          : t('planning.noGoal'),
    },
    {
      title: t('planning.col.dates'),
      render: (_, p) => (p.start && p.finish ? `${p.start} → ${p.finish}` : '—'),
    },
    {
      title: t('planning.col.progress'),
      width: 180,
      render: (_, p) => (
        <Space direction="vertical" size={0} style={{ width: '100%' }}>
          <Progress percent={p.tasks ? Math.round((100 * p.done) / p.tasks) : 0} size="small" />
          <Typography.Text type="secondary">
            {t('planning.progressText', { done: p.done, total: p.tasks })}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('planning.col.frozen'),
      dataIndex: 'frozen',
      align: 'right',
      render: (n: number) => (n ? <Tag color="default">{n}</Tag> : 0),
    },
    {
      title: t('planning.col.conflicts'),
      dataIndex: 'conflicts',
      align: 'right',
      render: (n: number) => (n ? <Tag color="red">{n}</Tag> : 0),
    },
  ];

  return (
    <Card
      title={t('planning.title')}
      extra={
        <Space>
          <Button onClick={() => navigate('planning', 'templates')}>
            {t('planning.templates.nav')}
          </Button>
          <Button onClick={() => navigate('planning', 'waiting')}>
            {t('planning.waitingNav')}
          </Button>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('planning.new')}
          </Button>
        </Space>
      }
    >
      <ErrorNote error={projects.error ?? templates.error} onRetry={projects.reload} />
      <Table<ProjectSummary>
        rowKey="id"
        columns={columns}
        dataSource={projects.data ?? []}
        loading={projects.loading && !projects.data}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description={t('planning.empty')} /> }}
      />
      <NewProjectDialog
        open={creating}
        templates={templates.data ?? []}
        today={today}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          setCreating(false);
          navigate('planning', String(id));
        }}
      />
    </Card>
  );
}
