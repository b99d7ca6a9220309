// The sales target of a period from the quotas table. Quotas are set per
// rep and per team, and team quotas usually add up the reps', so the two
// are never added together: team quotas inside the period where there
// are any, else rep quotas.
import type { PeriodRange } from '../../../../shared/period.js';
import type { MetricContext } from '../metricTypes.js';
import { moneySum, type MoneySum } from '../common/money.js';
import type { SegmentCondition } from '../common/segments.js';

export type QuotaTarget = {
  level: 'team' | 'rep' | null;
  quotas: number;
  amount: MoneySum;
};

export function quotaTarget(
  context: MetricContext,
  period: PeriodRange,
  segment: SegmentCondition,
): QuotaTarget {
  const rows = context.db
    .prepare(
      `SELECT q.user_id IS NULL AS isTeam, q.currency AS currency,
              q.period_start AS startOn, count(*) AS quotas,
              sum(q.amount_minor) AS amount
         FROM quotas q
        WHERE q.period_start >= @start AND q.period_end <= @end
          AND ${segment.where}
        GROUP BY 1, 2, 3`,
    )
    .all({ start: period.start, end: period.end, ...segment.params }) as {
    isTeam: 0 | 1;
    currency: string;
    startOn: string;
    quotas: number;
    amount: number;
  }[];
  const hasTeam = rows.some((row) => row.isTeam === 1);
  const level = rows.length === 0 ? null : hasTeam ? 'team' : 'rep';
  const amount = moneySum(context.rates);
  let quotas = 0;
  for (const row of rows) {
    if ((row.isTeam === 1) !== hasTeam) continue;
    quotas += row.quotas;
    amount.add(row.amount, row.currency, row.startOn);
  }
  return { level, quotas, amount };
}
