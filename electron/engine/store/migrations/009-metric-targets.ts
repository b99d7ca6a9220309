// Targets per metric and period: the SMART goals of a revenue plan, each
// with its baseline, owner and deadline.
import type { Migration } from './index.js';

export const metricTargets: Migration = {
  version: 9,
  name: 'metric targets',
  sql: `
CREATE TABLE metric_targets (
  id INTEGER PRIMARY KEY,
  metric TEXT NOT NULL,
  period TEXT NOT NULL,
  baseline REAL,
  target REAL NOT NULL,
  owner TEXT,
  deadline TEXT,
  note TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (metric, period)
) STRICT;
`,
};
