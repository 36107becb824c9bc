import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { TemplateSummary } from '../../../../core/api/planning';
import { ErrorNote } from '../../components/ErrorNote';
import { useLocale } from '../../shell/locale';
import { navigate } from '../../shell/route';
import { useApi } from '../../shell/useApi';

/** `#/planning/templates`: every template at its newest version, with its size. */
export function TemplatesPage() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const templates = useApi('templates.list', {});
  const nameOf = (x: TemplateSummary) => (locale === 'zh-CN' ? x.nameZh : x.nameEn);

  const columns: TableColumnsType<TemplateSummary> = [
    {
      title: t('planning.templates.col.name'),
      render: (_, x) => (
        <Typography.Link href={`#/planning/templates/${x.key}`}>{nameOf(x)}</Typography.Link>
      ),
    },
    { title: t('planning.templates.col.key'), dataIndex: 'key' },
    {
      title: t('planning.templates.col.version'),
      render: (_, x) => t('planning.templates.versionText', { version: x.version }),
    },
    {
      title: t('planning.templates.col.size'),
      render: (_, x) => t('planning.dialog.tasksCount', { phases: x.phases, tasks: x.tasks }),
    },
    {
      title: t('planning.templates.col.origin'),
      render: (_, x) =>
        x.builtin ? (
          <Tag>{t('planning.templates.builtin')}</Tag>
        ) : (
          <Tag color="blue">{t('planning.templates.own')}</Tag>
        ),
    },
  ];

  return (
    <Card
      className="page-card"
      title={
        <Space>
          <Button type="text" icon={<ArrowLeftOutlined />} onClick={() => navigate('planning')}>
            {t('planning.project.back')}
          </Button>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('planning.templates.title')}
          </Typography.Title>
        </Space>
      }
    >
      <ErrorNote error={templates.error} onRetry={templates.reload} />
      <Table<TemplateSummary>
        rowKey="key"
        columns={columns}
        dataSource={templates.data ?? []}
        loading={templates.loading && !templates.data}
        pagination={false}
      />
    </Card>
  );
}
