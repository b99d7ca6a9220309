// Cohort retention: customers grouped by signup month, the month of their
// first paying month end (accounts.signup_on is not used: a sign-up date
// often precedes a trial or is missing, and the first paid month is what
// the retention curve starts from). Logo retention is the share of the
// cohort paying at a later month end; revenue retention is the cohort's
// MRR then over its MRR in its first month, each converted at its own
// month end's rate. Returning customers count again once they pay again.
import { toMajor } from '../../../../shared/money.js';
import type { MetricContext } from '../metricTypes.js';
import { recurringSource } from './figures.js';
import { monthEndOf, monthIndexOf, monthLabelOf } from './months.js';
import { monthIndexOfLabel, type MonthRange } from './series.js';

export type CohortCell = {
  month: string;
  monthsSinceSignup: number;
  customers: number;
  logoRetention: number | null;
  mrr: number | null;
  revenueRetention: number | null;
};

export type CohortRow = {
  /** `YYYY-MM` of the first paying month end. */
  cohort: string;
  customers: number;
  mrr: number | null;
  cells: CohortCell[];
};

export type CohortGrid = {
  currency: string;
  cohorts: CohortRow[];
  /** Currencies without a rate at some month end of the grid. */
  missing: string[];
};

type Running = { amounts: Map<string, number>; customers: number };

export function cohortRetention(
  context: MetricContext,
  range: MonthRange,
): CohortGrid {
  const first = monthIndexOfLabel(range.from);
  const last = monthIndexOfLabel(range.to);
  const groups = recurringSource(context).cohorts(
    monthEndOf(first),
    monthEndOf(last),
  );
  const byCohort = new Map<number, Map<number, typeof groups>>();
  for (const group of groups) {
    const cohort = monthIndexOf(group.cohortMonthEnd);
    const month = monthIndexOf(group.monthEnd);
    if (cohort === null || month === null || cohort > last) continue;
    const months = byCohort.get(cohort) ?? new Map<number, typeof groups>();
    months.set(month, [...(months.get(month) ?? []), group]);
    byCohort.set(cohort, months);
  }
  const missing = new Set<string>();
  const convert = (amounts: Map<string, number>, month: number) => {
    let total: number | null = 0;
    for (const [currency, amount] of amounts) {
      if (amount === 0) continue;
      const value = context.rates.convert(amount, currency, monthEndOf(month));
      if (value === null) missing.add(currency);
      total = value === null || total === null ? null : total + value;
    }
    return total === null ? null : toMajor(total, context.rates.reporting);
  };
  const cohorts: CohortRow[] = [];
  const ordered = [...byCohort.keys()].sort((a, b) => a - b);
  for (const cohort of ordered) {
    const months = byCohort.get(cohort) ?? new Map<number, typeof groups>();
    const running: Running = { amounts: new Map(), customers: 0 };
    const cells: CohortCell[] = [];
    let size = 0;
    let startMrr: number | null = null;
    for (let month = cohort; month <= last; month += 1) {
      for (const group of months.get(month) ?? []) {
        const amount = running.amounts.get(group.currency) ?? 0;
        running.amounts.set(group.currency, amount + group.amount);
        running.customers += group.logos;
      }
      const mrr = convert(running.amounts, month);
      if (month === cohort) {
        size = running.customers;
        startMrr = mrr;
      }
      cells.push({
        month: monthLabelOf(month),
        monthsSinceSignup: month - cohort,
        customers: running.customers,
        logoRetention: size > 0 ? running.customers / size : null,
        mrr,
        revenueRetention:
          mrr === null || startMrr === null || startMrr === 0
            ? null
            : mrr / startMrr,
      });
    }
    cohorts.push({
      cohort: monthLabelOf(cohort),
      customers: size,
      mrr: startMrr,
      cells,
    });
  }
  return {
    currency: context.rates.reporting,
    cohorts,
    missing: [...missing].sort(),
  };
}
