// Product adoption from feature usage: of the accounts paying in a period,
// how many used any feature in it, and how much each used.
import { metricNote } from '../../../../shared/metricNotes.js';
import type { PeriodRange } from '../../../../shared/period.js';
import type { MetricContext, MetricDrill } from '../metricTypes.js';
import { segmentCondition, unansweredNote } from '../common/segments.js';
import { hasTable } from '../common/tables.js';
import { payingAccountsBetween } from './customerBooks.js';

// Accounts with a paying subscription active at some point of the period.
const PAYING_ACCOUNTS = (segmentWhere: string) => `
  SELECT DISTINCT s.account_id AS id
    FROM subscriptions s LEFT JOIN accounts a ON a.id = s.account_id
   WHERE s.account_id IS NOT NULL AND s.is_trial = 0 AND s.mrr_minor > 0
     AND s.start_on <= @end AND (s.end_on IS NULL OR s.end_on > @start)
     AND ${segmentWhere}`;

// The account of a use is copied from its subscription once linked; the
// join covers rows imported before that link was made.
const USE_BY_ACCOUNT = `
  SELECT coalesce(f.account_id, fs.account_id) AS id,
         count(DISTINCT f.feature) AS features,
         total(f.usage_count) AS uses,
         total(f.duration_seconds) AS seconds,
         total(f.error_count) AS errors
    FROM feature_usage f
    LEFT JOIN subscriptions fs ON fs.id = f.subscription_id
   WHERE f.used_on BETWEEN @start AND @end
     AND (f.usage_count IS NULL OR f.usage_count > 0)
   GROUP BY 1`;

export type Adoption = {
  payingAccounts: number;
  activeAccounts: number;
  note: string | null;
};

const NO_USAGE_TABLE = metricNote('noFeatureUsage');

export function adoption(
  context: MetricContext,
  period: PeriodRange,
): Adoption {
  const segment = segmentCondition(context.filters, 'subscriptions');
  if (segment.unanswered.length > 0) {
    const note = unansweredNote('subscriptions', segment.unanswered);
    return { payingAccounts: 0, activeAccounts: 0, note };
  }
  if (!hasTable(context.db, 'feature_usage')) {
    return { payingAccounts: 0, activeAccounts: 0, note: NO_USAGE_TABLE };
  }
  const paying = payingAccountsBetween(
    context.db,
    segment,
    period.start,
    period.end,
  );
  const row =
    paying !== null
      ? { payingAccounts: paying, activeAccounts: 0 }
      : (context.db
          .prepare(
            `WITH paying AS (${PAYING_ACCOUNTS(segment.where)}),
            used AS (${USE_BY_ACCOUNT})
       SELECT count(*) AS payingAccounts, count(used.id) AS activeAccounts
         FROM paying LEFT JOIN used ON used.id = paying.id`,
          )
          .get({
            start: period.start,
            end: period.end,
            ...segment.params,
          }) as Omit<Adoption, 'note'>);
  return {
    ...row,
    note: row.payingAccounts === 0 ? metricNote('noPayingAccounts') : null,
  };
}

export type FeatureUse = {
  accountId: number;
  account: string;
  /** Distinct features used in the period. */
  features: number;
  uses: number;
  seconds: number;
  errors: number;
};

/**
 * Feature use in the period per paying account, most features first;
 * paying accounts that used nothing are listed with zeros.
 */
export function featureUseByAccount(
  context: MetricContext,
  period: PeriodRange,
): { rows: FeatureUse[]; note: string | null } {
  const segment = segmentCondition(context.filters, 'subscriptions');
  if (segment.unanswered.length > 0) {
    return {
      rows: [],
      note: unansweredNote('subscriptions', segment.unanswered),
    };
  }
  if (!hasTable(context.db, 'feature_usage')) {
    return { rows: [], note: NO_USAGE_TABLE };
  }
  const rows = context.db
    .prepare(
      `WITH paying AS (${PAYING_ACCOUNTS(segment.where)}),
            used AS (${USE_BY_ACCOUNT})
       SELECT paying.id AS accountId, pa.name AS account,
              coalesce(used.features, 0) AS features,
              coalesce(used.uses, 0) AS uses,
              coalesce(used.seconds, 0) AS seconds,
              coalesce(used.errors, 0) AS errors
         FROM paying
         JOIN accounts pa ON pa.id = paying.id
         LEFT JOIN used ON used.id = paying.id
        ORDER BY features DESC, uses DESC, pa.name, paying.id`,
    )
    .all({
      start: period.start,
      end: period.end,
      ...segment.params,
    }) as FeatureUse[];
  return { rows, note: null };
}

/** The paying accounts that used a feature in the period. */
export function adoptionDrill(
  context: MetricContext,
  period: PeriodRange,
): MetricDrill {
  const segment = segmentCondition(context.filters, 'subscriptions');
  return {
    entity: 'accounts',
    where: `a.id IN (${PAYING_ACCOUNTS(segment.where)})
      AND a.id IN (SELECT id FROM (${USE_BY_ACCOUNT}))`,
    params: { start: period.start, end: period.end, ...segment.params },
  };
}
