// The one ECharts wrapper: creates a chart on a div, feeds it options,
// follows the container's size and the system theme, and cleans up. A
// chart may let its items be picked, by mouse or from the keyboard.
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
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
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

/** Items a person can pick: a bar, a point or a category label. */
export type ChartPick = {
  /** The category axis labels, in item order. */
  labels: readonly string[];
  /** Each item as plain text, read out while moving with the keyboard. */
  summaries: readonly string[];
  /** How to pick, shown under the chart and said to screen readers. */
  hint: string;
  onPick(dataIndex: number, seriesIndex: number): void;
};

type ChartProps = {
  option: ChartOption;
  /** Names the chart for screen readers; the title inside is drawn. */
  label: string;
  height?: number;
  testId?: string;
  pick?: ChartPick;
  /** Offers a PNG download under this file name (without extension). */
  exportAs?: { fileName: string; buttonLabel: string };
};

/** What ECharts tells a click listener; only the fields read here. */
type ClickParams = {
  componentType?: string;
  seriesIndex?: number;
  dataIndex?: number;
  value?: unknown;
};

function pickedBy(params: ClickParams, pick: ChartPick) {
  if (params.componentType === 'series') {
    const { dataIndex, seriesIndex } = params;
    if (dataIndex === undefined) return null;
    return { dataIndex, seriesIndex: seriesIndex ?? 0 };
  }
  const isAxis =
    params.componentType === 'xAxis' || params.componentType === 'yAxis';
  if (!isAxis || typeof params.value !== 'string') return null;
  const dataIndex = pick.labels.indexOf(params.value);
  return dataIndex < 0 ? null : { dataIndex, seriesIndex: 0 };
}

const NEXT_KEYS = new Set(['ArrowRight', 'ArrowDown']);
const PREVIOUS_KEYS = new Set(['ArrowLeft', 'ArrowUp']);

export function Chart({
  option,
  label,
  height = 320,
  testId,
  pick,
  exportAs,
}: ChartProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<echarts.ECharts | null>(null);
  const pickRef = useRef<ChartPick | undefined>(pick);
  const [activeIndex, setActiveIndex] = useState<number | null>(null);
  const hintId = useId();
  const scheme = useColorScheme();
  const isMotionReduced = useReducedMotion();

  useEffect(() => {
    pickRef.current = pick;
  }, [pick]);

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
    chart.on('click', (params) => {
      const current = pickRef.current;
      if (!current) return;
      const picked = pickedBy(params as ClickParams, current);
      if (picked) current.onPick(picked.dataIndex, picked.seriesIndex);
    });
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

  const itemCount = pick?.labels.length ?? 0;
  // The items may change under the keyboard (a new period); stay in range.
  const shownIndex =
    activeIndex === null || itemCount === 0
      ? null
      : Math.min(activeIndex, itemCount - 1);

  useEffect(() => {
    const chart = chartRef.current;
    if (!chart || shownIndex === null) return;
    chart.dispatchAction({
      type: 'highlight',
      seriesIndex: 0,
      dataIndex: shownIndex,
    });
    chart.dispatchAction({
      type: 'showTip',
      seriesIndex: 0,
      dataIndex: shownIndex,
    });
    return () => {
      if (chart.isDisposed()) return;
      chart.dispatchAction({
        type: 'downplay',
        seriesIndex: 0,
        dataIndex: shownIndex,
      });
      chart.dispatchAction({ type: 'hideTip' });
    };
  }, [shownIndex, option]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!pick || itemCount === 0) return;
    const from = shownIndex ?? -1;
    let next: number | null = null;
    if (NEXT_KEYS.has(event.key)) next = Math.min(from + 1, itemCount - 1);
    else if (PREVIOUS_KEYS.has(event.key)) next = Math.max(from - 1, 0);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = itemCount - 1;
    else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      if (shownIndex !== null) pick.onPick(shownIndex, 0);
      return;
    }
    if (next === null) return;
    event.preventDefault();
    setActiveIndex(next);
  };

  const savePng = () => {
    const chart = chartRef.current;
    if (!chart || !exportAs) return;
    // The page's surface colour, so the picture reads as it did on screen.
    const background =
      getComputedStyle(containerRef.current ?? document.body)
        .getPropertyValue('--surface')
        .trim() || '#ffffff';
    const url = chart.getDataURL({
      type: 'png',
      pixelRatio: 2,
      backgroundColor: background,
    });
    const link = document.createElement('a');
    link.href = url;
    link.download = `${exportAs.fileName}.png`;
    link.click();
  };

  // A chart that only shows is one image; a pickable one is a control.
  return (
    <div className="chart-frame">
      {exportAs && (
        <button
          type="button"
          className="chart-export link small"
          data-testid={testId ? `${testId}-png` : undefined}
          onClick={savePng}
        >
          {exportAs.buttonLabel}
        </button>
      )}
      <div
        ref={containerRef}
        className={pick ? 'chart is-pickable' : 'chart'}
        role={pick ? 'group' : 'img'}
        tabIndex={pick ? 0 : undefined}
        aria-label={label}
        aria-describedby={pick ? hintId : undefined}
        data-testid={testId}
        style={{ height }}
        onKeyDown={onKeyDown}
        onBlur={() => setActiveIndex(null)}
      />
      {pick && (
        <>
          <p id={hintId} className="chart-hint muted small">
            {pick.hint}
          </p>
          <p className="visually-hidden" aria-live="polite">
            {shownIndex === null ? '' : (pick.summaries[shownIndex] ?? '')}
          </p>
        </>
      )}
    </div>
  );
}
