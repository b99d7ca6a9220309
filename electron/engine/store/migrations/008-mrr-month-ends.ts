// Recurring-revenue metrics read month-end MRR per customer and currency.
// Kept as the month ends where it changes (with the movement each change
// is) rather than one row per month, so a customer paying for three years
// costs two rows instead of thirty-six; MRR at a month end is the sum of
// the changes up to it. The table is derived from subscriptions and rebuilt
// whenever their fingerprint in `mrr_state` no longer matches.
import type { Migration } from './index.js';

export const mrrMonthEnds: Migration = {
  version: 8,
  name: 'month-end MRR changes',
  sql: `
CREATE TABLE mrr_changes (
  id INTEGER PRIMARY KEY,
  customer TEXT NOT NULL,
  account_id INTEGER,
  currency TEXT NOT NULL,
  month_end TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN
    ('new', 'expansion', 'contraction', 'churn', 'reactivation')),
  delta_minor INTEGER NOT NULL,
  mrr_minor INTEGER NOT NULL,
  logo_delta INTEGER NOT NULL,
  cohort_month_end TEXT NOT NULL
) STRICT;
CREATE INDEX mrr_changes_month ON mrr_changes(
  month_end, currency, kind, delta_minor, logo_delta, account_id);
CREATE INDEX mrr_changes_cohort ON mrr_changes(
  cohort_month_end, month_end, currency, delta_minor, logo_delta, account_id);

CREATE TABLE mrr_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  fingerprint TEXT NOT NULL,
  built_at TEXT NOT NULL
) STRICT;

CREATE INDEX subscriptions_end ON subscriptions(end_on)
  WHERE end_on IS NOT NULL;
-- A renewal is looked up as the same customer's next start near an end.
CREATE INDEX subscriptions_account_start
  ON subscriptions(account_id, start_on);
CREATE INDEX subscriptions_account_key ON subscriptions(account_key, start_on)
  WHERE account_id IS NULL;
`,
};
