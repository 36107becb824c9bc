import { themeQuartz } from 'ag-grid-community';
import type { ThemeConfig } from 'antd';

/**
 * One palette for the whole console, so Ant Design, ag-grid and echarts look like one
 * product. Change colours here only.
 */
export const palette = {
  primary: '#1f6feb',
  success: '#2e9d5b',
  warning: '#d48806',
  error: '#cf1322',
  text: '#1f2329',
  textSecondary: '#646a73',
  border: '#e5e6eb',
  headerBg: '#f5f7fa',
  pageBg: '#f2f3f5',
  /** Series colours for charts, in the order channels and segments are drawn. */
  series: ['#1f6feb', '#2e9d5b', '#f29d38', '#8e5cd9', '#e3576b', '#1aa5b8', '#a0a7b4'],
  /** Low → high for heatmaps. */
  heat: ['#eef4ff', '#b7d0fb', '#6e9ef5', '#1f6feb', '#0b3f99'],
};

/** One colour per sales channel (by channel code), so every chart shows a channel alike. */
export const channelColors: Record<string, string> = {
  pos: '#1f6feb',
  miniprogram: '#2e9d5b',
  delivery: '#f29d38',
  online: '#8e5cd9',
  marketplace: '#e3576b',
};

/** A channel's colour; a channel the map does not know gets the neutral grey. */
export function channelColor(code: string): string {
  return channelColors[code] ?? '#a0a7b4';
}

export const fontFamily =
  "-apple-system, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', " +
  "'Noto Sans CJK SC', 'Noto Sans SC', 'Helvetica Neue', Arial, sans-serif";

export const antdTheme: ThemeConfig = {
  token: {
    colorPrimary: palette.primary,
    colorSuccess: palette.success,
    colorWarning: palette.warning,
    colorError: palette.error,
    colorText: palette.text,
    colorTextSecondary: palette.textSecondary,
    colorBorder: palette.border,
    colorBgLayout: palette.pageBg,
    borderRadius: 6,
    fontFamily,
    fontSize: 14,
  },
  components: {
    Layout: { headerBg: '#ffffff', siderBg: '#ffffff', headerHeight: 56, headerPadding: '0 24px' },
    Menu: { itemBorderRadius: 6 },
  },
};

export const gridTheme = themeQuartz.withParams({
  accentColor: palette.primary,
  foregroundColor: palette.text,
  borderColor: palette.border,
  headerBackgroundColor: palette.headerBg,
  headerTextColor: palette.textSecondary,
  fontFamily,
  fontSize: 13,
  headerFontSize: 13,
  borderRadius: 6,
  wrapperBorderRadius: 6,
  rowHeight: 40,
  headerHeight: 40,
});

/** The echarts theme object (registered once as 'console'). */
export const chartTheme = {
  color: palette.series,
  backgroundColor: 'transparent',
  textStyle: { fontFamily, color: palette.text },
  title: { textStyle: { color: palette.text, fontWeight: 600, fontSize: 14 } },
  legend: { textStyle: { color: palette.textSecondary } },
  categoryAxis: {
    axisLine: { lineStyle: { color: palette.border } },
    axisLabel: { color: palette.textSecondary },
    splitLine: { lineStyle: { color: palette.border } },
  },
  valueAxis: {
    axisLine: { lineStyle: { color: palette.border } },
    axisLabel: { color: palette.textSecondary },
    splitLine: { lineStyle: { color: palette.border } },
  },
};
