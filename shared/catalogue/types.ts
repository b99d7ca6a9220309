// The shape of a metric in the catalogue. The English name and formula are
// the reference definitions (printed by `revops kpi --explain` and shown in
// the product); other languages translate them in the message catalogues
// under `metric.<id>.name`, `metric.<id>.formula` and
// `metric.<id>.convention`.

/** `multiple`: a ratio read as "so many times", e.g. a quick ratio of 4.2×. */
export type MetricUnit =
  'count' | 'ratio' | 'currency' | 'days' | 'months' | 'score' | 'multiple';

export type MetricDirection =
  'higher_is_better' | 'lower_is_better' | 'neutral';

/** Settings that change a number; shown beside it. */
export type MetricSetting =
  | 'grossMarginPct'
  | 'churnWindowMonths'
  | 'isReactivationInNrr'
  | 'fiscalYearStartMonth'
  | 'reportingCurrency';

export type MetricFamily =
  'recurring' | 'acquisition' | 'cash' | 'customers' | 'sales';

export type MetricEntry = {
  id: string;
  family: MetricFamily;
  name: string;
  unit: MetricUnit;
  direction: MetricDirection;
  /** The definition as a formula in words. */
  formula: string;
  /** Conventions a reader needs, such as how a quarter chains its months. */
  convention?: string;
  /** Tables and fields the metric reads. */
  inputs: readonly string[];
  settings: readonly MetricSetting[];
};
