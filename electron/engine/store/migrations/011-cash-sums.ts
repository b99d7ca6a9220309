// Summed tables for receivables, credit sales, contract values, new
// customers, renewals, CSAT, paying accounts and leads, so that
// the dashboard's first look after an import reads thousands of rows
// rather than every invoice, subscription and ticket. They are rebuilt in the
// import's worker and, lazily, whenever the change counter of their source
// table (migration 10) has moved since they were built.
import { counted } from './010-deal-aggregates.js';
import type { Migration } from './index.js';

// Leads, campaigns, users and teams are counted from now on too: leads are
// kept in memory per day, and a segment's deal book depends on the owners
// and teams of the deals.
const NEWLY_COUNTED = ['leads', 'campaigns', 'users', 'teams'];

export const cashSums: Migration = {
  version: 11,
  name: 'receivables, contract and new-customer sums; more tables counted',
  sql: `
${NEWLY_COUNTED.map(
  (table) => `INSERT INTO aggregate_sources (source) VALUES ('${table}');`,
).join('\n')}
${NEWLY_COUNTED.map(counted).join('\n')}
-- Invoices grouped by what their aging needs: the month of issue, the due
-- day and the month they were settled in (never before the issue month;
-- null when open). Amounts outside the base currency keep their issue day,
-- where they are converted.
CREATE TABLE invoice_sums (
  currency TEXT NOT NULL,
  issue_month INTEGER NOT NULL,
  issued_on TEXT,
  due_on TEXT,
  leave_month INTEGER,
  amount_minor INTEGER NOT NULL,
  invoices INTEGER NOT NULL
) STRICT;

-- What the value of each paying subscription term adds up to, by start
-- day, and the backlog it leaves at each month end, by currency.
CREATE TABLE contract_start_days (
  currency TEXT NOT NULL,
  start_on TEXT NOT NULL,
  amount_minor INTEGER NOT NULL,
  subscriptions INTEGER NOT NULL,
  open_ended INTEGER NOT NULL,
  PRIMARY KEY (currency, start_on)
) STRICT, WITHOUT ROWID;

CREATE TABLE contract_backlog_months (
  currency TEXT NOT NULL,
  month INTEGER NOT NULL,
  amount_minor INTEGER NOT NULL,
  subscriptions INTEGER NOT NULL,
  open_ended INTEGER NOT NULL,
  PRIMARY KEY (currency, month)
) STRICT, WITHOUT ROWID;

-- New customers by their first paying month end, and their MRR on it by
-- currency.
CREATE TABLE first_payment_months (
  first_month_end TEXT PRIMARY KEY,
  customers INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE first_payment_mrr (
  first_month_end TEXT NOT NULL,
  currency TEXT NOT NULL,
  mrr_minor INTEGER NOT NULL,
  PRIMARY KEY (first_month_end, currency)
) STRICT, WITHOUT ROWID;

-- Answered tickets by day of closing (or opening) for CSAT.
CREATE TABLE ticket_score_days (
  day TEXT PRIMARY KEY,
  answered INTEGER NOT NULL,
  satisfied INTEGER NOT NULL,
  score_sum REAL NOT NULL
) STRICT, WITHOUT ROWID;

-- Paying subscriptions up for renewal by end day, and how many of them
-- were renewed.
CREATE TABLE renewal_days (
  end_on TEXT PRIMARY KEY,
  up_for_renewal INTEGER NOT NULL,
  renewed INTEGER NOT NULL
) STRICT, WITHOUT ROWID;

-- Accounts paying on some day of each month, from the month the count
-- changes (a month index) until the next row.
CREATE TABLE paying_account_months (
  month INTEGER PRIMARY KEY,
  accounts INTEGER NOT NULL
) STRICT;

-- Leads by creation day and channel (their own, else their campaign's).
CREATE TABLE lead_days (
  day TEXT NOT NULL,
  channel TEXT NOT NULL,
  leads INTEGER NOT NULL,
  PRIMARY KEY (day, channel)
) STRICT, WITHOUT ROWID;

-- The change counts and settings a summed table was built at; is_exact is
-- 0 when some source row could not be summed exactly (a date that is not a
-- calendar day), and the figures must come from the rows themselves.
CREATE TABLE summed_state (
  name TEXT PRIMARY KEY,
  mark TEXT NOT NULL,
  is_exact INTEGER NOT NULL,
  built_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;
`,
};
