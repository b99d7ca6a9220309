// Workspace settings: a small key-value table with typed accessors.
import type { FiscalCalendar } from '../../../shared/period.js';
import type { Db } from './database.js';

export type WorkspaceSettings = {
  name: string;
  baseCurrency: string;
  fiscalYearStartMonth: number;
  fiscalYearLabel: 'start' | 'end';
  /** Metric settings: the gross margin CLV and CAC payback use, in %. */
  grossMarginPct: number;
  /** Months of logo churn CLV averages. */
  churnWindowMonths: number;
  /** Whether NRR counts reactivated MRR as retained. */
  isReactivationInNrr: boolean;
};

const DEFAULTS: WorkspaceSettings = {
  name: 'Workspace',
  baseCurrency: 'USD',
  fiscalYearStartMonth: 1,
  fiscalYearLabel: 'end',
  grossMarginPct: 80,
  churnWindowMonths: 12,
  isReactivationInNrr: false,
};

export function readSettings(db: Db): WorkspaceSettings {
  const rows = db
    .prepare('SELECT key, value FROM workspace_settings')
    .all() as { key: string; value: string }[];
  const stored = new Map(rows.map((row) => [row.key, row.value]));
  const label = stored.get('fiscalYearLabel');
  return {
    name: stored.get('name') ?? DEFAULTS.name,
    baseCurrency: stored.get('baseCurrency') ?? DEFAULTS.baseCurrency,
    fiscalYearStartMonth: Number(
      stored.get('fiscalYearStartMonth') ?? DEFAULTS.fiscalYearStartMonth,
    ),
    fiscalYearLabel: label === 'start' ? 'start' : DEFAULTS.fiscalYearLabel,
    grossMarginPct: Number(
      stored.get('grossMarginPct') ?? DEFAULTS.grossMarginPct,
    ),
    churnWindowMonths: Number(
      stored.get('churnWindowMonths') ?? DEFAULTS.churnWindowMonths,
    ),
    isReactivationInNrr: stored.get('isReactivationInNrr') === 'true',
  };
}

export function writeSettings(
  db: Db,
  changes: Partial<WorkspaceSettings>,
): void {
  const upsert = db.prepare(
    `INSERT INTO workspace_settings (key, value) VALUES (?, ?)
     ON CONFLICT(key) DO UPDATE SET value = excluded.value`,
  );
  db.transaction(() => {
    for (const [key, value] of Object.entries(changes)) {
      if (value !== undefined) upsert.run(key, String(value));
    }
  })();
}

export function fiscalCalendar(settings: WorkspaceSettings): FiscalCalendar {
  return {
    startMonth: settings.fiscalYearStartMonth,
    label: settings.fiscalYearLabel,
  };
}
