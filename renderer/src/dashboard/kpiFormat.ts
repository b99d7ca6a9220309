// How each KPI is written: its name, the shown text and the exact value
// behind it for the tooltip.
import type { KpiValue } from '../../../shared/contract.js';
import type { SalesMetricId } from '../../../shared/metrics.js';
import {
  formatCount,
  formatMoney,
  formatNumber,
  formatPercent,
  type Locale,
  type MessageKey,
  type Translate,
} from '../i18n/index.js';
import { showNote } from './metricText.js';

// The catalogue keys named by `SALES_METRICS`, checked against the catalogue.
export function metricNameKey(id: SalesMetricId): MessageKey {
  return `metric.${id}.name`;
}

export function metricFormulaKey(id: SalesMetricId): MessageKey {
  return `metric.${id}.formula`;
}

export type ShownValue = { text: string; exact: string };

export function showKpi(
  t: Translate,
  locale: Locale,
  kpi: KpiValue | undefined,
  baseCurrency: string,
): ShownValue {
  if (!kpi || kpi.value === null) {
    const note = kpi?.note ? showNote(t, locale, kpi.note) : null;
    return { text: t('value.none'), exact: note ?? t('value.noneHint') };
  }
  const value = kpi.value;
  switch (kpi.unit) {
    case 'count':
      return { text: formatCount(locale, value), exact: String(value) };
    case 'ratio':
      return {
        text: formatPercent(locale, value),
        exact: `${formatNumber(locale, value * 100, 4)}%`,
      };
    case 'currency': {
      const currency = kpi.currency ?? baseCurrency;
      return {
        text: formatMoney(locale, value, currency, 0),
        exact: formatMoney(locale, value, currency),
      };
    }
    case 'days': {
      const rounded = Math.round(value * 10) / 10;
      return {
        text: t('unit.days', { count: rounded }),
        exact: t('unit.days', { count: Math.round(value * 1000) / 1000 }),
      };
    }
  }
}

/** KPI values keyed by group, then by metric id. */
export function byGroup(
  values: readonly KpiValue[],
): Map<string | null, Map<KpiValue['id'], KpiValue>> {
  const groups = new Map<string | null, Map<KpiValue['id'], KpiValue>>();
  for (const value of values) {
    const key = value.group ?? value.period;
    let metrics = groups.get(key);
    if (!metrics) {
      metrics = new Map();
      groups.set(key, metrics);
    }
    metrics.set(value.id, value);
  }
  return groups;
}
