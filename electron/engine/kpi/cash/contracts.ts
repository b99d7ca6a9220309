// Contracted value of subscriptions: TCV of those starting in a period and
// the backlog not yet recognised at its end. Revenue is recognised evenly,
// one MRR a month, so TCV = recognised + backlog for every subscription.
import type { PeriodRange } from '../../../../shared/period.js';
import type { MetricContext, MetricDrill } from '../metricTypes.js';
import { moneySum, type MoneySum } from '../common/money.js';
import { segmentCondition, type SegmentCondition } from '../common/segments.js';
import { addMonths, monthsBetween, nextDay } from '../common/terms.js';
import {
  backlogAt,
  termsStartingBetween,
  type ContractFigures,
} from './contractsBook.js';

/** Read as the term of a subscription that has no end date. */
export const OPEN_ENDED_TERM_MONTHS = 12;

const PAYING = 's.is_trial = 0 AND s.mrr_minor > 0';
const STARTS_IN_PERIOD = `${PAYING} AND s.start_on BETWEEN @start AND @end`;
// Open-ended terms end twelve months after their start.
const CONTRACTED_AFTER_END = `${PAYING} AND (s.end_on > @end
  OR (s.end_on IS NULL AND date(s.start_on, '+12 months') > @end))`;

type Term = {
  mrr: number;
  currency: string;
  startOn: string;
  endOn: string | null;
};

function termEnd(term: Term): string {
  return term.endOn ?? addMonths(term.startOn, OPEN_ENDED_TERM_MONTHS);
}

function roundHalfAway(value: number): number {
  return Math.sign(value) * Math.round(Math.abs(value));
}

function terms(
  context: MetricContext,
  condition: string,
  segment: SegmentCondition,
  params: Record<string, string>,
): Term[] {
  const from =
    segment.where === '1'
      ? 'subscriptions s'
      : 'subscriptions s LEFT JOIN accounts a ON a.id = s.account_id';
  return context.db
    .prepare(
      `SELECT s.mrr_minor AS mrr, s.currency AS currency,
              s.start_on AS startOn, s.end_on AS endOn
         FROM ${from}
        WHERE ${condition} AND ${segment.where}`,
    )
    .all({ ...params, ...segment.params }) as Term[];
}

export type ContractValue = {
  sum: MoneySum;
  subscriptions: number;
  openEnded: number;
};

/** Figures summed in the reporting currency, as a contract value. */
function keptValue(
  context: MetricContext,
  figures: ContractFigures,
  on: string,
): ContractValue {
  const sum = moneySum(context.rates);
  sum.add(figures.amount, context.rates.reporting, on);
  return {
    sum,
    subscriptions: figures.subscriptions,
    openEnded: figures.openEnded,
  };
}

export function totalContractValue(
  context: MetricContext,
  period: PeriodRange,
  segment: SegmentCondition,
  /** Reads the subscriptions themselves rather than a book. */
  isQueried = false,
): ContractValue {
  const kept = isQueried
    ? null
    : termsStartingBetween(
        context.db,
        segment,
        period.start,
        period.end,
        context.rates.reporting,
      );
  if (kept) return keptValue(context, kept, period.start);
  const sum = moneySum(context.rates);
  const rows = terms(context, STARTS_IN_PERIOD, segment, {
    start: period.start,
    end: period.end,
  });
  let openEnded = 0;
  for (const term of rows) {
    if (term.endOn === null) openEnded += 1;
    const months = monthsBetween(term.startOn, termEnd(term));
    sum.add(roundHalfAway(term.mrr * months), term.currency, term.startOn);
  }
  return { sum, subscriptions: rows.length, openEnded };
}

export function revenueBacklog(
  context: MetricContext,
  period: PeriodRange,
  segment: SegmentCondition,
  /** Reads the subscriptions themselves rather than a book. */
  isQueried = false,
): ContractValue {
  const kept = isQueried
    ? null
    : backlogAt(context.db, segment, period.end, context.rates.reporting);
  if (kept) return keptValue(context, kept, period.end);
  const sum = moneySum(context.rates);
  const rows = terms(context, CONTRACTED_AFTER_END, segment, {
    end: period.end,
  });
  const recognisedUpTo = nextDay(period.end);
  let openEnded = 0;
  let counted = 0;
  for (const term of rows) {
    const end = termEnd(term);
    const whole = monthsBetween(term.startOn, end);
    const recognised = monthsBetween(
      term.startOn,
      recognisedUpTo < end ? recognisedUpTo : end,
    );
    const left = whole - recognised;
    if (left <= 0) continue;
    counted += 1;
    if (term.endOn === null) openEnded += 1;
    sum.add(roundHalfAway(term.mrr * left), term.currency, period.end);
  }
  return { sum, subscriptions: counted, openEnded };
}

export function contractsDrill(
  context: MetricContext,
  id: 'tcv' | 'revenue_backlog',
  period: PeriodRange,
): MetricDrill {
  const segment = segmentCondition(context.filters, 'subscriptions');
  const condition = id === 'tcv' ? STARTS_IN_PERIOD : CONTRACTED_AFTER_END;
  return {
    entity: 'subscriptions',
    where: `(${condition}) AND ${segment.where}`,
    params: {
      end: period.end,
      ...(id === 'tcv' ? { start: period.start } : {}),
      ...segment.params,
    },
  };
}
