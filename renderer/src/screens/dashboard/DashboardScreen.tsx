import { Alert, Button, Card, Col, Empty, Row, Segmented, Skeleton } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EChartsCoreOption } from 'echarts/core';
import type { DashboardSummary } from '../../../../core/api/dashboard';
import { EChart } from '../../components/EChart';
import { ErrorNote } from '../../components/ErrorNote';
import { Figure } from '../../components/Figure';
import type { Locale } from '../../i18n';
import { formatDate, formatMoney, formatNumber, formatPercent } from '../../shell/format';
import { useLocale } from '../../shell/locale';
import { navigate } from '../../shell/route';
import { useApi } from '../../shell/useApi';
import { channelMixOption, lifecycleOption, memberShareOption, monthlyOption } from './charts';

/** The chain at a glance: channel mix, members' share of sales, sales by month, lifecycle. */
export function DashboardScreen() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const [days, setDays] = useState(365);
  const summary = useApi('dashboard.summary', { days });

  return (
    <div>
      <Row justify="space-between" style={{ marginBottom: 16 }}>
        <Segmented
          aria-label={t('dashboard.period')}
          value={days}
          onChange={(v) => setDays(Number(v))}
          options={[30, 90, 365].map((d) => ({ value: d, label: t('dashboard.lastDays', { d }) }))}
        />
      </Row>
      <ErrorNote error={summary.error} onRetry={summary.reload} />
      {summary.loading && !summary.data ? <Skeleton active /> : null}
      {summary.data ? <DashboardBody data={summary.data} days={days} locale={locale} /> : null}
    </div>
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
  const total = data.memberSalesFen + data.anonymousSalesFen;
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
      <Row gutter={16}>
        <Col span={6}>
          <Figure
            title={t('dashboard.customersInPeriod', { d: days })}
            value={formatNumber(data.customersInPeriod, locale)}
          />
        </Col>
        <Col span={6}>
          {/* Orders in every currency: only the money tiles are yuan alone. */}
          <Figure
            title={t('dashboard.orders')}
            value={formatNumber(data.ordersAllCurrencies, locale)}
          />
        </Col>
        <Col span={6}>
          <Figure title={t('dashboard.sales')} value={formatMoney(data.salesFen, locale)} />
        </Col>
        <Col span={6}>
          <Figure
            title={t('dashboard.memberShare')}
            value={total > 0 ? formatPercent(data.memberSalesFen / total, locale) : '—'}
          />
        </Col>
      </Row>
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
          <Card title={t('dashboard.lifecycle')}>
            <ChartOrEmpty
              option={options.lifecycle}
              label={t('dashboard.lifecycle')}
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
