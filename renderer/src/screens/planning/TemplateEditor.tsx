import { ArrowLeftOutlined, DeleteOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  Select,
  Space,
  Spin,
  Table,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Template } from '../../../../core/api/planning';
import { api } from '../../api/client';
import { ErrorNote } from '../../components/ErrorNote';
import { useLocale } from '../../shell/locale';
import { navigate } from '../../shell/route';
import { useApi } from '../../shell/useApi';
import { RowError, addRow, deleteRow, rowsToTemplate, templateToRows } from './templateRows';
import type { Names, TemplateRow } from './templateRows';
import { departmentName, describePlanningError } from './text';

type TextField = 'nameZh' | 'nameEn' | 'offset' | 'duration' | 'predecessors';

/** A refusal in the person's language: a row's bad value, or the core's sentence. */
function describeSaveError(t: TFunction, error: unknown): string {
  if (error instanceof RowError) {
    return t(`planning.templates.error.${error.kind}`, { row: error.row, value: error.value });
  }
  // The core's predecessor reader may have run here, in the page: same code, same sentence.
  return describePlanningError(t, error);
}

/** `#/planning/templates/<key>`: the newest version of a template, editable. */
export function TemplateEditor({ templateKey }: { templateKey: string }) {
  const loaded = useApi('templates.get', { key: templateKey });
  if (loaded.error) return <ErrorNote error={loaded.error} onRetry={loaded.reload} />;
  if (!loaded.data) return <Spin />;
  return <Editor key={loaded.data.version} template={loaded.data} onSaved={loaded.reload} />;
}

function Editor({ template, onSaved }: { template: Template; onSaved(): void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [names, setNames] = useState<Names>({ nameZh: template.nameZh, nameEn: template.nameEn });
  const [rows, setRows] = useState<TemplateRow[]>(() => templateToRows(template));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const set = (index: number, field: keyof TemplateRow, value: string) =>
    setRows((old) => old.map((row, i) => (i === index ? { ...row, [field]: value } : row)));

  const addTask = () => {
    setRows((old) => addRow(old, template.anchor.kind, template.phases[0]!.key));
  };

  const deleteTask = (index: number) => {
    setError(null);
    try {
      const { rows: left, unlinked } = deleteRow(rows, index);
      const name = rows[index]!.nameZh || rows[index]!.nameEn;
      setRows(left);
      const sep = t('planning.templates.rowSeparator');
      void message.info(
        unlinked.length
          ? t('planning.templates.deletedLinks', { row: index + 1, name, rows: unlinked.join(sep) })
          : t('planning.templates.deleted', { row: index + 1, name }),
      );
    } catch (e) {
      // An unreadable predecessor cell: nothing is deleted, the reader names the token.
      setError(describeSaveError(t, e));
    }
  };

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      const next = rowsToTemplate(template, names, rows);
      const saved = await api.call('templates.save', { template: next });
      const name = locale === 'zh-CN' ? saved.nameZh : saved.nameEn;
      void message.success(t('planning.templates.saved', { name, version: saved.version }));
      onSaved();
    } catch (e) {
      // What was typed stays in the table, so the person fixes only the named value.
      setError(describeSaveError(t, e));
    } finally {
      setSaving(false);
    }
  };

  const phaseOptions = template.phases.map((p) => ({
    value: p.key,
    label: locale === 'zh-CN' ? p.nameZh : p.nameEn,
  }));
  const departments = Object.keys(t('planning.dept', { returnObjects: true }) as object);
  const departmentOptions = [...new Set([...departments, ...rows.map((r) => r.department)])].map(
    (d) => ({ value: d, label: departmentName(t, d) }),
  );

  const textColumn = (field: TextField, width: number): TableColumnsType<TemplateRow>[number] => ({
    title: t(`planning.templates.col.${field}`),
    width,
    render: (_, row, i) => (
      <Input
        size="small"
        value={row[field]}
        aria-label={`${t(`planning.templates.col.${field}`)} #${i + 1}`}
        onChange={(e) => set(i, field, e.target.value)}
      />
    ),
  });

  const columns: TableColumnsType<TemplateRow> = [
    { title: '#', width: 48, render: (_, __, i) => i + 1 },
    textColumn('nameZh', 240),
    textColumn('nameEn', 240),
    {
      title: t('planning.templates.col.phase'),
      width: 120,
      render: (_, row, i) => (
        <Select
          size="small"
          style={{ width: '100%' }}
          value={row.phase}
          options={phaseOptions}
          aria-label={`${t('planning.templates.col.phase')} #${i + 1}`}
          onChange={(v: string) => set(i, 'phase', v)}
        />
      ),
    },
    {
      title: t('planning.templates.col.department'),
      width: 130,
      render: (_, row, i) => (
        <Select
          size="small"
          style={{ width: '100%' }}
          value={row.department}
          options={departmentOptions}
          aria-label={`${t('planning.templates.col.department')} #${i + 1}`}
          onChange={(v: string) => set(i, 'department', v)}
        />
      ),
    },
    textColumn('offset', 90),
    textColumn('duration', 80),
    textColumn('predecessors', 150),
    {
      title: t('planning.templates.col.actions'),
      width: 64,
      render: (_, __, i) => (
        <Button
          size="small"
          type="text"
          danger
          icon={<DeleteOutlined />}
          aria-label={t('planning.templates.deleteTask', { row: i + 1 })}
          disabled={rows.length <= 1}
          onClick={() => deleteTask(i)}
        />
      ),
    },
  ];

  return (
    <Card
      className="page-card"
      title={
        <Space>
          <Button
            type="text"
            icon={<ArrowLeftOutlined />}
            onClick={() => navigate('planning', 'templates')}
          >
            {t('planning.templates.back')}
          </Button>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {locale === 'zh-CN' ? template.nameZh : template.nameEn}
          </Typography.Title>
          <Typography.Text type="secondary">
            {t('planning.templates.versionText', { version: template.version })}
          </Typography.Text>
        </Space>
      }
      extra={
        <Button type="primary" icon={<SaveOutlined />} loading={saving} onClick={() => void save()}>
          {t('planning.templates.saveVersion')}
        </Button>
      }
    >
      <Form layout="inline" style={{ marginBottom: 12 }}>
        <Form.Item label={t('planning.templates.nameZh')}>
          <Input
            value={names.nameZh}
            style={{ width: 260 }}
            onChange={(e) => setNames({ ...names, nameZh: e.target.value })}
          />
        </Form.Item>
        <Form.Item label={t('planning.templates.nameEn')}>
          <Input
            value={names.nameEn}
            style={{ width: 260 }}
            onChange={(e) => setNames({ ...names, nameEn: e.target.value })}
          />
        </Form.Item>
        <Form.Item>
          <Typography.Text type="secondary">
            {t('planning.templates.offsetHelp', { kind: template.anchor.kind })}
          </Typography.Text>
        </Form.Item>
      </Form>
      {error ? (
        <Alert type="error" showIcon title={error} role="alert" style={{ marginBottom: 12 }} />
      ) : null}
      <Table<TemplateRow>
        rowKey="key"
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
      />
      <Button icon={<PlusOutlined />} style={{ marginTop: 12 }} onClick={addTask}>
        {t('planning.templates.addTask')}
      </Button>
    </Card>
  );
}
