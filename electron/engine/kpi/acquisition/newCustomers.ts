// New customers, worked out here from subscriptions: a customer is new in
// the period that holds its first paying month end, the first month end on
// which one of its subscriptions is active (started on or before it, no
// end or ending after it) with MRR above zero and not a trial. A customer
// is its account, or the account key of subscriptions not yet linked.
import type { PeriodRange } from '../../../../shared/period.js';
import type { MetricContext } from '../metricTypes.js';
import { moneySum, type MoneySum } from '../common/money.js';
import type { SegmentCondition } from '../common/segments.js';
import { newCustomerMonths } from './firstPayments.js';

export const CUSTOMER_SQL = (alias: string) =>
  `coalesce('#' || ${alias}.account_id, ${alias}.account_key)`;

const MONTH_END = (date: string) =>
  `date(${date}, 'start of month', '+1 month', '-1 day')`;

const PAYING = (alias: string) =>
  `${alias}.is_trial = 0 AND ${alias}.mrr_minor > 0`;

// A subscription is active on a month end only when it does not end by
// then; one that ends within its first month never reaches a month end.
export const FIRST_PAYING_MONTH_ENDS = `
  SELECT ${CUSTOMER_SQL('fs')} AS customer,
         min(fs.account_id) AS accountId,
         min(${MONTH_END('fs.start_on')}) AS firstMonthEnd
    FROM subscriptions fs
   WHERE ${PAYING('fs')}
     AND (fs.end_on IS NULL OR fs.end_on > ${MONTH_END('fs.start_on')})
   GROUP BY 1`;

export type NewCustomers = {
  count: number;
  /** Their MRR on their first paying month end, converted on that day. */
  mrr: MoneySum;
};

/**
 * Segment fields are answered through the customer's account (subject
 * `accounts`, alias `a`); customers without a linked account only count
 * when there is no filter.
 */
export function newCustomers(
  context: MetricContext,
  period: PeriodRange,
  segment: SegmentCondition,
): NewCustomers {
  if (segment.where === '1') {
    const months = newCustomerMonths(context.db, period.start, period.end);
    const mrr = moneySum(context.rates);
    // Summed by month end and currency before converting, as the query
    // groups them.
    for (const [monthEnd, byCurrency] of months.mrr) {
      for (const [currency, amount] of byCurrency) {
        mrr.add(amount, currency, monthEnd);
      }
    }
    return { count: months.customers, mrr };
  }
  const rows = context.db
    .prepare(
      `WITH firsts AS (${FIRST_PAYING_MONTH_ENDS}),
            fresh AS (
              SELECT f.customer, f.firstMonthEnd
                FROM firsts f LEFT JOIN accounts a ON a.id = f.accountId
               WHERE f.firstMonthEnd BETWEEN @start AND @end
                 AND ${segment.where})
       SELECT fresh.firstMonthEnd AS monthEnd, s.currency AS currency,
              sum(s.mrr_minor) AS mrr
         FROM fresh
         JOIN subscriptions s ON ${CUSTOMER_SQL('s')} = fresh.customer
          AND ${PAYING('s')} AND s.start_on <= fresh.firstMonthEnd
          AND (s.end_on IS NULL OR s.end_on > fresh.firstMonthEnd)
        GROUP BY 1, 2`,
    )
    .all({ start: period.start, end: period.end, ...segment.params }) as {
    monthEnd: string;
    currency: string;
    mrr: number;
  }[];
  const customers = context.db
    .prepare(
      `WITH firsts AS (${FIRST_PAYING_MONTH_ENDS})
       SELECT count(*) AS n
         FROM firsts f LEFT JOIN accounts a ON a.id = f.accountId
        WHERE f.firstMonthEnd BETWEEN @start AND @end AND ${segment.where}`,
    )
    .get({ start: period.start, end: period.end, ...segment.params }) as {
    n: number;
  };
  const mrr = moneySum(context.rates);
  for (const row of rows) mrr.add(row.mrr, row.currency, row.monthEnd);
  return { count: customers.n, mrr };
}

/** The paying subscriptions of the period's new customers, for a drill. */
export function newCustomerSubscriptions(segmentWhere: string): string {
  return `${PAYING('s')} AND ${CUSTOMER_SQL('s')} IN (
    SELECT f.customer FROM (${FIRST_PAYING_MONTH_ENDS}) f
     WHERE f.firstMonthEnd BETWEEN @start AND @end)
    AND ${segmentWhere}`;
}
