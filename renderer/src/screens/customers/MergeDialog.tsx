import { App, Form, Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerRow } from '../../../../core/api/customers';
import { api } from '../../api/client';
import { describeError } from '../../i18n/errors';

interface Props {
  intoId: number;
  onClose: () => void;
  onMerged: () => void;
}

interface Values {
  fromId: number;
  reason: string;
}

function label(row: Pick<CustomerRow, 'id' | 'name' | 'phone' | 'city'>): string {
  return [`#${row.id}`, row.name, row.phone, row.city].filter(Boolean).join(' · ');
}

/** Customers matching what was typed (name, member id, e-mail, phone), asked 300 ms later. */
function useCandidates(text: string, intoId: number) {
  const [rows, setRows] = useState<CustomerRow[]>([]);
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    const search = text.trim();
    if (!search) return undefined;
    let live = true;
    const timer = setTimeout(() => {
      setLoading(true);
      api
        .call('customers.page', { search, limit: 20, offset: 0, sort: [], tagIds: [], filters: [] })
        .then(
          (page) => live && setRows(page.rows.filter((r) => r.id !== intoId)),
          () => live && setRows([]),
        )
        .finally(() => live && setLoading(false));
    }, 300);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text, intoId]);

  return { rows: text.trim() ? rows : [], loading };
}

/**
 * Merges another customer into this one: found by search or typed as an id, with the
 * reason the person gives (kept in the merge history, where it can be undone).
 */
export function MergeDialog({ intoId, onClose, onMerged }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [text, setText] = useState('');
  const [saving, setSaving] = useState(false);
  const candidates = useCandidates(text, intoId);

  // A number typed as it is can be a customer id even when the search finds nobody.
  const typedId = /^\d{1,12}$/.test(text.trim()) ? Number(text.trim()) : null;
  const options = candidates.rows.map((r) => ({ value: r.id, label: label(r) }));
  if (typedId && typedId !== intoId && !options.some((o) => o.value === typedId)) {
    options.unshift({ value: typedId, label: t('customer.mergeById', { id: typedId }) });
  }

  const merge = async (values: Values) => {
    setSaving(true);
    try {
      await api.call('customers.merge', { intoId, fromId: values.fromId, reason: values.reason });
      void message.success(t('customer.merged', { id: values.fromId }));
      onMerged();
      onClose();
    } catch (e) {
      void message.error(describeError(t, e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={t('customer.mergeTitle', { id: intoId })}
      okText={t('customer.mergeOk')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      <p className="muted">{t('customer.mergeHint')}</p>
      <Form form={form} layout="vertical" onFinish={merge}>
        <Form.Item
          name="fromId"
          label={t('customer.mergeOther')}
          rules={[{ required: true, message: t('customer.mergeOtherRequired') }]}
        >
          <Select
            aria-label={t('customer.mergeOther')}
            placeholder={t('customer.mergeOtherHint')}
            showSearch={{ filterOption: false, onSearch: setText }}
            loading={candidates.loading}
            options={options}
            notFoundContent={text.trim() ? t('customer.mergeNone') : null}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('customer.mergeReason')}
          rules={[{ required: true, whitespace: true, message: t('customer.mergeReasonRequired') }]}
        >
          <Input.TextArea aria-label={t('customer.mergeReason')} maxLength={500} rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
