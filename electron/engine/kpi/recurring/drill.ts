// The subscriptions behind a recurring-revenue number, as a condition over
// the subscription grid (`s`, joined to its account `a`).
import type { RecurringMetricId } from '../../../../shared/catalogue/recurring.js';
import type { PeriodRange } from '../../../../shared/period.js';
import type { MetricContext, MetricDrill } from '../metricTypes.js';
import {
  buildMrrChanges,
  type MovementKind,
  type MrrChange,
} from './changes.js';
import { filterSql } from './filters.js';
import { ensureMrrMonthEnds, readSubscriptionLines } from './monthEnds.js';
import { monthEndOf, monthIndexOf, monthsInPeriod } from './months.js';
import { UP_FOR_RENEWAL_SQL } from './renewals.js';
import { isRecurringMetricId } from './compute.js';

const CUSTOMER_SQL = `CASE WHEN s.account_id IS NOT NULL THEN 'a' || s.account_id
  WHEN s.account_key IS NOT NULL THEN 'k' || s.account_key
  ELSE 's' || s.id END`;

const PAYING = 's.is_trial = 0 AND s.mrr_minor <> 0';

const ACTIVE_AT = (name: string) =>
  `s.start_on <= @${name} AND (s.end_on IS NULL OR s.end_on > @${name})`;

/** Which movements a metric's drill shows; null for the period-end view. */
const DRILL_KINDS: Partial<Record<RecurringMetricId, MovementKind[]>> = {
  mrr_new: ['new'],
  mrr_expansion: ['expansion'],
  mrr_contraction: ['contraction'],
  mrr_churn: ['churn'],
  mrr_reactivation: ['reactivation'],
  net_new_mrr: ['new', 'expansion', 'contraction', 'churn', 'reactivation'],
  quick_ratio: ['new', 'expansion', 'contraction', 'churn', 'reactivation'],
  logo_churn_rate: ['churn'],
  gross_mrr_churn_rate: ['contraction', 'churn'],
};

type Params = MetricDrill['params'];

/**
 * The customers of the filtered subscriptions' own changes that `keeps`,
 * as an SQL membership bound to `param`: a subscription field (the plan)
 * splits a customer's MRR, so the stored changes do not hold them.
 */
function filteredCustomers(
  context: MetricContext,
  params: Params,
  param: string,
  keeps: (change: MrrChange) => boolean,
): string {
  const filter = filterSql(context.filters);
  const lines = readSubscriptionLines(context.db, filter.where, filter.params);
  const customers = new Set<string>();
  for (const change of buildMrrChanges(lines)) {
    if (keeps(change)) customers.add(change.customer);
  }
  params[param] = JSON.stringify([...customers].sort());
  return `${CUSTOMER_SQL} IN (SELECT value FROM json_each(@${param}))`;
}

/** Customers with one of `kinds` in the months, as an SQL membership. */
function customersWith(
  context: MetricContext,
  kinds: readonly MovementKind[],
  firstEnd: string,
  lastEnd: string,
  hasSubscriptionField: boolean,
  params: Params,
): string {
  if (hasSubscriptionField) {
    return filteredCustomers(context, params, 'drillCustomers', (change) => {
      const isInPeriod =
        change.monthEnd >= firstEnd && change.monthEnd <= lastEnd;
      return isInPeriod && kinds.includes(change.kind);
    });
  }
  ensureMrrMonthEnds(context.db);
  params['drillKinds'] = JSON.stringify(kinds);
  return `${CUSTOMER_SQL} IN (SELECT m.customer FROM mrr_changes m
    WHERE m.month_end BETWEEN @drillFirst AND @drillLast
      AND m.kind IN (SELECT value FROM json_each(@drillKinds)))`;
}

export function recurringDrill(
  context: MetricContext,
  id: string,
  period: PeriodRange,
): MetricDrill | null {
  if (!isRecurringMetricId(id)) return null;
  const filter = filterSql(context.filters);
  const params: Params = { ...filter.params };
  const scope = (where: string): MetricDrill => ({
    entity: 'subscriptions',
    where: `(${where}) AND (${filter.where})`,
    params,
  });
  if (id === 'renewal_rate') {
    params['start'] = period.start;
    params['end'] = period.end;
    return scope(UP_FOR_RENEWAL_SQL);
  }
  const range = monthsInPeriod(period);
  if (!range) return null;
  const before = monthEndOf(range.first - 1);
  const lastEnd = monthEndOf(range.last);
  const kinds = DRILL_KINDS[id];
  if (!kinds) {
    const isAtStart = id === 'grr' || id === 'nrr';
    params['drillAt'] = isAtStart ? before : lastEnd;
    return scope(`${PAYING} AND ${ACTIVE_AT('drillAt')}`);
  }
  params['drillFirst'] = monthEndOf(range.first);
  params['drillLast'] = lastEnd;
  params['drillBefore'] = before;
  const members = customersWith(
    context,
    kinds,
    monthEndOf(range.first),
    lastEnd,
    filter.hasSubscriptionField,
    params,
  );
  // The customer's subscriptions paying at some month end from the one
  // before the period to its last.
  return scope(
    `${PAYING} AND s.start_on <= @drillLast
      AND (s.end_on IS NULL OR s.end_on > @drillBefore) AND ${members}`,
  );
}

/** The metrics a cohort cell opens: its customers, or its MRR. */
export const COHORT_DRILL_METRICS: readonly string[] = ['customers', 'mrr'];

/**
 * A recurring drill narrowed to one cohort: the customers whose first
 * paying month end is in the month `cohort` (`YYYY-MM`).
 */
export function cohortDrill(
  context: MetricContext,
  drill: MetricDrill,
  cohort: string,
): MetricDrill {
  const filter = filterSql(context.filters);
  const cohortEnd = monthEndOf(monthIndexOf(`${cohort}-01`) ?? 0);
  const params: Params = { ...drill.params, drillCohort: cohortEnd };
  let members: string;
  if (filter.hasSubscriptionField) {
    // A subscription field splits customers, so cohorts come from the
    // filtered subscriptions, as the cohort grid counts them.
    members = filteredCustomers(
      context,
      params,
      'drillCohortCustomers',
      (change) => change.cohortMonthEnd === cohortEnd,
    );
  } else {
    ensureMrrMonthEnds(context.db);
    members = `${CUSTOMER_SQL} IN (SELECT m.customer FROM mrr_changes m
      WHERE m.cohort_month_end = @drillCohort)`;
  }
  return { ...drill, where: `(${drill.where}) AND ${members}`, params };
}
