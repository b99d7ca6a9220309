// ECharts options for the Home charts. Tooltips are HTML that ECharts
// writes into the page, and group names come from imported files, so every
// piece of text in them is escaped.
import type { KpiValue } from '../../../shared/contract.js';
import type { SalesMetricId } from '../../../shared/metrics.js';
import type { ChartOption } from '../charts/Chart.js';
import { NO_GROUP } from '../grids/drill.js';
import {
  formatCount,
  formatMoney,
  formatPercent,
  type Locale,
  type Translate,
} from '../i18n/index.js';
import type { BreakdownMeasure } from './dashboardSlice.js';
import { byGroup, metricNameKey } from './kpiFormat.js';

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

type Row = {
  group: string;
  values: Partial<Record<SalesMetricId, number | null>>;
  currency: string;
};

function rowsOf(values: readonly KpiValue[], fallbackCurrency: string): Row[] {
  const rows: Row[] = [];
  for (const [group, metrics] of byGroup(values)) {
    if (group === null) continue;
    const row: Row = { group, values: {}, currency: fallbackCurrency };
    for (const [id, kpi] of metrics) {
      row.values[id] = kpi.value;
      if (kpi.currency) row.currency = kpi.currency;
    }
    rows.push(row);
  }
  return rows;
}

function compactNumber(locale: Locale, value: number): string {
  return new Intl.NumberFormat(locale, {
    notation: 'compact',
    maximumFractionDigits: 1,
  }).format(value);
}

/** One metric of a row as "Name: value", the value exact. */
function exactParts(
  t: Translate,
  locale: Locale,
  id: SalesMetricId,
  row: Row,
): { name: string; value: string } {
  const value = row.values[id];
  let text: string;
  if (value === undefined || value === null) text = t('value.none');
  else if (id === 'win_rate') text = formatPercent(locale, value);
  else if (id === 'bookings' || id === 'avg_won_deal_size') {
    text = formatMoney(locale, value, row.currency, 2);
  } else text = formatCount(locale, value);
  return { name: t(metricNameKey(id)), value: text };
}

/** The tooltip of a row (HTML) and the same facts as plain text. */
function describeRow(
  t: Translate,
  locale: Locale,
  title: string,
  ids: readonly SalesMetricId[],
  row: Row,
): { html: string; text: string } {
  const parts = ids.map((id) => exactParts(t, locale, id, row));
  const html = [
    `<b>${escapeHtml(title)}</b>`,
    ...parts.map(
      (part) => `${escapeHtml(part.name)}: <b>${escapeHtml(part.value)}</b>`,
    ),
  ].join('<br>');
  const text = [
    title,
    ...parts.map((part) => `${part.name}: ${part.value}`),
  ].join(t('drill.separator'));
  return { html, text };
}

/** What the page needs to turn a click on a chart into a drill. */
export type ChartItems = {
  /** The groups as `kpi.compute` named them, in chart order. */
  groups: string[];
  /** The category axis labels, in the same order. */
  labels: string[];
  /** Each item's exact values as plain text, for screen readers. */
  summaries: string[];
};

const QUARTER_LABEL = /^\d{4}-Q[1-4]$/;
const QUARTER_FACTS = [
  'bookings',
  'win_rate',
  'deals_won',
  'deals_lost',
] as const satisfies readonly SalesMetricId[];
const BREAKDOWN_FACTS = [
  'bookings',
  'win_rate',
  'deals_won',
  'avg_won_deal_size',
] as const satisfies readonly SalesMetricId[];

type AxisParam = { dataIndex: number };
type ItemParam = { dataIndex: number };

export function quarterOption(
  t: Translate,
  locale: Locale,
  values: readonly KpiValue[],
  currency: string,
): { option: ChartOption; isEmpty: boolean; items: ChartItems } {
  // Open deals without a close date form a group of their own; it has no
  // place on a time axis.
  const rows = rowsOf(values, currency)
    .filter((row) => QUARTER_LABEL.test(row.group))
    .sort((a, b) => a.group.localeCompare(b.group));
  const described = rows.map((row) =>
    describeRow(t, locale, row.group, QUARTER_FACTS, row),
  );
  const option: ChartOption = {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: AxisParam[] | AxisParam) => {
        const first = Array.isArray(params) ? params[0] : params;
        return first ? (described[first.dataIndex]?.html ?? '') : '';
      },
    },
    legend: { top: 0 },
    grid: { left: 80, right: 64, top: 48, bottom: 56 },
    xAxis: {
      type: 'category',
      data: rows.map((row) => row.group),
      name: t('chart.axisQuarter'),
      nameLocation: 'middle',
      nameGap: 32,
      // Clicking a quarter's label lists its deals, like its bar.
      triggerEvent: true,
    },
    yAxis: [
      {
        type: 'value',
        name: t('chart.axisBookings', { currency }),
        axisLabel: { formatter: (v: number) => compactNumber(locale, v) },
      },
      {
        type: 'value',
        name: t('chart.axisWinRate'),
        min: 0,
        max: 100,
        axisLabel: { formatter: '{value}%' },
        splitLine: { show: false },
      },
    ],
    series: [
      {
        type: 'bar',
        name: t('metric.bookings.name'),
        data: rows.map((row) => row.values.bookings ?? null),
        barMaxWidth: 48,
      },
      {
        type: 'line',
        name: t('metric.win_rate.name'),
        yAxisIndex: 1,
        data: rows.map((row) => {
          const rate = row.values.win_rate;
          return rate === null || rate === undefined
            ? null
            : Math.round(rate * 1000) / 10;
        }),
        symbolSize: 7,
      },
    ],
  };
  const groups = rows.map((row) => row.group);
  return {
    option,
    isEmpty: rows.length === 0,
    items: {
      groups,
      labels: groups,
      summaries: described.map((item) => item.text),
    },
  };
}

const MEASURE_AXIS = {
  bookings: 'chart.axisBookings',
  win_rate: 'chart.axisWinRate',
  deals_won: 'chart.axisDeals',
  avg_won_deal_size: 'chart.axisDealSize',
} as const;

export function breakdownOption(
  t: Translate,
  locale: Locale,
  values: readonly KpiValue[],
  measure: BreakdownMeasure,
  currency: string,
  limit: number | null,
): {
  option: ChartOption;
  groupCount: number;
  height: number;
  items: ChartItems;
} {
  const toChart = (row: Row) => {
    const value = row.values[measure];
    if (value === null || value === undefined) return null;
    return measure === 'win_rate' ? Math.round(value * 1000) / 10 : value;
  };
  const ranked = rowsOf(values, currency)
    .filter((row) => toChart(row) !== null)
    .sort((a, b) => (toChart(b) ?? 0) - (toChart(a) ?? 0));
  const rows = limit === null ? ranked : ranked.slice(0, limit);
  const labels = rows.map((row) =>
    row.group === NO_GROUP || row.group === ''
      ? t('chart.otherGroup')
      : row.group,
  );
  const described = rows.map((row, index) =>
    describeRow(t, locale, labels[index] ?? '', BREAKDOWN_FACTS, row),
  );
  const option: ChartOption = {
    tooltip: {
      trigger: 'item',
      formatter: (param: ItemParam) => described[param.dataIndex]?.html ?? '',
    },
    grid: { left: 8, right: 48, top: 8, bottom: 40, containLabel: true },
    xAxis: {
      type: 'value',
      name: t(MEASURE_AXIS[measure], { currency }),
      nameLocation: 'middle',
      nameGap: 28,
      max: measure === 'win_rate' ? 100 : undefined,
      axisLabel: {
        formatter: (v: number) =>
          measure === 'win_rate' ? `${v}%` : compactNumber(locale, v),
      },
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: labels,
      axisLabel: { width: 160, overflow: 'truncate' },
      triggerEvent: true,
    },
    series: [
      {
        type: 'bar',
        name: t(metricNameKey(measure)),
        data: rows.map(toChart),
        barMaxWidth: 22,
      },
    ],
  };
  const height = Math.max(240, rows.length * 22 + 72);
  return {
    option,
    groupCount: ranked.length,
    height,
    items: {
      groups: rows.map((row) => row.group),
      labels,
      summaries: described.map((item) => item.text),
    },
  };
}
