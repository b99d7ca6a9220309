// Tables for the public datasets users try revenue tools with: a churn
// export's one row per customer, churn events with their reasons, product
// feature usage per subscription, and translated category names. Accounts
// gain the address parts marketplace sellers come with, and exchange rates
// get the origin index every imported table has, so re-imported rates are
// found without a scan.
// Imported records carry the origin columns of version 1.
import { ORIGIN, originIndex } from './001-initial-schema.js';
import type { Migration } from './index.js';

export const datasetTables: Migration = {
  version: 7,
  name: 'customer snapshots, churn events, feature usage, category labels',
  sql: `
ALTER TABLE accounts ADD COLUMN city TEXT;
ALTER TABLE accounts ADD COLUMN region TEXT;
ALTER TABLE accounts ADD COLUMN postal_code TEXT;

-- One row per customer as a churn export saw them; a later export of the
-- same customers updates the row, and the audit log keeps what changed.
-- Services are kept as the export words them ('No internet service' is
-- not 'No').
CREATE TABLE customer_snapshots (
  id INTEGER PRIMARY KEY,
  ${ORIGIN},
  account_id INTEGER REFERENCES accounts(id) ON DELETE SET NULL,
  account_key TEXT,
  tenure_months INTEGER,
  contract TEXT,
  payment_method TEXT,
  is_paperless INTEGER,
  phone_service TEXT,
  multiple_lines TEXT,
  internet_service TEXT,
  online_security TEXT,
  online_backup TEXT,
  device_protection TEXT,
  tech_support TEXT,
  streaming_tv TEXT,
  streaming_movies TEXT,
  monthly_charges_minor INTEGER,
  total_charges_minor INTEGER,
  currency TEXT NOT NULL,
  is_churned INTEGER NOT NULL DEFAULT 0
) STRICT;
${originIndex('customer_snapshots')}
CREATE INDEX customer_snapshots_account ON customer_snapshots(account_id);

CREATE TABLE churn_events (
  id INTEGER PRIMARY KEY,
  ${ORIGIN},
  account_id INTEGER REFERENCES accounts(id) ON DELETE SET NULL,
  account_key TEXT,
  churned_on TEXT NOT NULL,
  reason TEXT,
  refund_minor INTEGER,
  currency TEXT NOT NULL,
  is_reactivation INTEGER NOT NULL DEFAULT 0,
  has_preceding_upgrade INTEGER,
  has_preceding_downgrade INTEGER,
  feedback TEXT
) STRICT;
${originIndex('churn_events')}
CREATE INDEX churn_events_churned ON churn_events(churned_on);
CREATE INDEX churn_events_account ON churn_events(account_id);

-- The account is copied from the subscription once that link is made, so
-- usage can be read per account without a join.
CREATE TABLE feature_usage (
  id INTEGER PRIMARY KEY,
  ${ORIGIN},
  subscription_id INTEGER REFERENCES subscriptions(id) ON DELETE SET NULL,
  subscription_key TEXT,
  account_id INTEGER REFERENCES accounts(id) ON DELETE SET NULL,
  used_on TEXT NOT NULL,
  feature TEXT NOT NULL,
  usage_count INTEGER,
  duration_seconds INTEGER,
  error_count INTEGER,
  is_beta INTEGER NOT NULL DEFAULT 0
) STRICT;
${originIndex('feature_usage')}
CREATE INDEX feature_usage_used ON feature_usage(used_on);
CREATE INDEX feature_usage_subscription ON feature_usage(subscription_id);
CREATE INDEX feature_usage_account ON feature_usage(account_id);

CREATE TABLE category_labels (
  id INTEGER PRIMARY KEY,
  ${ORIGIN},
  name TEXT NOT NULL,
  label TEXT NOT NULL,
  language TEXT NOT NULL
) STRICT;
${originIndex('category_labels')}

${originIndex('exchange_rates')}
`,
};
