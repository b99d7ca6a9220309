// Renewal rate from the subscription table. A paying subscription (not a
// trial, MRR above zero) is up for renewal when its end_on falls in the
// period; it was renewed when the same customer started another paying
// subscription within RENEWAL_GRACE_DAYS before or after that end (a
// renewal term, or an upgrade or downgrade that replaced it). Open-ended
// subscriptions have no term ending and are not counted; auto_renew states
// an intent, while an end_on records what happened, so only the latter is
// read.
import type { MetricContext } from '../metricTypes.js';
import { filterSql } from './filters.js';

export const RENEWAL_GRACE_DAYS = 30;

const PAYING = (alias: string) =>
  `${alias}.is_trial = 0 AND ${alias}.mrr_minor > 0`;

const WITHIN_GRACE = `r.start_on BETWEEN date(s.end_on, '-${RENEWAL_GRACE_DAYS} days')
  AND date(s.end_on, '+${RENEWAL_GRACE_DAYS} days')`;

/** Whether subscription `s` was followed by a renewal `r`. */
export const RENEWED_SQL = `CASE WHEN s.account_id IS NOT NULL
  THEN EXISTS (SELECT 1 FROM subscriptions r
    WHERE r.account_id = s.account_id AND r.id <> s.id AND ${PAYING('r')}
      AND ${WITHIN_GRACE})
  ELSE EXISTS (SELECT 1 FROM subscriptions r
    WHERE r.account_id IS NULL AND r.account_key = s.account_key
      AND r.id <> s.id AND ${PAYING('r')} AND ${WITHIN_GRACE})
  END`;

/** Subscriptions `s` up for renewal between @start and @end. */
export const UP_FOR_RENEWAL_SQL = `s.end_on BETWEEN @start AND @end
  AND ${PAYING('s')}`;

export type RenewalCounts = { upForRenewal: number; renewed: number };

/** Up-for-renewal and renewed counts per `YYYY-MM` of end_on. */
export function renewalsByMonth(
  context: MetricContext,
  start: string,
  end: string,
): Map<string, RenewalCounts> {
  const filter = filterSql(context.filters);
  const rows = context.db
    .prepare(
      `SELECT substr(s.end_on, 1, 7) AS month, count(*) AS upForRenewal,
              total(${RENEWED_SQL}) AS renewed
         FROM subscriptions s LEFT JOIN accounts a ON a.id = s.account_id
        WHERE ${UP_FOR_RENEWAL_SQL} AND (${filter.where})
        GROUP BY 1`,
    )
    .all({ ...filter.params, start, end }) as ({
    month: string;
  } & RenewalCounts)[];
  return new Map(
    rows.map((row) => [
      row.month,
      { upForRenewal: row.upForRenewal, renewed: row.renewed },
    ]),
  );
}

export function renewalTotals(
  context: MetricContext,
  start: string,
  end: string,
): RenewalCounts {
  let upForRenewal = 0;
  let renewed = 0;
  for (const counts of renewalsByMonth(context, start, end).values()) {
    upForRenewal += counts.upForRenewal;
    renewed += counts.renewed;
  }
  return { upForRenewal, renewed };
}
