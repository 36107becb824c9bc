import type { EChartsCoreOption } from 'echarts/core';
import type { TFunction } from 'i18next';
import type { DashboardSummary } from '../../../../core/api/dashboard';
import type { Locale } from '../../i18n';
import { formatMoney } from '../../shell/format';
import { channelColor } from '../../theme';
import { countedInShares, formatShare, pieTotal } from './share';

/** Channel names come from the core as codes; unknown ones show as they are. */
function channelName(t: TFunction, code: string): string {
  return t(`channel.${code}`, code);
}

interface Slice {
  name: string;
  value: number;
  itemStyle?: { color: string };
}

/** A slice as drawn: its value counted in shares, its net kept for the tooltip. */
interface DrawnSlice extends Slice {
  net: number;
}

/**
 * A slice's net amount and its exact share of the pie (not echarts' percent, see share.ts);
 * a slice whose net is negative says it counts as 0.
 */
function yuanTooltip(t: TFunction, locale: Locale, total: number) {
  return (p: { name: string; value: number; data: DrawnSlice }) => {
    const money = formatMoney(p.data.net, locale);
    const share = formatShare(p.value, total, locale);
    if (p.data.net >= 0) return `${p.name}: ${money} (${share})`;
    return `${p.name}: ${money} (${share})<br/>${t('dashboard.sliceNegativeTip')}`;
  };
}

/**
 * A donut of money slices, labelled with their share; the tooltip shows the amount. A slice
 * whose net is negative is drawn as 0 (countedInShares), so the shares stay within 0–100 %.
 */
function donutOption(slices: Slice[], t: TFunction, l: Locale): EChartsCoreOption {
  const data: DrawnSlice[] = slices.map((s) => ({
    ...s,
    value: countedInShares(s.value),
    net: s.value,
  }));
  const total = pieTotal(slices.map((s) => s.value));
  const label = (p: { name: string; value: number }) =>
    `${p.name}\n${formatShare(p.value, total, l)}`;
  return {
    tooltip: { trigger: 'item', formatter: yuanTooltip(t, l, total) },
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
  return donutOption(data, t, l);
}

/** Sales by who bought: members, other identified customers, anonymous buyers. */
export function memberShareOption(d: DashboardSummary, t: TFunction, l: Locale): EChartsCoreOption {
  const data = [
    { name: t('dashboard.members'), value: d.memberSalesFen },
    { name: t('dashboard.otherCustomers'), value: d.otherCustomerSalesFen },
    { name: t('dashboard.anonymous'), value: d.anonymousSalesFen },
  ];
  return donutOption(data, t, l);
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
