import { Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DashboardSummary } from '../../../../core/api/dashboard';
import { Figure } from '../../components/Figure';
import type { Locale } from '../../i18n';
import { formatMoney, formatNumber, formatPercent } from '../../shell/format';
import { countedInShares, pieTotal } from './share';

interface Props {
  data: DashboardSummary;
  /** The period picked, in business days: the customer count follows it. */
  days: number;
  locale: Locale;
}

/**
 * The headline figures: buyers, orders, sales, and two shares of sales told apart (what a
 * member is: core/crm/customers/membership.ts): members' share, and the share of every
 * identified customer, members or not, each with a tip saying what it counts. A group whose
 * net is negative in the period (refunds of earlier sales) counts as 0 in the shares, so
 * they stay within 0–100 %, and the tips say so.
 */
export function DashboardFigures({ data, days, locale }: Props) {
  const { t } = useTranslation();
  const stores = data.storeIds.length > 0;
  const groups = [data.memberSalesFen, data.otherCustomerSalesFen, data.anonymousSalesFen];
  const [member = 0, other = 0] = groups.map(countedInShares);
  const total = pieTotal(groups);
  const share = (fen: number) => (total > 0 ? formatPercent(fen / total, locale) : '—');
  const negative = groups.some((fen) => fen < 0);
  const tip = (key: string) => (negative ? `${t(key)} ${t('dashboard.shareNegativeTip')}` : t(key));

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
          tip={tip('dashboard.memberShareTip')}
          value={share(member)}
        />
      </Col>
      <Col flex="1 1 0">
        <Figure
          title={t('dashboard.identifiedShare')}
          tip={tip('dashboard.identifiedShareTip')}
          value={share(member + other)}
        />
      </Col>
    </Row>
  );
}
