// Month-by-month values for the dashboard: any recurring metric as a
// monthly series (sparklines, trends) and the MRR movements of each month
// for the waterfall.
import { metricNote } from '../../../../shared/metricNotes.js';
import type { RecurringMetricId } from '../../../../shared/catalogue/recurring.js';
import { WorkbenchError } from '../../../../shared/envelope.js';
import { toMajor } from '../../../../shared/money.js';
import type { MetricContext, MetricResult } from '../metricTypes.js';
import { figuresAround, lookbackMonths, recurringIds } from './compute.js';
import { monthFigures, recurringSource, type MonthFigures } from './figures.js';
import { periodResults } from './metrics.js';
import { monthEndOf, monthIndexOf, monthLabelOf } from './months.js';
import { renewalsByMonth } from './renewals.js';

/** `YYYY-MM` to a month index, or an error naming the text. */
export function monthIndexOfLabel(label: string): number {
  const index = /^\d{4}-\d{2}$/.test(label)
    ? monthIndexOf(`${label}-01`)
    : null;
  if (index === null) {
    throw new WorkbenchError(
      'invalid_argument',
      `"${label}" is not a month written as YYYY-MM.`,
    );
  }
  return index;
}

export type MonthRange = { from: string; to: string };

function checkedRange(range: MonthRange): { first: number; last: number } {
  const first = monthIndexOfLabel(range.from);
  const last = monthIndexOfLabel(range.to);
  if (last < first) {
    throw new WorkbenchError(
      'invalid_argument',
      `The month range ${range.from} to ${range.to} ends before it starts.`,
    );
  }
  return { first, last };
}

export type RecurringSeries = {
  months: string[];
  /** One result per month for each asked metric, in month order. */
  series: Record<string, MetricResult[]>;
};

export function recurringMonthlySeries(
  context: MetricContext,
  ids: readonly string[],
  range: MonthRange,
): RecurringSeries {
  const wanted = recurringIds(ids);
  const { first, last } = checkedRange(range);
  const window = lookbackMonths(context);
  const from = first - 1 - window;
  const all = monthFigures(context, recurringSource(context), from, last);
  const renewals = wanted.includes('renewal_rate')
    ? renewalsByMonth(context, `${monthLabelOf(first)}-01`, monthEndOf(last))
    : new Map();
  const months: string[] = [];
  const series: Record<string, MetricResult[]> = {};
  for (const id of wanted) series[id] = [];
  for (let index = first; index <= last; index += 1) {
    const label = monthLabelOf(index);
    months.push(label);
    const results = periodResults(context, wanted, {
      label,
      ...figuresAround(all, from, index, index, window),
      renewals: renewals.get(label) ?? { upForRenewal: 0, renewed: 0 },
    });
    results.forEach((result, position) => {
      const id: RecurringMetricId | undefined = wanted[position];
      if (id) series[id]?.push(result);
    });
  }
  return { months, series };
}

export type MovementStep = {
  month: string;
  startMrr: number | null;
  new: number | null;
  expansion: number | null;
  reactivation: number | null;
  contraction: number | null;
  churn: number | null;
  /**
   * What exchange rates moved: end - start - net new movements. Zero when
   * every subscription is in the reporting currency.
   */
  currencyEffect: number | null;
  endMrr: number | null;
  note: string | null;
};

export type MovementSeries = { currency: string; steps: MovementStep[] };

function stepOf(
  context: MetricContext,
  before: MonthFigures,
  month: MonthFigures,
): MovementStep {
  const major = (minor: number | null) =>
    minor === null ? null : toMajor(minor, context.rates.reporting);
  const m = month.movements;
  const parts = [before.mrr, month.mrr, m.new, m.expansion, m.reactivation];
  const all = [...parts, m.contraction, m.churn];
  const isComplete = all.every((value) => value !== null);
  const effect = isComplete
    ? (month.mrr ?? 0) -
      (before.mrr ?? 0) -
      ((m.new ?? 0) + (m.expansion ?? 0) + (m.reactivation ?? 0)) +
      ((m.contraction ?? 0) + (m.churn ?? 0))
    : null;
  const missing = [...new Set([...before.missing, ...month.missing])].sort();
  return {
    month: monthLabelOf(month.index),
    startMrr: major(before.mrr),
    new: major(m.new),
    expansion: major(m.expansion),
    reactivation: major(m.reactivation),
    contraction: major(m.contraction),
    churn: major(m.churn),
    currencyEffect: major(effect),
    endMrr: major(month.mrr),
    note:
      missing.length > 0
        ? metricNote('missingStepRate', {
            currencies: missing.join(', '),
            reporting: context.rates.reporting,
          })
        : null,
  };
}

/** Starting MRR, the five movements and ending MRR of every month. */
export function mrrMovementSeries(
  context: MetricContext,
  range: MonthRange,
): MovementSeries {
  const { first, last } = checkedRange(range);
  const all = monthFigures(context, recurringSource(context), first - 1, last);
  const steps: MovementStep[] = [];
  for (let position = 1; position < all.length; position += 1) {
    const before = all[position - 1];
    const month = all[position];
    if (before && month) steps.push(stepOf(context, before, month));
  }
  return { currency: context.rates.reporting, steps };
}
