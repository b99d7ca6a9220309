// The sales metric catalogue: ids, units and the definitions shown in the
// product beside every number.

export const SALES_METRIC_IDS = [
  'deals_won',
  'deals_lost',
  'deals_open',
  'win_rate',
  'bookings',
  'avg_won_deal_size',
  'median_sales_cycle_days',
  'mean_sales_cycle_days',
] as const;

export type SalesMetricId = (typeof SALES_METRIC_IDS)[number];

export const KPI_DIMENSIONS = [
  'owner',
  'manager',
  'region',
  'product',
  'industry',
  'quarter',
] as const;

export type KpiDimension = (typeof KPI_DIMENSIONS)[number];

export type MetricUnit = 'count' | 'ratio' | 'currency' | 'days';

export type MetricDefinition = {
  id: SalesMetricId;
  unit: MetricUnit;
  direction: 'higher_is_better' | 'lower_is_better' | 'neutral';
  /** Message-catalogue keys for the name and the formula text. */
  nameKey: string;
  formulaKey: string;
};

export const SALES_METRICS: Record<SalesMetricId, MetricDefinition> = {
  deals_won: {
    id: 'deals_won',
    unit: 'count',
    direction: 'higher_is_better',
    nameKey: 'metric.deals_won.name',
    formulaKey: 'metric.deals_won.formula',
  },
  deals_lost: {
    id: 'deals_lost',
    unit: 'count',
    direction: 'lower_is_better',
    nameKey: 'metric.deals_lost.name',
    formulaKey: 'metric.deals_lost.formula',
  },
  deals_open: {
    id: 'deals_open',
    unit: 'count',
    direction: 'neutral',
    nameKey: 'metric.deals_open.name',
    formulaKey: 'metric.deals_open.formula',
  },
  win_rate: {
    id: 'win_rate',
    unit: 'ratio',
    direction: 'higher_is_better',
    nameKey: 'metric.win_rate.name',
    formulaKey: 'metric.win_rate.formula',
  },
  bookings: {
    id: 'bookings',
    unit: 'currency',
    direction: 'higher_is_better',
    nameKey: 'metric.bookings.name',
    formulaKey: 'metric.bookings.formula',
  },
  avg_won_deal_size: {
    id: 'avg_won_deal_size',
    unit: 'currency',
    direction: 'higher_is_better',
    nameKey: 'metric.avg_won_deal_size.name',
    formulaKey: 'metric.avg_won_deal_size.formula',
  },
  median_sales_cycle_days: {
    id: 'median_sales_cycle_days',
    unit: 'days',
    direction: 'lower_is_better',
    nameKey: 'metric.median_sales_cycle_days.name',
    formulaKey: 'metric.median_sales_cycle_days.formula',
  },
  mean_sales_cycle_days: {
    id: 'mean_sales_cycle_days',
    unit: 'days',
    direction: 'lower_is_better',
    nameKey: 'metric.mean_sales_cycle_days.name',
    formulaKey: 'metric.mean_sales_cycle_days.formula',
  },
};

export function isSalesMetricId(value: string): value is SalesMetricId {
  return (SALES_METRIC_IDS as readonly string[]).includes(value);
}
