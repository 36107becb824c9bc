import { Alert, App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useLocale } from '../../shell/locale';
import { describePlanningError } from './text';

interface Values {
  nameZh: string;
  nameEn: string;
  key: string;
}

interface Props {
  open: boolean;
  projectId: number;
  projectName: string;
  onClose(): void;
}

const keyPattern = /^[a-z0-9][a-z0-9-]{0,59}$/;

/**
 * "Save as template": the project's phases, tasks, offsets from its first day and its
 * dependencies become a new template (version 1 of a new key, or the next version).
 */
export function SaveTemplateDialog({ open, projectId, projectName, onClose }: Props) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (values: Values) => {
    setSaving(true);
    setError(null);
    try {
      const saved = await api.call('templates.saveFromProject', {
        projectId,
        key: values.key.trim(),
        nameZh: values.nameZh.trim(),
        nameEn: values.nameEn.trim(),
        anchorKind: 'D',
      });
      const name = locale === 'zh-CN' ? saved.nameZh : saved.nameEn;
      void message.success(t('planning.templates.saved', { name, version: saved.version }));
      form.resetFields();
      onClose();
    } catch (e) {
      // The dialog stays open with what was typed.
      setError(describePlanningError(t, e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('planning.templates.saveTitle')}
      okText={t('planning.templates.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ nameZh: projectName, nameEn: projectName, key: '' }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          name="nameZh"
          label={t('planning.templates.nameZh')}
          rules={[{ required: true, whitespace: true, message: t('planning.error.emptyName') }]}
        >
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item
          name="nameEn"
          label={t('planning.templates.nameEn')}
          rules={[{ required: true, whitespace: true, message: t('planning.error.emptyName') }]}
        >
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item
          name="key"
          label={t('planning.templates.key')}
          extra={t('planning.templates.keyHelp')}
          rules={[
            { required: true, pattern: keyPattern, message: t('planning.templates.keyHelp') },
          ]}
        >
          <Input maxLength={60} placeholder="member-day-2027" />
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon title={error} /> : null}
    </Modal>
  );
}
