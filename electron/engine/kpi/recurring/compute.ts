// Recurring-revenue metrics for a period: the month figures are read once
// and every asked metric is derived from them.
import {
  RECURRING_METRIC_IDS,
  type RecurringMetricId,
} from '../../../../shared/catalogue/recurring.js';
import { WorkbenchError } from '../../../../shared/envelope.js';
import type { PeriodRange } from '../../../../shared/period.js';
import type { MetricContext, MetricResult } from '../metricTypes.js';
import {
  monthFigures,
  recurringSource,
  type MonthFigures,
  type RecurringSource,
} from './figures.js';
import { periodResults, type PeriodFigures } from './metrics.js';
import { monthsInPeriod } from './months.js';
import { renewalTotals, type RenewalCounts } from './renewals.js';

const KNOWN = new Set<string>(RECURRING_METRIC_IDS);

export function isRecurringMetricId(id: string): id is RecurringMetricId {
  return KNOWN.has(id);
}

export function recurringIds(ids: readonly string[]): RecurringMetricId[] {
  return ids.map((id) => {
    if (!isRecurringMetricId(id)) {
      throw new WorkbenchError(
        'invalid_argument',
        `There is no recurring-revenue metric "${id}".`,
      );
    }
    return id;
  });
}

/** How many months before the first asked one the figures must reach. */
export function lookbackMonths(context: MetricContext): number {
  return Math.max(1, Math.floor(context.options.churnWindowMonths));
}

/** Slices of loaded month figures, by month index. */
export function figuresAround(
  all: readonly MonthFigures[],
  from: number,
  first: number,
  last: number,
  window: number,
): Pick<PeriodFigures, 'start' | 'months' | 'window'> {
  const at = (index: number) => all[index - from] ?? null;
  return {
    start: at(first - 1),
    months: all.slice(first - from, last - from + 1),
    window: all.slice(Math.max(0, last - window - from), last - from + 1),
  };
}

const NO_RENEWALS: RenewalCounts = { upForRenewal: 0, renewed: 0 };

export function computeRecurring(
  context: MetricContext,
  ids: readonly string[],
  period: PeriodRange,
  source: RecurringSource = recurringSource(context),
): MetricResult[] {
  const wanted = recurringIds(ids);
  const renewals = wanted.includes('renewal_rate')
    ? renewalTotals(context, period.start, period.end)
    : NO_RENEWALS;
  const range = monthsInPeriod(period);
  if (!range) {
    const empty = { start: null, months: [], window: [] };
    return periodResults(context, wanted, {
      label: period.label,
      ...empty,
      renewals,
    });
  }
  const window = lookbackMonths(context);
  const from = Math.min(range.first - 1, range.last - window);
  const all = monthFigures(context, source, from, range.last);
  return periodResults(context, wanted, {
    label: period.label,
    ...figuresAround(all, from, range.first, range.last, window),
    renewals,
  });
}
