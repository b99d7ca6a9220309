// Receivables, their aging and DSO. An invoice is receivable at a day when
// it was issued on or before it and not settled by it; its age is the days
// past its due date on that day. Amounts convert at the issue date's rate.
import { AGING_BUCKET_IDS } from '../../../../shared/metricSchemas.js';
import { daysBetween, type PeriodRange } from '../../../../shared/period.js';
import type { MetricContext, MetricDrill } from '../metricTypes.js';
import { moneySum, moneyNote, type MoneySum } from '../common/money.js';
import { segmentCondition, unansweredNote } from '../common/segments.js';
import { agingGroupsAt, issuedGroupsBetween } from './receivablesBook.js';

export const AGING_BUCKETS = AGING_BUCKET_IDS;

export type AgingBucket = (typeof AGING_BUCKETS)[number];

const OPEN_AT_END = `i.issued_on <= @end
  AND (i.settled_on IS NULL OR i.settled_on > @end)`;
const ISSUED_IN_PERIOD = 'i.issued_on BETWEEN @start AND @end';

const DAYS_LATE = 'CAST(julianday(@end) - julianday(i.due_on) AS INTEGER)';
const BUCKET_SQL = `CASE
  WHEN i.due_on IS NULL OR i.due_on >= @end THEN 'current'
  WHEN ${DAYS_LATE} <= 30 THEN '1-30'
  WHEN ${DAYS_LATE} <= 60 THEN '31-60'
  WHEN ${DAYS_LATE} <= 90 THEN '61-90'
  ELSE '90+' END`;

const FROM_FILTERED = 'invoices i LEFT JOIN accounts a ON a.id = i.account_id';

type Grouped = {
  currency: string;
  issuedOn: string;
  amount: number;
  invoices: number;
};

function invoiceScope(context: MetricContext) {
  const segment = segmentCondition(context.filters, 'invoices');
  // The account join costs a lookup per invoice: only when filtering.
  const from = segment.where === '1' ? 'invoices i' : FROM_FILTERED;
  return { segment, from };
}

export type AgingRow = {
  bucket: AgingBucket;
  /** Major units of the reporting currency; null when a rate is missing. */
  amount: number | null;
  invoices: number;
};

export type ReceivablesAging = {
  buckets: AgingRow[];
  /** Major units of the reporting currency; null when there is no value. */
  total: number | null;
  currency: string;
  invoices: number;
  note: string | null;
};

/** Receivables at the period end, by aging bucket. */
export function receivablesAging(
  context: MetricContext,
  period: PeriodRange,
): ReceivablesAging {
  const { segment, from } = invoiceScope(context);
  const reporting = context.rates.reporting;
  const total = moneySum(context.rates);
  if (segment.unanswered.length > 0) {
    return {
      buckets: [],
      total: null,
      currency: reporting,
      invoices: 0,
      note: unansweredNote('invoices', segment.unanswered),
    };
  }
  const kept = agingGroupsAt(context.db, segment, period.end, reporting);
  const rows = kept
    ? kept.map((group) => ({
        ...group,
        // Base-currency amounts need no rate, so any day will do.
        issuedOn: group.issuedOn ?? period.end,
      }))
    : (context.db
        .prepare(
          `SELECT ${BUCKET_SQL} AS bucket, i.currency AS currency,
              i.issued_on AS issuedOn, sum(i.amount_minor) AS amount,
              count(*) AS invoices
         FROM ${from}
        WHERE ${OPEN_AT_END} AND ${segment.where}
        GROUP BY 1, 2, 3`,
        )
        .all({ end: period.end, ...segment.params }) as (Grouped & {
        bucket: AgingBucket;
      })[]);
  const sums = new Map(
    AGING_BUCKETS.map((bucket) => [bucket, moneySum(context.rates)]),
  );
  const counts = new Map<AgingBucket, number>();
  let invoices = 0;
  for (const row of rows) {
    sums.get(row.bucket)?.add(row.amount, row.currency, row.issuedOn);
    total.add(row.amount, row.currency, row.issuedOn);
    counts.set(row.bucket, (counts.get(row.bucket) ?? 0) + row.invoices);
    invoices += row.invoices;
  }
  return {
    buckets: AGING_BUCKETS.map((bucket) => ({
      bucket,
      amount: sums.get(bucket)?.total() ?? null,
      invoices: counts.get(bucket) ?? 0,
    })),
    total: total.total(),
    currency: reporting,
    invoices,
    note: moneyNote(reporting, [total]),
  };
}

/** Invoices issued in the period, whatever became of them. */
export function creditSales(
  context: MetricContext,
  period: PeriodRange,
): { sum: MoneySum; invoices: number } {
  const { segment, from } = invoiceScope(context);
  const sum = moneySum(context.rates);
  const kept = issuedGroupsBetween(
    context.db,
    segment,
    period.start,
    period.end,
    context.rates.reporting,
  );
  const rows: Grouped[] = kept
    ? kept.map((group) => ({
        ...group,
        // Base-currency amounts need no rate, so any day will do.
        issuedOn: group.issuedOn ?? period.end,
      }))
    : (context.db
        .prepare(
          `SELECT i.currency AS currency, i.issued_on AS issuedOn,
                  sum(i.amount_minor) AS amount, count(*) AS invoices
             FROM ${from}
            WHERE ${ISSUED_IN_PERIOD} AND ${segment.where}
            GROUP BY 1, 2`,
        )
        .all({
          start: period.start,
          end: period.end,
          ...segment.params,
        }) as Grouped[]);
  let invoices = 0;
  for (const row of rows) {
    sum.add(row.amount, row.currency, row.issuedOn);
    invoices += row.invoices;
  }
  return { sum, invoices };
}

export function daysInPeriod(period: PeriodRange): number {
  return daysBetween(period.start, period.end) + 1;
}

/** The invoices behind `receivables`, `dso` or one aging bucket. */
export function receivablesDrill(
  context: MetricContext,
  period: PeriodRange,
  bucket?: AgingBucket,
): MetricDrill {
  const segment = segmentCondition(context.filters, 'invoices');
  const inBucket = bucket ? ` AND (${BUCKET_SQL}) = @bucket` : '';
  return {
    entity: 'invoices',
    where: `(${OPEN_AT_END})${inBucket} AND ${segment.where}`,
    params: {
      end: period.end,
      ...(bucket ? { bucket } : {}),
      ...segment.params,
    },
  };
}
