import { BarChart, HeatmapChart, LineChart, PieChart } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import type { EChartsCoreOption, ECElementEvent } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { chartThemeFor } from '../shell/fonts';
import { useLocale } from '../shell/locale';

echarts.use([
  BarChart,
  HeatmapChart,
  LineChart,
  PieChart,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  VisualMapComponent,
  CanvasRenderer,
]);

interface Props {
  option: EChartsCoreOption;
  height?: number;
  onClick?: (event: ECElementEvent) => void;
  ariaLabel?: string;
}

/**
 * An echarts chart in the console's theme that follows its container's width, its text
 * in the page's fonts for the language on screen (switched with the language).
 */
export function EChart({ option, height = 320, onClick, ariaLabel }: Props) {
  const { locale } = useLocale();
  const host = useRef<HTMLDivElement>(null);
  const themed = useRef(locale);
  const chart = useRef<echarts.ECharts | null>(null);
  const clickRef = useRef(onClick);

  useEffect(() => {
    clickRef.current = onClick;
  }, [onClick]);

  useEffect(() => {
    if (!host.current) return undefined;
    const instance = echarts.init(host.current, chartThemeFor(themed.current));
    chart.current = instance;
    instance.on('click', (event) => clickRef.current?.(event as ECElementEvent));
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(host.current);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (themed.current === locale) return;
    themed.current = locale;
    chart.current?.setTheme(chartThemeFor(locale));
  }, [locale]);

  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);

  return <div ref={host} role="img" aria-label={ariaLabel} style={{ width: '100%', height }} />;
}
