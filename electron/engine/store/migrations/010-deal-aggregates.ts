// The dashboard reads deals through small tables summed from the
// opportunities, so that a 36-month view does not walk a million rows per
// month. A trigger counts every change of the opportunities in
// `aggregate_sources`; the summed tables remember the count they were built
// at (`aggregate_state`), which makes the staleness check one row read.
//
// A deal open on day E is one that started by E and had not closed by E.
// Each deal adds one step where it starts and takes it back at
// max(start, close), so the open deals of any day are the sum of the steps
// up to it, even for a deal that closed before it started.
import type { Migration } from './index.js';

/** Triggers that count every change of `table` in `aggregate_sources`. */
export const counted = (table: string) =>
  ['INSERT', 'UPDATE', 'DELETE']
    .map(
      (event) => `
CREATE TRIGGER ${table}_counted_${event.toLowerCase()}
  AFTER ${event} ON ${table}
BEGIN
  UPDATE aggregate_sources SET changes = changes + 1
   WHERE source = '${table}';
END;`,
    )
    .join('\n');

// The tables whose figures the dashboard keeps summed, in the database or
// in memory.
const COUNTED_TABLES = [
  'opportunities',
  'subscriptions',
  'invoices',
  'tickets',
  'accounts',
  'exchange_rates',
  'workspace_settings',
];

export const dealAggregates: Migration = {
  version: 10,
  name: 'deal aggregates for the dashboard',
  sql: `
CREATE TABLE aggregate_sources (
  source TEXT PRIMARY KEY,
  changes INTEGER NOT NULL DEFAULT 0
) STRICT, WITHOUT ROWID;
${COUNTED_TABLES.map(
  (table) => `INSERT INTO aggregate_sources (source) VALUES ('${table}');`,
).join('\n')}
${COUNTED_TABLES.map(counted).join('\n')}

CREATE TABLE aggregate_state (
  name TEXT PRIMARY KEY,
  changes INTEGER NOT NULL,
  -- 0 when some won deal's dates do not read as calendar days, so that
  -- cycle lengths must come from the deals themselves.
  is_cycle_exact INTEGER NOT NULL,
  built_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;

-- Won and lost deals by close day, owner and currency.
CREATE TABLE deal_close_days (
  closed_on TEXT NOT NULL,
  status TEXT NOT NULL,
  currency TEXT NOT NULL,
  owner_user_id INTEGER,
  owner_name TEXT,
  close_year INTEGER NOT NULL,
  close_month INTEGER NOT NULL,
  deals INTEGER NOT NULL,
  with_amount INTEGER NOT NULL,
  amount_minor INTEGER NOT NULL
) STRICT;
CREATE INDEX deal_close_days_day ON deal_close_days(closed_on);

-- Sales cycles of won deals: how many took so many days, by close month.
CREATE TABLE deal_cycle_months (
  month TEXT NOT NULL,
  owner_user_id INTEGER,
  owner_name TEXT,
  days INTEGER NOT NULL,
  deals INTEGER NOT NULL
) STRICT;
CREATE INDEX deal_cycle_months_month ON deal_cycle_months(month);

-- Steps of the open deals. view 0: by stage, probability and currency;
-- view 1: the same for deals also expected to close by the day; view 2:
-- by owner; view 3: by the year and month the deal closes in.
CREATE TABLE deal_open_steps (
  view INTEGER NOT NULL CHECK (view BETWEEN 0 AND 3),
  day TEXT NOT NULL,
  stage TEXT,
  probability REAL,
  currency TEXT,
  owner_user_id INTEGER,
  owner_name TEXT,
  close_year INTEGER,
  close_month INTEGER,
  deals INTEGER NOT NULL,
  amounts INTEGER NOT NULL,
  amount_minor INTEGER NOT NULL
) STRICT;
CREATE INDEX deal_open_steps_day ON deal_open_steps(view, day);

-- Leads of a period by channel, without visiting the leads.
CREATE INDEX leads_created ON leads(created_on, campaign_id, channel);
`,
};
