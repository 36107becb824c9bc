import { QuestionCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, Row, Segmented, Skeleton, Space, Tooltip } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EChartsCoreOption } from 'echarts/core';
import type { DashboardSummary } from '../../../../core/api/dashboard';
import { EChart } from '../../components/EChart';
import { ErrorNote } from '../../components/ErrorNote';
import { StoreSelect } from '../../components/StoreSelect';
import type { Locale } from '../../i18n';
import { formatDate, formatMoney, formatNumber } from '../../shell/format';
import { useLocale } from '../../shell/locale';
import { navigate } from '../../shell/route';
import { useApi } from '../../shell/useApi';
import { channelMixOption, lifecycleOption, memberShareOption, monthlyOption } from './charts';
import { DashboardFigures } from './DashboardFigures';
import { keepDashboardView, keptDashboardView } from './dashboardView';

/**
 * The chain at a glance, or some of its stores (a franchise owner's own): channel mix,
 * members' share of sales, sales by month, lifecycle. Period and stores are kept while
 * moving between screens.
 */
export function DashboardScreen() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [view, setView] = useState(keptDashboardView);
  const { days, storeIds } = view;
  const summary = useApi('dashboard.summary', { days, storeIds });
  useEffect(() => keepDashboardView(view), [view]);

  return (
    <div>
      <Space wrap style={{ marginBottom: 16 }}>
        <Segmented
          aria-label={t('dashboard.period')}
          value={days}
          onChange={(v) => setView({ ...view, days: Number(v) })}
          options={[30, 90, 365].map((d) => ({ value: d, label: t('dashboard.lastDays', { d }) }))}
        />
        <StorePicker value={storeIds} onChange={(ids) => setView({ ...view, storeIds: ids })} />
      </Space>
      <ErrorNote error={summary.error} onRetry={summary.reload} />
      {summary.loading && !summary.data ? <Skeleton active /> : null}
      {summary.data ? <DashboardBody data={summary.data} days={days} locale={locale} /> : null}
    </div>
  );
}

/**
 * Which stores the figures are for: none picked is the whole chain. Stores are listed and
 * found by code and name; ids no longer in the file (after a demo reset) are let go.
 */
function StorePicker({ value, onChange }: { value: number[]; onChange(ids: number[]): void }) {
  const { t } = useTranslation();
  const stores = useApi('stores.list', {});
  const known = stores.data;
  useEffect(() => {
    if (!known) return;
    const kept = value.filter((id) => known.some((s) => s.id === id));
    if (kept.length !== value.length) onChange(kept);
  }, [known, value, onChange]);

  return (
    <StoreSelect
      stores={known}
      loading={stores.loading}
      value={value}
      onChange={onChange}
      label={t('dashboard.stores')}
      placeholder={t('dashboard.allStores')}
      width={420}
    />
  );
}

interface BodyProps {
  data: DashboardSummary;
  /** The period picked, in business days: the customer count follows it. */
  days: number;
  locale: Locale;
}

function DashboardBody({ data, days, locale }: BodyProps) {
  const { t } = useTranslation();
  const total = data.memberSalesFen + data.otherCustomerSalesFen + data.anonymousSalesFen;
  const stores = data.storeIds.length > 0;
  const options = useMemo(
    () => ({
      mix: channelMixOption(data, t, locale),
      members: memberShareOption(data, t, locale),
      monthly: monthlyOption(data, t, locale),
      lifecycle: lifecycleOption(data, t),
    }),
    [data, t, locale],
  );

  return (
    <>
      <NothingInPeriod data={data} days={days} />
      <OtherCurrencies data={data} locale={locale} />
      <DashboardFigures data={data} days={days} locale={locale} />
      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col span={12}>
          <Card title={t('dashboard.channelMix')}>
            <ChartOrEmpty
              option={options.mix}
              label={t('dashboard.channelMix')}
              empty={data.channelMix.some((c) => c.salesFen > 0) ? null : t('dashboard.noSales')}
            />
          </Card>
        </Col>
        <Col span={12}>
          <Card title={t('dashboard.memberVsAnonymous')}>
            <ChartOrEmpty
              option={options.members}
              label={t('dashboard.memberVsAnonymous')}
              empty={total > 0 ? null : t('dashboard.noSales')}
            />
          </Card>
        </Col>
      </Row>
      <Row gutter={16} style={{ marginTop: 16 }}>
        <Col span={16}>
          <Card title={t('dashboard.salesByMonth')}>
            <ChartOrEmpty
              option={options.monthly}
              label={t('dashboard.salesByMonth')}
              empty={data.salesByMonth.length > 0 ? null : t('dashboard.noSalesByMonth')}
            />
          </Card>
        </Col>
        <Col span={8}>
          <Card
            title={
              stores ? (
                <Tooltip title={t('dashboard.lifecycleStoresTip')}>
                  <Space size={4}>
                    {t('dashboard.lifecycleStores')}
                    <QuestionCircleOutlined />
                  </Space>
                </Tooltip>
              ) : (
                t('dashboard.lifecycle')
              )
            }
          >
            <ChartOrEmpty
              option={options.lifecycle}
              label={t(stores ? 'dashboard.lifecycleStores' : 'dashboard.lifecycle')}
              empty={
                data.lifecycle.some((s) => s.customers > 0) ? null : t('dashboard.noCustomers')
              }
            />
          </Card>
        </Col>
      </Row>
      <p className="muted" style={{ marginTop: 12 }}>
        {t('dashboard.asOf', { asOf: formatDate(data.asOf, locale) })}
      </p>
    </>
  );
}

interface ChartProps {
  option: EChartsCoreOption;
  label: string;
  /** What to say instead of the chart when there is nothing to draw; null: draw it. */
  empty: string | null;
}

/**
 * A chart, or a sentence when there is nothing to draw: with no yuan sold in the period a
 * donut would split 0 into equal halves and read 0 % / 0 % (an empty database, say).
 */
function ChartOrEmpty({ option, label, empty }: ChartProps) {
  if (empty !== null) {
    return (
      <div style={{ height: 320, display: 'grid' }}>
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={empty}
          style={{ alignSelf: 'center' }}
        />
      </div>
    );
  }
  return <EChart option={option} ariaLabel={label} />;
}

/**
 * A period without a single order while the chain has older ones (a history imported
 * from years ago, say): says when the newest order was and where to move the clock to
 * look at it, instead of leaving every figure at zero without a word.
 */
function NothingInPeriod({ data, days }: { data: DashboardSummary; days: number }) {
  const { t } = useTranslation();
  const empty = data.channelMix.length === 0 && data.otherCurrencies.length === 0;
  if (!empty || data.latestOrderDay === null) return null;
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      title={t('dashboard.nothingInPeriod', { d: days, day: data.latestOrderDay })}
      action={
        <Button size="small" onClick={() => navigate('settings')}>
          {t('dashboard.openSettings')}
        </Button>
      }
    />
  );
}

/**
 * The sales figures are yuan only (core/crm/customers/dashboard.ts): the orders in other
 * currencies they leave out are named here, with their own amounts, so none is hidden.
 */
function OtherCurrencies({ data, locale }: { data: DashboardSummary; locale: Locale }) {
  const { t } = useTranslation();
  if (data.otherCurrencies.length === 0) return null;
  const list = data.otherCurrencies
    .map((o) =>
      t('dashboard.otherCurrency', {
        count: o.orders,
        n: formatNumber(o.orders, locale),
        currency: o.currency,
        amount: formatMoney(o.amountMinor, locale, o.currency),
      }),
    )
    .join(t('dashboard.listSeparator'));
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 16 }}
      title={t('dashboard.otherCurrencies', { list })}
    />
  );
}
