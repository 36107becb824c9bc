import { Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DashboardSummary } from '../../../../core/api/dashboard';
import { Figure } from '../../components/Figure';
import type { Locale } from '../../i18n';
import { formatMoney, formatNumber, formatPercent } from '../../shell/format';

interface Props {
  data: DashboardSummary;
  /** The period picked, in business days: the customer count follows it. */
  days: number;
  locale: Locale;
}

/**
 * The headline figures: buyers, orders, sales, and two shares of sales told apart (what a
 * member is: core/crm/customers/membership.ts): members' share, and the share of every
 * identified customer, members or not, each with a tip saying what it counts.
 */
export function DashboardFigures({ data, days, locale }: Props) {
  const { t } = useTranslation();
  const stores = data.storeIds.length > 0;
  const identified = data.memberSalesFen + data.otherCustomerSalesFen;
  const total = identified + data.anonymousSalesFen;
  const share = (fen: number) => (total > 0 ? formatPercent(fen / total, locale) : '—');

  return (
    <Row gutter={16} wrap={false} align="stretch">
      <Col flex="1 1 0">
        <Figure
          title={t(stores ? 'dashboard.customersInPeriodStores' : 'dashboard.customersInPeriod', {
            d: days,
          })}
          value={formatNumber(data.customersInPeriod, locale)}
        />
      </Col>
      <Col flex="1 1 0">
        {/* Orders in every currency: only the money tiles are yuan alone. */}
        <Figure
          title={t('dashboard.orders')}
          value={formatNumber(data.ordersAllCurrencies, locale)}
        />
      </Col>
      <Col flex="1 1 0">
        <Figure title={t('dashboard.sales')} value={formatMoney(data.salesFen, locale)} />
      </Col>
      <Col flex="1 1 0">
        <Figure
          title={t('dashboard.memberShare')}
          tip={t('dashboard.memberShareTip')}
          value={share(data.memberSalesFen)}
        />
      </Col>
      <Col flex="1 1 0">
        <Figure
          title={t('dashboard.identifiedShare')}
          tip={t('dashboard.identifiedShareTip')}
          value={share(identified)}
        />
      </Col>
    </Row>
  );
}
