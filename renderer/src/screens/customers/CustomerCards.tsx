import { MergeCellsOutlined } from '@ant-design/icons';
import { App, Button, Card, Popconfirm, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { IdentityInfo, MergeInfo } from '../../../../core/api/customers';
import { api } from '../../api/client';
import { describeError } from '../../i18n/errors';
import { formatDateTime } from '../../shell/format';
import { useLocale } from '../../shell/locale';
import { MergeDialog } from './MergeDialog';
import { mergeReason } from './mergeText';

/** Where an identity came from; a phone folded with masked phones names each source once. */
function sourcesOf(r: IdentityInfo, t: TFunction): string {
  const sources = [...new Set([r.source, ...(r.maskedSources ?? [])])];
  const named = sources.filter((s): s is string => s !== null).map((s) => t(`channel.${s}`, s));
  return named.length > 0 ? named.join(' · ') : '—';
}

/** The identities that make this one customer (phones masked). */
export function IdentitiesCard({ identities }: { identities: IdentityInfo[] }) {
  const { t } = useTranslation();
  return (
    <Card title={t('customer.identities')} size="small">
      <Table
        size="small"
        pagination={false}
        rowKey={(r) => `${r.kind}:${r.value}`}
        dataSource={identities}
        columns={[
          {
            title: t('customer.identityKind'),
            dataIndex: 'kind',
            render: (k: string, r: IdentityInfo) =>
              r.maskedSources ? t('customer.phoneSameAsMasked') : t(`identity.${k}`, k),
          },
          { title: t('customer.identityValue'), dataIndex: 'value' },
          {
            title: t('customer.identitySource'),
            dataIndex: 'source',
            render: (_: string | null, r: IdentityInfo) => sourcesOf(r, t),
          },
        ]}
      />
    </Card>
  );
}

interface MergesProps {
  customerId: number;
  merges: MergeInfo[];
  onChanged: () => void;
}

/** Merges into this customer, each with its reason, undoable; another can be merged in. */
export function MergesCard({ customerId, merges, onChanged }: MergesProps) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [merging, setMerging] = useState(false);

  const undo = async (merge: MergeInfo) => {
    try {
      await api.call('customers.undoMerge', { mergeId: merge.id });
      void message.success(t('customer.undone'));
      onChanged();
    } catch (e) {
      void message.error(describeError(t, e));
    }
  };

  return (
    <Card
      title={t('customer.merges')}
      size="small"
      extra={
        <Button size="small" icon={<MergeCellsOutlined />} onClick={() => setMerging(true)}>
          {t('customer.mergeButton')}
        </Button>
      }
    >
      {merging ? (
        <MergeDialog intoId={customerId} onClose={() => setMerging(false)} onMerged={onChanged} />
      ) : null}
      <Table
        size="small"
        pagination={false}
        rowKey="id"
        dataSource={merges}
        locale={{ emptyText: t('customer.noMerges') }}
        columns={[
          { title: t('customer.mergedFrom'), dataIndex: 'fromCustomerId', width: 90 },
          {
            title: t('customer.mergeReason'),
            key: 'reason',
            render: (_: unknown, m: MergeInfo) =>
              `${t(`mergeRule.${m.rule}`, m.rule)} · ${mergeReason(t, m)}`,
          },
          {
            title: t('customer.mergedAt'),
            dataIndex: 'mergedAt',
            render: (v: string) => formatDateTime(v, locale),
          },
          {
            title: '',
            key: 'undo',
            render: (_: unknown, m: MergeInfo) =>
              m.undoneAt ? (
                <Tag>{t('customer.undoneAt', { at: formatDateTime(m.undoneAt, locale) })}</Tag>
              ) : (
                <Popconfirm title={t('customer.undoConfirm')} onConfirm={() => undo(m)}>
                  <Button size="small">{t('customer.undo')}</Button>
                </Popconfirm>
              ),
          },
        ]}
      />
    </Card>
  );
}
