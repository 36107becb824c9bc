import type { EChartsCoreOption } from 'echarts/core';
import type { TFunction } from 'i18next';
import type { DashboardSummary } from '../../../../core/api/dashboard';
import type { Locale } from '../../i18n';
import { formatMoney } from '../../shell/format';
import { channelColor } from '../../theme';
import { formatShare, pieTotal } from './share';

/** Channel names come from the core as codes; unknown ones show as they are. */
function channelName(t: TFunction, code: string): string {
  return t(`channel.${code}`, code);
}

/** A slice's amount and its exact share of the pie (not echarts' percent, see share.ts). */
function yuanTooltip(locale: Locale, total: number) {
  return (p: { name: string; value: number }) =>
    `${p.name}: ${formatMoney(p.value, locale)} (${formatShare(p.value, total, locale)})`;
}

interface Slice {
  name: string;
  value: number;
  itemStyle?: { color: string };
}

/** A donut of money slices, labelled with their share; the tooltip shows the amount. */
function donutOption(data: Slice[], l: Locale): EChartsCoreOption {
  const total = pieTotal(data.map((s) => s.value));
  const label = (p: { name: string; value: number }) =>
    `${p.name}\n${formatShare(p.value, total, l)}`;
  return {
    tooltip: { trigger: 'item', formatter: yuanTooltip(l, total) },
    legend: { bottom: 0 },
    // A long name ("Other identified customers") wraps beside the donut instead of being cut.
    series: [
      {
        type: 'pie',
        radius: ['45%', '70%'],
        label: { formatter: label, overflow: 'break' },
        data,
      },
    ],
  };
}

export function channelMixOption(d: DashboardSummary, t: TFunction, l: Locale): EChartsCoreOption {
  const data = d.channelMix.map((c) => ({
    name: channelName(t, c.channel),
    value: c.salesFen,
    itemStyle: { color: channelColor(c.channel) },
  }));
  return donutOption(data, l);
}

/** Sales by who bought: members, other identified customers, anonymous buyers. */
export function memberShareOption(d: DashboardSummary, t: TFunction, l: Locale): EChartsCoreOption {
  const data = [
    { name: t('dashboard.members'), value: d.memberSalesFen },
    { name: t('dashboard.otherCustomers'), value: d.otherCustomerSalesFen },
    { name: t('dashboard.anonymous'), value: d.anonymousSalesFen },
  ];
  return donutOption(data, l);
}

export function monthlyOption(d: DashboardSummary, t: TFunction, l: Locale): EChartsCoreOption {
  const months = [...new Set(d.salesByMonth.map((s) => s.month))].sort();
  const channels = [...new Set(d.salesByMonth.map((s) => s.channel))];
  const value = (month: string, channel: string) =>
    d.salesByMonth.find((s) => s.month === month && s.channel === channel)?.salesFen ?? 0;
  return {
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v: number) => formatMoney(v, l),
    },
    legend: { bottom: 0 },
    grid: { left: 80, right: 16, top: 16, bottom: 48 },
    xAxis: { type: 'category', data: months },
    yAxis: {
      type: 'value',
      axisLabel: { formatter: (v: number) => formatMoney(v, l).replace(/\.00$/, '') },
    },
    series: channels.map((c) => ({
      type: 'bar',
      stack: 'sales',
      name: channelName(t, c),
      itemStyle: { color: channelColor(c) },
      data: months.map((m) => value(m, c)),
    })),
  };
}

export function lifecycleOption(d: DashboardSummary, t: TFunction): EChartsCoreOption {
  return {
    tooltip: { trigger: 'axis' },
    grid: { left: 72, right: 16, top: 16, bottom: 32 },
    xAxis: { type: 'value' },
    yAxis: {
      type: 'category',
      data: d.lifecycle.map((s) => t(`lifecycle.${s.stage}`, s.stage)),
    },
    series: [{ type: 'bar', data: d.lifecycle.map((s) => s.customers), barMaxWidth: 24 }],
  };
}
