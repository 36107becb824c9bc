import { Alert, Card, Segmented, Skeleton, Space } from 'antd';
import type { EChartsCoreOption } from 'echarts/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RfmCell } from '../../../../core/api/tags';
import { EChart } from '../../components/EChart';
import { ErrorNote } from '../../components/ErrorNote';
import type { Locale } from '../../i18n';
import { formatMoney, formatNumber } from '../../shell/format';
import { useLocale } from '../../shell/locale';
import { navigate } from '../../shell/route';
import { useApi } from '../../shell/useApi';
import { palette } from '../../theme';

type Measure = 'avgSpendFen' | 'spendFen' | 'customers';

/** R × F cells coloured by spend; a click lists that cell's customers. */
export function RfmScreen() {
  const { t } = useTranslation();
  const { locale } = useLocale();
  const grid = useApi('rfm.grid', {});
  const unscored = useApi('rfm.unscored', {});
  const [chosen, setMeasure] = useState<Measure | null>(null);
  // Spend colours add yuan only: with no yuan spend at all (a UK shop's file) they would all
  // be blank, so the cells are coloured by how many customers they hold until one is chosen.
  const noYuan = (grid.data ?? []).every((c) => c.spendFen === 0);
  const measure = chosen ?? (grid.data && noYuan ? 'customers' : 'avgSpendFen');
  const option = useMemo(
    () => heatmapOption(grid.data ?? [], measure, t, locale),
    [grid.data, measure, t, locale],
  );
  // Spend colours add yuan only: customers in other currencies are counted, not added.
  const others = (grid.data ?? []).reduce((n, c) => n + c.otherCurrencyCustomers, 0);

  return (
    <Card
      title={t('rfm.title')}
      extra={
        <Space>
          <span className="muted">{t('rfm.colourBy')}</span>
          <Segmented
            aria-label={t('rfm.colourBy')}
            value={measure}
            onChange={(v) => setMeasure(v as Measure)}
            options={[
              { value: 'avgSpendFen', label: t('rfm.avgSpend') },
              { value: 'spendFen', label: t('rfm.totalSpend') },
              { value: 'customers', label: t('rfm.customers') },
            ]}
          />
        </Space>
      }
    >
      <p className="muted">{t('rfm.hint')}</p>
      {others > 0 ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('rfm.otherCurrencies', { count: others, n: formatNumber(others, locale) })}
        />
      ) : null}
      {(unscored.data?.customers ?? 0) > 0 ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('rfm.unscored', {
            count: unscored.data!.customers,
            n: formatNumber(unscored.data!.customers, locale),
          })}
        />
      ) : null}
      <ErrorNote error={grid.error} onRetry={grid.reload} />
      {grid.loading && !grid.data ? <Skeleton active /> : null}
      <EChart
        option={option}
        height={520}
        ariaLabel={t('rfm.title')}
        onClick={(e) => {
          const [r, f] = (e.data as [number, number, number]).map(Number);
          navigate('customers', '', { rfm: `${(r ?? 0) + 1}-${(f ?? 0) + 1}` });
        }}
      />
    </Card>
  );
}

function heatmapOption(
  cells: RfmCell[],
  measure: Measure,
  t: (key: string, o?: Record<string, unknown>) => string,
  locale: Locale,
): EChartsCoreOption {
  const scores = ['1', '2', '3', '4', '5'];
  const max = Math.max(1, ...cells.map((c) => c[measure]));
  const byCell = new Map(cells.map((c) => [`${c.r}-${c.f}`, c]));
  return {
    tooltip: {
      formatter: (p: { data: [number, number, number] }) => {
        const cell = byCell.get(`${p.data[0] + 1}-${p.data[1] + 1}`);
        if (!cell) return '';
        return [
          `R${cell.r} · F${cell.f}`,
          t('rfm.tipCustomers', { count: cell.customers, n: formatNumber(cell.customers, locale) }),
          t('rfm.tipSpend', { v: formatMoney(cell.spendFen, locale) }),
          t('rfm.tipAvg', { v: formatMoney(cell.avgSpendFen, locale) }),
          ...(cell.otherCurrencyCustomers > 0
            ? [t('rfm.tipOthers', { n: formatNumber(cell.otherCurrencyCustomers, locale) })]
            : []),
        ].join('<br/>');
      },
    },
    grid: { left: 80, right: 120, top: 24, bottom: 56 },
    xAxis: {
      type: 'category',
      data: scores,
      name: t('rfm.recency'),
      nameLocation: 'middle',
      nameGap: 30,
      splitArea: { show: true },
    },
    yAxis: {
      type: 'category',
      data: scores,
      name: t('rfm.frequency'),
      nameLocation: 'middle',
      nameGap: 40,
      splitArea: { show: true },
    },
    visualMap: {
      min: 0,
      max,
      calculable: true,
      orient: 'vertical',
      right: 8,
      top: 'middle',
      inRange: { color: palette.heat },
      formatter: (v: number) =>
        measure === 'customers'
          ? formatNumber(Math.round(v), locale)
          : formatMoney(Math.round(v), locale),
    },
    series: [
      {
        type: 'heatmap',
        data: cells.map((c) => [c.r - 1, c.f - 1, c[measure]]),
        label: {
          show: true,
          formatter: (p: { data: [number, number, number] }) =>
            formatNumber(byCell.get(`${p.data[0] + 1}-${p.data[1] + 1}`)?.customers ?? 0, locale),
        },
        emphasis: { itemStyle: { borderColor: '#333', borderWidth: 1 } },
      },
    ],
  };
}
