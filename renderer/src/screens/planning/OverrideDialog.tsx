import { Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TaskInfo, TaskStatus } from '../../../../core/api/planning';
import { frozenText } from './text';

interface Props {
  task: TaskInfo | null;
  /** The change asked for: the title names it (start or finish). */
  status: TaskStatus | null;
  onCancel(): void;
  /** `by` is the name the person gave, or null. */
  onConfirm(reason: string, by: string | null): void;
}

/** The last name given in this console, offered again next time. */
const byKey = 'planning.overrideBy';

/** Asks why a frozen task is started (or finished) anyway; the reason is recorded. */
export function OverrideDialog({ task, status, onCancel, onConfirm }: Props) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [by, setBy] = useState(() => localStorage.getItem(byKey) ?? '');

  return (
    <Modal
      open={task !== null}
      title={t(status === 'done' ? 'planning.override.titleFinish' : 'planning.override.title')}
      okText={t('planning.override.ok')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: reason.trim() === '', danger: true }}
      onCancel={() => {
        setReason('');
        onCancel();
      }}
      onOk={() => {
        const name = by.trim();
        localStorage.setItem(byKey, name);
        onConfirm(reason.trim(), name || null);
        setReason('');
      }}
      destroyOnHidden
    >
      {task ? (
        <>
          <Typography.Paragraph>
            {t('planning.override.body', { name: task.name })}
          </Typography.Paragraph>
          <Typography.Paragraph type="warning">{frozenText(t, task)}</Typography.Paragraph>
          <label>
            <Typography.Text strong>{t('planning.override.reason')}</Typography.Text>
            <Input.TextArea
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              placeholder={t('planning.override.placeholder')}
              autoSize={{ minRows: 2, maxRows: 5 }}
              maxLength={500}
              style={{ marginTop: 6 }}
            />
          </label>
          <label style={{ display: 'block', marginTop: 12 }}>
            <Typography.Text strong>{t('planning.override.by')}</Typography.Text>
            <Input
              value={by}
              onChange={(e) => setBy(e.target.value)}
              placeholder={t('planning.override.byPlaceholder')}
              maxLength={60}
              style={{ marginTop: 6 }}
            />
          </label>
        </>
      ) : null}
    </Modal>
  );
}
