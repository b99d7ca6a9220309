// The first schema: the whole revenue domain of the design. Money is integer
// minor units beside an ISO 4217 code; calendar dates are `YYYY-MM-DD` text,
// instants UTC ISO-8601 text. Every imported record carries its source,
// external id and import batch.
import type { Migration } from './index.js';

// Columns shared by every record that can arrive through an import.
export const ORIGIN = `
  source TEXT NOT NULL DEFAULT 'manual',
  external_id TEXT,
  batch_id INTEGER REFERENCES import_batches(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

export function originIndex(table: string): string {
  return `CREATE UNIQUE INDEX ${table}_origin
    ON ${table}(source, external_id) WHERE external_id IS NOT NULL;`;
}

export const initialSchema: Migration = {
  version: 1,
  name: 'initial schema',
  sql: `
CREATE TABLE workspace_settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE import_batches (
  id INTEGER PRIMARY KEY,
  source TEXT NOT NULL,
  file_name TEXT NOT NULL,
  file_size INTEGER NOT NULL,
  preset TEXT NOT NULL,
  entity TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN
    ('running', 'committed', 'cancelled', 'failed', 'interrupted')),
  started_at TEXT NOT NULL,
  finished_at TEXT,
  rows_read INTEGER NOT NULL DEFAULT 0,
  rows_skipped INTEGER NOT NULL DEFAULT 0,
  rows_new INTEGER NOT NULL DEFAULT 0,
  rows_changed INTEGER NOT NULL DEFAULT 0,
  rows_unchanged INTEGER NOT NULL DEFAULT 0,
  rows_rejected INTEGER NOT NULL DEFAULT 0,
  message TEXT
) STRICT;

CREATE TABLE import_row_errors (
  id INTEGER PRIMARY KEY,
  batch_id INTEGER NOT NULL REFERENCES import_batches(id) ON DELETE CASCADE,
  file_name TEXT NOT NULL,
  line INTEGER NOT NULL,
  column_name TEXT,
  value TEXT,
  reason TEXT NOT NULL,
  raw_row TEXT NOT NULL
) STRICT;
CREATE INDEX import_row_errors_batch ON import_row_errors(batch_id, line);

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT,
  record_id INTEGER,
  batch_id INTEGER REFERENCES import_batches(id) ON DELETE SET NULL,
  detail TEXT
) STRICT;

CREATE TABLE teams (
  id INTEGER PRIMARY KEY,
  ${ORIGIN},
  name TEXT NOT NULL,
  region TEXT,
  manager_name TEXT
) STRICT;
${originIndex('teams')}

CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  ${ORIGIN},
  name TEXT NOT NULL,
  email TEXT,
  role TEXT,
  manager_name TEXT,
  team_id INTEGER REFERENCES teams(id) ON DELETE SET NULL,
  is_active INTEGER NOT NULL DEFAULT 1
) STRICT;
${originIndex('users')}
CREATE INDEX users_name ON users(name);

CREATE TABLE accounts (
  id INTEGER PRIMARY KEY,
  ${ORIGIN},
  name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  domain TEXT,
  industry TEXT,
  country TEXT,
  segment TEXT,
  employees INTEGER,
  annual_revenue_minor INTEGER,
  currency TEXT,
  year_established INTEGER,
  parent_name TEXT,
  parent_account_id INTEGER REFERENCES accounts(id) ON DELETE SET NULL,
  owner_user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
  signup_on TEXT,
  channel TEXT
) STRICT;
${originIndex('accounts')}
CREATE INDEX accounts_name_key ON accounts(name_key);

CREATE TABLE contacts (
  id INTEGER PRIMARY KEY,
  ${ORIGIN},
  account_id INTEGER REFERENCES accounts(id) ON DELETE SET NULL,
  first_name TEXT,
  last_name TEXT,
  email TEXT,
  email_key TEXT,
  phone TEXT,
  title TEXT,
  created_on TEXT
) STRICT;
${originIndex('contacts')}
CREATE INDEX contacts_email_key ON contacts(email_key);

CREATE TABLE campaigns (
  id INTEGER PRIMARY KEY,
  ${ORIGIN},
  name TEXT NOT NULL,
  channel TEXT,
  start_on TEXT,
  end_on TEXT
) STRICT;
${originIndex('campaigns')}

CREATE TABLE campaign_spend (
  id INTEGER PRIMARY KEY,
  ${ORIGIN},
  campaign_id INTEGER REFERENCES campaigns(id) ON DELETE CASCADE,
  spend_on TEXT NOT NULL,
  amount_minor INTEGER NOT NULL,
  currency TEXT NOT NULL,
  impressions INTEGER,
  clicks INTEGER
) STRICT;
${originIndex('campaign_spend')}

CREATE TABLE leads (
  id INTEGER PRIMARY KEY,
  ${ORIGIN},
  email TEXT,
  email_key TEXT,
  company TEXT,
  status TEXT,
  channel TEXT,
  campaign_id INTEGER REFERENCES campaigns(id) ON DELETE SET NULL,
  owner_user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
  created_on TEXT,
  converted_on TEXT,
  converted_account_id INTEGER REFERENCES accounts(id) ON DELETE SET NULL
) STRICT;
${originIndex('leads')}

CREATE TABLE products (
  id INTEGER PRIMARY KEY,
  ${ORIGIN},
  name TEXT NOT NULL,
  name_key TEXT NOT NULL,
  family TEXT,
  list_price_minor INTEGER,
  currency TEXT,
  is_recurring INTEGER NOT NULL DEFAULT 0
) STRICT;
${originIndex('products')}
CREATE INDEX products_name_key ON products(name_key);

-- Names as read are kept beside the resolved links so that files can be
-- imported in any order: links are resolved again after every batch.
CREATE TABLE opportunities (
  id INTEGER PRIMARY KEY,
  ${ORIGIN},
  name TEXT,
  account_name TEXT,
  account_id INTEGER REFERENCES accounts(id) ON DELETE SET NULL,
  owner_name TEXT,
  owner_user_id INTEGER REFERENCES users(id) ON DELETE SET NULL,
  product_name TEXT,
  product_id INTEGER REFERENCES products(id) ON DELETE SET NULL,
  stage TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('open', 'won', 'lost')),
  probability REAL,
  forecast_category TEXT,
  created_on TEXT,
  engaged_on TEXT,
  closed_on TEXT,
  expected_close_on TEXT,
  amount_minor INTEGER,
  currency TEXT NOT NULL,
  channel TEXT
) STRICT;
${originIndex('opportunities')}
CREATE INDEX opportunities_closed ON opportunities(closed_on, status);
CREATE INDEX opportunities_owner ON opportunities(owner_user_id);
CREATE INDEX opportunities_account ON opportunities(account_id);

CREATE TABLE opportunity_stage_history (
  id INTEGER PRIMARY KEY,
  opportunity_id INTEGER NOT NULL REFERENCES opportunities(id)
    ON DELETE CASCADE,
  from_stage TEXT,
  to_stage TEXT NOT NULL,
  changed_on TEXT,
  recorded_at TEXT NOT NULL,
  batch_id INTEGER REFERENCES import_batches(id) ON DELETE SET NULL
) STRICT;
CREATE INDEX stage_history_opportunity
  ON opportunity_stage_history(opportunity_id, id);

CREATE TABLE subscriptions (
  id INTEGER PRIMARY KEY,
  ${ORIGIN},
  account_id INTEGER REFERENCES accounts(id) ON DELETE SET NULL,
  account_key TEXT,
  product_id INTEGER REFERENCES products(id) ON DELETE SET NULL,
  plan TEXT,
  status TEXT,
  start_on TEXT NOT NULL,
  end_on TEXT,
  mrr_minor INTEGER NOT NULL,
  currency TEXT NOT NULL,
  seats INTEGER,
  billing_period TEXT,
  is_trial INTEGER NOT NULL DEFAULT 0,
  auto_renew INTEGER
) STRICT;
${originIndex('subscriptions')}
CREATE INDEX subscriptions_account ON subscriptions(account_id);
CREATE INDEX subscriptions_dates ON subscriptions(start_on, end_on);

CREATE TABLE contract_lines (
  id INTEGER PRIMARY KEY,
  ${ORIGIN},
  subscription_id INTEGER REFERENCES subscriptions(id) ON DELETE CASCADE,
  product_id INTEGER REFERENCES products(id) ON DELETE SET NULL,
  quantity INTEGER NOT NULL DEFAULT 1,
  unit_price_minor INTEGER NOT NULL,
  currency TEXT NOT NULL,
  start_on TEXT,
  end_on TEXT
) STRICT;
${originIndex('contract_lines')}

CREATE TABLE invoices (
  id INTEGER PRIMARY KEY,
  ${ORIGIN},
  account_id INTEGER REFERENCES accounts(id) ON DELETE SET NULL,
  account_key TEXT,
  number TEXT,
  issued_on TEXT NOT NULL,
  due_on TEXT,
  settled_on TEXT,
  amount_minor INTEGER NOT NULL,
  currency TEXT NOT NULL,
  status TEXT,
  is_disputed INTEGER NOT NULL DEFAULT 0
) STRICT;
${originIndex('invoices')}
CREATE INDEX invoices_issued ON invoices(issued_on);

CREATE TABLE payments (
  id INTEGER PRIMARY KEY,
  ${ORIGIN},
  invoice_id INTEGER REFERENCES invoices(id) ON DELETE SET NULL,
  account_id INTEGER REFERENCES accounts(id) ON DELETE SET NULL,
  paid_on TEXT NOT NULL,
  amount_minor INTEGER NOT NULL,
  currency TEXT NOT NULL,
  method TEXT
) STRICT;
${originIndex('payments')}

CREATE TABLE tickets (
  id INTEGER PRIMARY KEY,
  ${ORIGIN},
  account_id INTEGER REFERENCES accounts(id) ON DELETE SET NULL,
  account_key TEXT,
  opened_at TEXT NOT NULL,
  closed_at TEXT,
  priority TEXT,
  status TEXT,
  first_response_minutes REAL,
  resolution_hours REAL,
  satisfaction_score REAL,
  is_escalated INTEGER NOT NULL DEFAULT 0
) STRICT;
${originIndex('tickets')}

CREATE TABLE activities (
  id INTEGER PRIMARY KEY,
  ${ORIGIN},
  type TEXT NOT NULL,
  subject TEXT,
  occurred_at TEXT NOT NULL,
  account_id INTEGER REFERENCES accounts(id) ON DELETE SET NULL,
  contact_id INTEGER REFERENCES contacts(id) ON DELETE SET NULL,
  opportunity_id INTEGER REFERENCES opportunities(id) ON DELETE SET NULL,
  user_id INTEGER REFERENCES users(id) ON DELETE SET NULL
) STRICT;
${originIndex('activities')}

CREATE TABLE quotas (
  id INTEGER PRIMARY KEY,
  ${ORIGIN},
  user_id INTEGER REFERENCES users(id) ON DELETE CASCADE,
  team_id INTEGER REFERENCES teams(id) ON DELETE CASCADE,
  period_start TEXT NOT NULL,
  period_end TEXT NOT NULL,
  amount_minor INTEGER NOT NULL,
  currency TEXT NOT NULL
) STRICT;
${originIndex('quotas')}

-- A rate is kept as decimal text so that conversions stay exact.
CREATE TABLE exchange_rates (
  id INTEGER PRIMARY KEY,
  ${ORIGIN},
  rate_on TEXT NOT NULL,
  from_currency TEXT NOT NULL,
  to_currency TEXT NOT NULL,
  rate TEXT NOT NULL,
  UNIQUE (rate_on, from_currency, to_currency)
) STRICT;

CREATE TABLE saved_plans (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE forecast_snapshots (
  id INTEGER PRIMARY KEY,
  taken_at TEXT NOT NULL,
  period_label TEXT NOT NULL,
  body TEXT NOT NULL
) STRICT;

CREATE TABLE journey_definitions (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  body TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
`,
};
