import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerTag } from '../../../../core/api/customers';
import { api } from '../../api/client';
import { describeError } from '../../i18n/errors';
import { localName } from '../../shell/format';
import { useLocale } from '../../shell/locale';
import { navigate } from '../../shell/route';
import { useApi } from '../../shell/useApi';

interface Props {
  customerId: number;
  tags: CustomerTag[];
  onChanged: () => void;
}

/** Puts one of the manual tags on this customer (the others follow rules and scores). */
export function ManualTagPicker({ customerId, tags, onChanged }: Props) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const all = useApi('tags.list', {});
  const [chosen, setChosen] = useState<number | null>(null);
  const has = new Set(tags.map((tag) => tag.id));
  const manual = (all.data ?? []).filter((tag) => tag.kind === 'manual' && !has.has(tag.id));

  const add = async () => {
    if (chosen === null) return;
    try {
      await api.call('tags.assign', { tagId: chosen, customerIds: [customerId], action: 'add' });
      void message.success(t('customer.tagAdded'));
      setChosen(null);
      onChanged();
    } catch (e) {
      void message.error(describeError(t, e));
    }
  };

  if (all.data && (all.data ?? []).every((tag) => tag.kind !== 'manual')) {
    return (
      <Button size="small" type="link" onClick={() => navigate('tags', '0')}>
        {t('customer.noManualTags')}
      </Button>
    );
  }

  return (
    <Space.Compact size="small">
      <Select
        aria-label={t('customer.manualTag')}
        placeholder={t('customer.manualTag')}
        value={chosen}
        onChange={setChosen}
        loading={all.loading}
        showSearch={{ optionFilterProp: 'label' }}
        style={{ width: 200 }}
        options={manual.map((tag) => ({ value: tag.id, label: localName(tag, locale) }))}
      />
      <Button icon={<PlusOutlined />} disabled={chosen === null} onClick={add}>
        {t('customer.addTag')}
      </Button>
    </Space.Compact>
  );
}

/** Takes a manual tag off this customer. */
export async function removeManualTag(customerId: number, tagId: number): Promise<void> {
  await api.call('tags.assign', { tagId, customerIds: [customerId], action: 'remove' });
}
