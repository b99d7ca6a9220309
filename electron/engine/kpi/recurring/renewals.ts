// Renewal rate from the subscription table. A paying subscription (not a
// trial, MRR above zero) is up for renewal when its end_on falls in the
// period; it was renewed when the same customer started another paying
// subscription within RENEWAL_GRACE_DAYS before or after that end (a
// renewal term, or an upgrade or downgrade that replaced it). Open-ended
// subscriptions have no term ending and are not counted; auto_renew states
// an intent, while an end_on records what happened, so only the latter is
// read. The whole workspace's counts are summed per end day in
// `renewal_days`; filtered ones are queried.
import type { MetricContext } from '../metricTypes.js';
import type { Db } from '../../store/database.js';
import { cachedFigures } from '../common/changeCache.js';
import { ensureSummed, type SummedTable } from '../common/summedState.js';
import { filterSql } from './filters.js';
import { boundIn } from '../common/sorted.js';

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

type RenewalDays = {
  /** Distinct end days, sorted as text. */
  days: string[];
  upForRenewal: Int32Array;
  renewed: Int32Array;
};

export const renewalSums: SummedTable = {
  name: 'renewals',
  sources: ['subscriptions'],
  extra: () => '',
  build(db) {
    db.exec('DELETE FROM renewal_days');
    db.exec(
      `INSERT INTO renewal_days (end_on, up_for_renewal, renewed)
       SELECT s.end_on, count(*), total(${RENEWED_SQL})
         FROM subscriptions s
        WHERE s.end_on IS NOT NULL AND ${PAYING('s')}
        GROUP BY 1`,
    );
    return true;
  },
};

/** The whole workspace's counts per end day, kept until they change. */
function renewalDays(db: Db): RenewalDays {
  return cachedFigures(db, 'renewals', ['subscriptions'], () => {
    ensureSummed(db, renewalSums);
    const rows = db
      .prepare(
        `SELECT end_on, up_for_renewal, renewed FROM renewal_days
          ORDER BY end_on`,
      )
      .raw()
      .all() as [string, number, number][];
    return {
      days: rows.map((row) => row[0]),
      upForRenewal: Int32Array.from(rows, (row) => row[1]),
      renewed: Int32Array.from(rows, (row) => row[2]),
    };
  });
}

function keptRenewals(
  context: MetricContext,
  start: string,
  end: string,
): Map<string, RenewalCounts> {
  const kept = renewalDays(context.db);
  const months = new Map<string, RenewalCounts>();
  for (
    let at = boundIn(kept.days, start);
    at < kept.days.length && (kept.days[at] ?? '') <= end;
    at += 1
  ) {
    const month = (kept.days[at] ?? '').slice(0, 7);
    const counts = months.get(month) ?? { upForRenewal: 0, renewed: 0 };
    counts.upForRenewal += kept.upForRenewal[at] ?? 0;
    counts.renewed += kept.renewed[at] ?? 0;
    months.set(month, counts);
  }
  return months;
}

/** Up-for-renewal and renewed counts per `YYYY-MM` of end_on. */
export function renewalsByMonth(
  context: MetricContext,
  start: string,
  end: string,
): Map<string, RenewalCounts> {
  if (context.filters.length === 0) return keptRenewals(context, start, end);
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
