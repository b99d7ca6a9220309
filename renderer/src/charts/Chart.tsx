// The one ECharts wrapper: creates a chart on a div, feeds it options,
// follows the container's size and the system theme, and cleans up.
import { BarChart, LineChart } from 'echarts/charts';
import {
  DatasetComponent,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';
import { useColorScheme } from '../common/useColorScheme.js';
import { useReducedMotion } from '../common/useReducedMotion.js';

echarts.use([
  BarChart,
  LineChart,
  DatasetComponent,
  GridComponent,
  LegendComponent,
  TitleComponent,
  TooltipComponent,
  CanvasRenderer,
]);

// Chosen to stay apart for common colour-vision deficiencies and to keep
// contrast on both backgrounds.
const PALETTE = {
  light: ['#2f6fdf', '#d9622b', '#13876b', '#8a5cd1', '#b0892c'],
  dark: ['#6b9bff', '#ff9a5c', '#4fd1a5', '#b894ff', '#e3c15c'],
};

export type ChartOption = echarts.EChartsCoreOption;

type ChartProps = {
  option: ChartOption;
  /** Names the chart for screen readers; the title inside is drawn. */
  label: string;
  height?: number;
  testId?: string;
};

export function Chart({ option, label, height = 320, testId }: ChartProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);
  const scheme = useColorScheme();
  const isMotionReduced = useReducedMotion();

  useEffect(() => {
    const container = containerRef.current;
    if (!container) return;
    const chart = echarts.init(
      container,
      scheme === 'dark' ? 'dark' : undefined,
      {
        renderer: 'canvas',
      },
    );
    chartRef.current = chart;
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(container);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, [scheme]);

  useEffect(() => {
    chartRef.current?.setOption(
      {
        backgroundColor: 'transparent',
        color: PALETTE[scheme],
        animation: !isMotionReduced,
        animationDuration: 300,
        animationDurationUpdate: 300,
        ...option,
      },
      { notMerge: true },
    );
  }, [option, scheme, isMotionReduced]);

  return (
    <div
      ref={containerRef}
      className="chart"
      role="img"
      aria-label={label}
      data-testid={testId}
      style={{ height }}
    />
  );
}
