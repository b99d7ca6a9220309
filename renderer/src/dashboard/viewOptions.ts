// ECharts options for the metric views: the MRR movement waterfall, the
// receivables aging bars and the CSAT trend. Each has a title saying what
// is measured, units on its axes and a tooltip with exact values.
import type { ResultOf } from '../../../shared/contract.js';
import type { ChartOption } from '../charts/Chart.js';
import {
  formatCount,
  formatMoney,
  formatMonth,
  formatNumber,
  formatPercent,
  type Locale,
  type Translate,
} from '../i18n/index.js';
import { escapeHtml } from './chartOptions.js';

export const WATERFALL_STEPS = [
  'start',
  'new',
  'expansion',
  'reactivation',
  'contraction',
  'churn',
  'currencyEffect',
  'end',
] as const;
export type WaterfallStep = (typeof WATERFALL_STEPS)[number];

/** The catalogue metric whose rows stand behind each bar. */
export const STEP_METRIC: Record<WaterfallStep, string> = {
  start: 'mrr',
  new: 'mrr_new',
  expansion: 'mrr_expansion',
  reactivation: 'mrr_reactivation',
  contraction: 'mrr_contraction',
  churn: 'mrr_churn',
  currencyEffect: 'mrr',
  end: 'mrr',
};

type Steps = ResultOf<'metrics.waterfall'>['steps'];

export type WaterfallTotals = Record<WaterfallStep, number | null>;

function sumOf(values: readonly (number | null)[]): number | null {
  let total = 0;
  for (const value of values) {
    if (value === null) return null;
    total += value;
  }
  return total;
}

/** The period's movements: each month's summed, start and end at the edges. */
export function waterfallTotals(steps: Steps): WaterfallTotals | null {
  const first = steps[0];
  const last = steps[steps.length - 1];
  if (!first || !last) return null;
  return {
    start: first.startMrr,
    new: sumOf(steps.map((step) => step.new)),
    expansion: sumOf(steps.map((step) => step.expansion)),
    reactivation: sumOf(steps.map((step) => step.reactivation)),
    contraction: sumOf(steps.map((step) => step.contraction)),
    churn: sumOf(steps.map((step) => step.churn)),
    currencyEffect: sumOf(steps.map((step) => step.currencyEffect)),
    end: last.endMrr,
  };
}

const DOWN: ReadonlySet<WaterfallStep> = new Set(['contraction', 'churn']);

export type Colours = { up: string; down: string; total: string };

/**
 * Bars floating on an invisible base: totals stand on zero, rises start at
 * the running total, falls hang from it. Values are the signed change.
 */
export function waterfallBars(totals: WaterfallTotals): {
  base: number[];
  size: number[];
  signed: (number | null)[];
  /** A floor for the value axis, so small movements stay visible. */
  floor: number;
} {
  const base: number[] = [];
  const size: number[] = [];
  const signed: (number | null)[] = [];
  let running = totals.start ?? 0;
  for (const step of WATERFALL_STEPS) {
    const raw = totals[step];
    if (step === 'start' || step === 'end') {
      base.push(0);
      size.push(raw ?? 0);
      signed.push(raw);
      if (step === 'end' && raw !== null) running = raw;
      continue;
    }
    const change = raw === null || raw === 0 ? 0 : DOWN.has(step) ? -raw : raw;
    const next = running + change;
    base.push(Math.min(running, next));
    size.push(Math.abs(change));
    signed.push(raw === null ? null : change);
    running = next;
  }
  return { base, size, signed, floor: axisFloor(base, size) };
}

/**
 * Where the value axis starts: zero, unless every bar's lowest point sits
 * well above it, when a round number under the lowest point gives the
 * movements room to be seen.
 */
export function axisFloor(
  base: readonly number[],
  size: readonly number[],
): number {
  const lows = base.map((value, index) =>
    value === 0 ? (size[index] ?? 0) : value,
  );
  const positives = lows.filter((value) => value > 0);
  if (positives.length !== lows.length || positives.length === 0) return 0;
  const lowest = Math.min(...positives);
  const highest = Math.max(...base.map((value, i) => value + (size[i] ?? 0)));
  if (highest - lowest > lowest) return 0;
  const step = 10 ** Math.floor(Math.log10(highest - lowest || lowest));
  return Math.max(
    0,
    Math.floor((lowest - (highest - lowest) * 0.5) / step) * step,
  );
}

function compact(locale: Locale, value: number): string {
  // Rounding leaves a tiny negative as "-0"; show it as the nothing it is.
  if (Math.abs(value) < 0.5) value = 0;
  return new Intl.NumberFormat(locale, {
    notation: 'compact',
    maximumFractionDigits: 1,
  }).format(value);
}

type AxisParam = { dataIndex: number };

export function waterfallOption(
  t: Translate,
  locale: Locale,
  totals: WaterfallTotals,
  currency: string,
  colours: Colours,
): { option: ChartOption; labels: string[]; summaries: string[] } {
  const labels = WATERFALL_STEPS.map((step) => t(`waterfall.${step}`));
  const { base, size, signed, floor } = waterfallBars(totals);
  const summaries = WATERFALL_STEPS.map((step, index) => {
    const value = signed[index] ?? null;
    const text =
      value === null
        ? t('value.none')
        : formatMoney(locale, value, currency, 2);
    return `${labels[index] ?? step}: ${text}`;
  });
  const colourOf = (step: WaterfallStep, index: number) => {
    if (step === 'start' || step === 'end') return colours.total;
    return (signed[index] ?? 0) < 0 ? colours.down : colours.up;
  };
  const option: ChartOption = {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: AxisParam[] | AxisParam) => {
        const first = Array.isArray(params) ? params[0] : params;
        const line = first ? summaries[first.dataIndex] : undefined;
        return line ? escapeHtml(line) : '';
      },
    },
    grid: { left: 16, right: 24, top: 40, bottom: 32, containLabel: true },
    xAxis: {
      type: 'category',
      data: labels,
      axisLabel: { interval: 0, rotate: 30, fontSize: 11 },
      triggerEvent: true,
    },
    yAxis: {
      type: 'value',
      min: floor,
      name: t('chart.axisMrr', { currency }),
      axisLabel: { formatter: (v: number) => compact(locale, v) },
    },
    series: [
      {
        type: 'bar',
        stack: 'waterfall',
        silent: true,
        itemStyle: { color: 'transparent' },
        emphasis: { disabled: true },
        data: base,
      },
      {
        type: 'bar',
        stack: 'waterfall',
        name: t('waterfall.title'),
        barMaxWidth: 56,
        label: {
          show: true,
          position: 'top',
          formatter: (param: { dataIndex: number }) => {
            const value = signed[param.dataIndex];
            return value === null || value === undefined
              ? ''
              : compact(locale, value);
          },
        },
        data: size.map((value, index) => ({
          value,
          itemStyle: {
            color: colourOf(WATERFALL_STEPS[index] ?? 'new', index),
          },
        })),
      },
    ],
  };
  return { option, labels, summaries };
}

type Aging = ResultOf<'metrics.aging'>;

export function agingOption(
  t: Translate,
  locale: Locale,
  aging: Aging,
): { option: ChartOption; labels: string[]; summaries: string[] } {
  const labels = aging.buckets.map((row) => agingLabel(t, row.bucket));
  const summaries = aging.buckets.map((row, index) => {
    const amount =
      row.amount === null
        ? t('value.none')
        : formatMoney(locale, row.amount, aging.currency, 2);
    return t('aging.summary', {
      bucket: labels[index] ?? row.bucket,
      amount,
      invoices: formatCount(locale, row.invoices),
    });
  });
  const option: ChartOption = {
    tooltip: {
      trigger: 'item',
      formatter: (param: { dataIndex: number }) =>
        escapeHtml(summaries[param.dataIndex] ?? ''),
    },
    grid: { left: 16, right: 24, top: 40, bottom: 40, containLabel: true },
    xAxis: {
      type: 'category',
      data: labels,
      name: t('chart.axisDaysLate'),
      nameLocation: 'middle',
      nameGap: 28,
      triggerEvent: true,
    },
    yAxis: {
      type: 'value',
      name: t('chart.axisReceivables', { currency: aging.currency }),
      // From the axis to the right, so that a long name is not cut.
      nameTextStyle: { align: 'left' },
      axisLabel: { formatter: (v: number) => compact(locale, v) },
    },
    series: [
      {
        type: 'bar',
        name: t('aging.title'),
        barMaxWidth: 56,
        data: aging.buckets.map((row) => row.amount),
      },
    ],
  };
  return { option, labels, summaries };
}

export function agingLabel(t: Translate, bucket: string): string {
  switch (bucket) {
    case 'current':
      return t('aging.current');
    case '1-30':
      return t('aging.1to30');
    case '31-60':
      return t('aging.31to60');
    case '61-90':
      return t('aging.61to90');
    case '90+':
      return t('aging.over90');
    default:
      return bucket;
  }
}

type Series = ResultOf<'metrics.series'>;

export function csatOption(
  t: Translate,
  locale: Locale,
  series: Series,
): {
  option: ChartOption;
  labels: string[];
  summaries: string[];
  hasData: boolean;
} {
  const share = series.series['csat'] ?? [];
  const mean = series.series['csat_mean'] ?? [];
  const labels = series.months.map((month) => formatMonth(locale, month));
  const summaries = series.months.map((_, index) => {
    const s = share[index]?.value ?? null;
    const m = mean[index]?.value ?? null;
    return t('csat.summary', {
      month: labels[index] ?? '',
      share: s === null ? t('value.none') : formatPercent(locale, s),
      mean: m === null ? t('value.none') : formatNumber(locale, m, 2),
    });
  });
  const hasData = share.some((value) => value.value !== null);
  const option: ChartOption = {
    tooltip: {
      trigger: 'axis',
      formatter: (params: AxisParam[] | AxisParam) => {
        const first = Array.isArray(params) ? params[0] : params;
        return first ? escapeHtml(summaries[first.dataIndex] ?? '') : '';
      },
    },
    legend: { top: 0 },
    grid: { left: 16, right: 16, top: 48, bottom: 24, containLabel: true },
    xAxis: { type: 'category', data: labels, triggerEvent: true },
    yAxis: [
      {
        type: 'value',
        name: t('chart.axisCsat'),
        min: 0,
        max: 100,
        axisLabel: { formatter: '{value}%' },
      },
      {
        type: 'value',
        name: t('chart.axisScore'),
        min: 1,
        max: 5,
        splitLine: { show: false },
      },
    ],
    series: [
      {
        type: 'line',
        name: t('metric.csat.name'),
        connectNulls: false,
        symbolSize: 7,
        data: share.map((value) =>
          value.value === null ? null : Math.round(value.value * 1000) / 10,
        ),
      },
      {
        type: 'line',
        name: t('metric.csat_mean.name'),
        yAxisIndex: 1,
        symbolSize: 5,
        lineStyle: { type: 'dashed' },
        data: mean.map((value) => value.value),
      },
    ],
  };
  return { option, labels, summaries, hasData };
}
