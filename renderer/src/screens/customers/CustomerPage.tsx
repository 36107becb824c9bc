import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Row, Skeleton, Space, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CustomerDetail } from '../../../../core/api/customers';
import { ErrorNote } from '../../components/ErrorNote';
import { Figure } from '../../components/Figure';
import { formatDateTime, formatMoney, formatNumber } from '../../shell/format';
import { useLocale } from '../../shell/locale';
import { navigate } from '../../shell/route';
import { useApi } from '../../shell/useApi';
import { IdentitiesCard, MergesCard } from './CustomerCards';
import { keptParams } from './listMemory';
import { CustomerTags } from './CustomerTags';
import { OrdersGrid } from './OrdersGrid';

/** One customer: profile, identities, metrics, orders across channels, tags and merges. */
export function CustomerPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const detail = useApi('customers.get', { id });

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('customers', '', keptParams())}>
        {t('customer.back')}
      </Button>
      <ErrorNote error={detail.error} onRetry={detail.reload} />
      {detail.loading && !detail.data ? <Skeleton active /> : null}
      {detail.data ? <CustomerBody detail={detail.data} reload={detail.reload} /> : null}
    </Space>
  );
}

function CustomerBody({ detail, reload }: { detail: CustomerDetail; reload: () => void }) {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const r = detail.row;
  const money = (minor: number) => formatMoney(minor, locale, r.currency);

  return (
    <>
      <Card
        title={
          <Space>
            {r.name ?? t('customer.unnamed', { id: r.id })}
            <Tag color="geekblue">
              {t('customer.headerLifecycle', {
                stage: t(`lifecycle.${r.lifecycle}`, r.lifecycle),
              })}
            </Tag>
            {r.rfmSegment ? (
              <Tag color="purple">
                {t('customer.headerRfm', {
                  segment: t(`rfmSegment.${r.rfmSegment}`, r.rfmSegment),
                })}
              </Tag>
            ) : null}
          </Space>
        }
      >
        <Descriptions size="small" column={4}>
          <Descriptions.Item label={t('customers.col.id')}>{r.id}</Descriptions.Item>
          <Descriptions.Item label={t('customers.col.gender')}>
            {r.gender ? t(`gender.${r.gender}`) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('customers.col.age')}>{r.age ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('customer.birthDate')}>
            {detail.birthDate ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('customers.col.city')}>{r.city ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('customers.col.phone')}>{r.phone ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('customers.col.preferredChannel')}>
            {r.preferredChannel ? t(`channel.${r.preferredChannel}`, r.preferredChannel) : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('customer.preferredStore')}>
            {detail.preferredStore ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('customers.col.preferredCategory')}>
            {r.preferredCategory ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('customer.firstOrderAt')}>
            {formatDateTime(detail.firstOrderAt, locale, r.timeZone)}
          </Descriptions.Item>
          <Descriptions.Item label={t('customers.col.lastOrderAt')}>
            {formatDateTime(r.lastOrderAt, locale, r.timeZone)}
          </Descriptions.Item>
          <Descriptions.Item label={t('customer.rfm')}>
            {r.rfmR !== null ? `R${r.rfmR} F${r.rfmF} M${r.rfmM}` : '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('customer.currency')}>{r.currency}</Descriptions.Item>
        </Descriptions>
        {r.otherCurrencyOrders > 0 ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginTop: 12 }}
            title={t('customer.otherCurrencyOrders', {
              count: r.otherCurrencyOrders,
              currency: r.currency,
            })}
          />
        ) : null}
      </Card>
      <Row gutter={16}>
        {(
          [
            ['recencyDays', r.recencyDays === null ? '—' : formatNumber(r.recencyDays, locale)],
            ['orders30', formatNumber(r.orders30, locale)],
            ['ordersAll', formatNumber(r.ordersAll, locale)],
            ['spend365', money(r.spend365)],
            ['spendAll', money(r.spendAll)],
            ['aovFen', money(r.aovFen)],
          ] as const
        ).map(([key, value]) => (
          <Col span={4} key={key}>
            <Figure title={t(`customers.col.${key}`)} value={value} />
          </Col>
        ))}
      </Row>
      <CustomerTags customerId={r.id} tags={detail.tags} onChanged={reload} />
      <Row gutter={16}>
        <Col span={12}>
          <IdentitiesCard identities={detail.identities} />
        </Col>
        <Col span={12}>
          <MergesCard customerId={r.id} merges={detail.merges} onChanged={reload} />
        </Col>
      </Row>
      <OrdersGrid orders={detail.orders} />
    </>
  );
}
