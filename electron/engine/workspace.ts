// A workspace is one SQLite file. This module opens and creates them, reports
// what they hold, and settles imports that a crash left running.
import { basename } from 'node:path';
import type { WorkspaceInfo } from '../../shared/contract.js';
import { WorkbenchError } from '../../shared/envelope.js';
import { createLogger } from './logger.js';
import { openDatabase, schemaVersion, type Db } from './store/database.js';
import { readSettings, writeSettings } from './store/settings.js';

const log = createLogger('workspace');

const COUNTED_TABLES = [
  'opportunities',
  'accounts',
  'products',
  'users',
  'teams',
  'subscriptions',
  'invoices',
  'tickets',
  'customer_snapshots',
  'churn_events',
  'feature_usage',
] as const;

export type OpenWorkspace = {
  path: string;
  db: Db;
  interruptedBatches: number[];
};

export function createWorkspace(path: string, name?: string): OpenWorkspace {
  if (!path.endsWith('.revops')) {
    throw new WorkbenchError(
      'invalid_argument',
      `A workspace file name ends in .revops; got ${basename(path)}.`,
    );
  }
  const db = openDatabase(path, { create: true });
  const hasData = COUNTED_TABLES.some((table) => countRows(db, table) > 0);
  if (hasData) {
    db.close();
    throw new WorkbenchError(
      'invalid_argument',
      `${basename(path)} already holds a workspace with data. Open it ` +
        'instead, or choose another file name.',
    );
  }
  writeSettings(db, { name: name ?? basename(path, '.revops') });
  log.info('createWorkspace: created', { schema: schemaVersion(db) });
  return { path, db, interruptedBatches: [] };
}

export function openWorkspace(path: string): OpenWorkspace {
  const db = openDatabase(path);
  const interruptedBatches = settleInterruptedImports(db);
  return { path, db, interruptedBatches };
}

/**
 * An import that was running when the process died left only its batch row
 * behind (its data transaction rolled back). Mark it, so the next start can
 * say what happened.
 */
function settleInterruptedImports(db: Db): number[] {
  const running = db
    .prepare("SELECT id FROM import_batches WHERE status = 'running'")
    .all() as { id: number }[];
  if (running.length === 0) return [];
  db.prepare(
    `UPDATE import_batches SET status = 'interrupted',
       finished_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
       message = 'The program stopped during this import; nothing of it was kept.'
     WHERE status = 'running'`,
  ).run();
  log.warn('settleInterruptedImports: marked', { count: running.length });
  return running.map((row) => row.id);
}

function countRows(db: Db, table: (typeof COUNTED_TABLES)[number]): number {
  const row = db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as {
    n: number;
  };
  return row.n;
}

export function describeWorkspace(workspace: OpenWorkspace): WorkspaceInfo {
  const settings = readSettings(workspace.db);
  const counts: Record<string, number> = {};
  for (const table of COUNTED_TABLES) {
    counts[table] = countRows(workspace.db, table);
  }
  return {
    path: workspace.path,
    name: settings.name,
    baseCurrency: settings.baseCurrency,
    fiscalYearStartMonth: settings.fiscalYearStartMonth,
    fiscalYearLabel: settings.fiscalYearLabel,
    grossMarginPct: settings.grossMarginPct,
    churnWindowMonths: settings.churnWindowMonths,
    isReactivationInNrr: settings.isReactivationInNrr,
    schemaVersion: schemaVersion(workspace.db),
    counts,
    interruptedBatches: workspace.interruptedBatches,
  };
}
