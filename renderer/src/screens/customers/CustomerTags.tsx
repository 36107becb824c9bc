import { CloseOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Modal, Popconfirm, Space, Spin, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerTag, TagExplanation } from '../../../../core/api/customers';
import { ErrorNote } from '../../components/ErrorNote';
import { describeError } from '../../i18n/errors';
import { RuleExplanation } from '../../components/RuleExplanation';
import { formatDate, localName } from '../../shell/format';
import { useLocale } from '../../shell/locale';
import { useApi } from '../../shell/useApi';
import { ManualTagPicker, removeManualTag } from './ManualTagPicker';
import { RfmWhy } from './RfmWhy';

interface Props {
  customerId: number;
  tags: CustomerTag[];
  onChanged: () => void;
}

/**
 * The customer's tags, each with a "Why?" that shows its conditions against this customer;
 * manual tags can be added and removed here.
 */
export function CustomerTags({ customerId, tags, onChanged }: Props) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const { message } = App.useApp();
  const [open, setOpen] = useState<CustomerTag | null>(null);

  const remove = async (tag: CustomerTag) => {
    try {
      await removeManualTag(customerId, tag.id);
      void message.success(t('customer.tagRemoved'));
      onChanged();
    } catch (e) {
      void message.error(describeError(t, e));
    }
  };

  return (
    <Card
      title={t('customer.tags')}
      size="small"
      extra={<ManualTagPicker customerId={customerId} tags={tags} onChanged={onChanged} />}
    >
      {tags.length === 0 ? <Empty description={t('customer.noTags')} /> : null}
      <Space wrap size="middle">
        {tags.map((tag) => (
          <Space key={tag.id} size={4} className="tag-chip">
            <Tag color="blue" style={{ marginInlineEnd: 0 }}>
              {localName(tag, locale)}
            </Tag>
            <span className="muted">
              {t('customer.since', { day: formatDate(tag.since, locale) })}
            </span>
            <Button
              size="small"
              type="link"
              icon={<QuestionCircleOutlined />}
              aria-label={t('customer.whyTag', { tag: localName(tag, locale) })}
              onClick={() => setOpen(tag)}
            >
              {t('customer.why')}
            </Button>
            {tag.kind === 'manual' ? (
              <Popconfirm
                title={t('customer.removeTagConfirm', { tag: localName(tag, locale) })}
                onConfirm={() => remove(tag)}
              >
                <Button
                  size="small"
                  type="text"
                  icon={<CloseOutlined />}
                  aria-label={t('customer.removeTag', { tag: localName(tag, locale) })}
                />
              </Popconfirm>
            ) : null}
          </Space>
        ))}
      </Space>
      {open ? <WhyModal customerId={customerId} tag={open} onClose={() => setOpen(null)} /> : null}
    </Card>
  );
}

function WhyModal(props: { customerId: number; tag: CustomerTag; onClose: () => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const explanation = useApi('customers.explainTag', {
    customerId: props.customerId,
    tagId: props.tag.id,
  });

  return (
    <Modal
      open
      title={t('customer.whyTitle', { tag: localName(props.tag, locale) })}
      onCancel={props.onClose}
      footer={<Button onClick={props.onClose}>{t('common.close')}</Button>}
      width={720}
    >
      <ErrorNote error={explanation.error} />
      <Spin spinning={explanation.loading}>
        {explanation.data ? <ExplanationBody e={explanation.data} /> : null}
      </Spin>
    </Modal>
  );
}

/** A lifecycle reason of a customer without a purchase: no days to tell, only the rule. */
function noOrders(e: TagExplanation): boolean {
  return e.reason?.code === 'tags.reason.lifecycle' && e.reason.params.orders === 0;
}

function ExplanationBody({ e }: { e: TagExplanation }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const fields = useApi('tags.fields', {});
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <p className="muted">
        {t(e.has ? 'customer.hasTag' : 'customer.hasNotTag', {
          asOf: formatDate(e.asOf, locale),
          version: e.version,
          since: formatDate(e.since, locale),
        })}
      </p>
      {e.rule ? (
        <RuleExplanation node={e.rule} fields={fields.data ?? []} currency={e.currency} />
      ) : null}
      {e.reason && !e.rfm && !noOrders(e) ? (
        <p>{t(`reason.${e.reason.code}`, { ...e.reason.params, defaultValue: e.reason.code })}</p>
      ) : null}
      {e.reason?.code === 'tags.reason.lifecycle' ? (
        <p>{t(`lifecycleRule.${e.reason.params.stage}`, e.reason.params)}</p>
      ) : null}
      {e.rfm ? <RfmWhy trace={e.rfm} /> : null}
    </Space>
  );
}
