// Generates the demo workspace opened on first start, and the large
// workspaces the benchmarks run against, from a seed alone: the same seed
// and scale always give the same rows. No real dataset goes into it.
import { existsSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { WorkbenchError } from '../../../shared/envelope.js';
import { createLogger } from '../logger.js';
import type { Db } from '../store/database.js';
import { writeSettings } from '../store/settings.js';
import { createWorkspace } from '../workspace.js';
import { planAccounts, writeAccounts } from './accounts.js';
import { BulkWriter, type DemoSummary } from './bulkWriter.js';
import { countBillingDays, writeInvoices } from './invoices.js';
import { writeCampaigns, writeLeads } from './marketing.js';
import { writeOrganisation } from './organisation.js';
import { writePipeline } from './pipeline.js';
import { writeQuotas } from './quotas.js';
import { planSubscriptions, writeSubscriptions } from './subscriptions.js';
import { writeTickets } from './tickets.js';
import { rebuildDealAggregates } from '../kpi/deals/index.js';
import { rebuildMrrMonthEnds } from '../kpi/recurring/index.js';
import { rebuildSummedTables } from '../kpi/summedTables.js';

export type { DemoSummary, DemoTable } from './bulkWriter.js';
export { DEMO_TABLES } from './bulkWriter.js';
export { DEMO_TODAY } from './calendar.js';

const log = createLogger('demo');

export type DemoScale = {
  accounts: number;
  opportunities: number;
  subscriptions: number;
  /** By default, as many as the subscriptions bill. */
  invoices: number;
  tickets: number;
};

export const DEFAULT_DEMO_SCALE: Readonly<Omit<DemoScale, 'invoices'>> = {
  accounts: 300,
  opportunities: 3_000,
  subscriptions: 600,
  tickets: 1_500,
};

export type DemoOptions = {
  seed: number;
  scale?: Partial<DemoScale>;
  /** Called after every committed chunk, in rows of the scaled tables. */
  onProgress?: (done: number, total: number) => void;
};

/** Rows per transaction: large enough to be fast, small enough to report. */
const CHUNK_ROWS = 50_000;

/** Page cache while filling, so that index pages stay in memory. */
const BULK_CACHE_KIB = 256 * 1024;

const SCALE_KEYS = [
  'accounts',
  'opportunities',
  'subscriptions',
  'invoices',
  'tickets',
] as const satisfies readonly (keyof DemoScale)[];

export function generateDemoWorkspace(
  path: string,
  options: DemoOptions,
): DemoSummary {
  const scale = checkedScale(options.scale ?? {});
  if (!Number.isSafeInteger(options.seed)) {
    throw new WorkbenchError(
      'invalid_argument',
      `The demo seed must be a whole number; got ${options.seed}.`,
    );
  }
  if (!path.endsWith('.revops')) {
    throw new WorkbenchError(
      'invalid_argument',
      `A workspace file name ends in .revops; got ${basename(path)}.`,
    );
  }
  if (existsSync(path)) {
    throw new WorkbenchError(
      'invalid_argument',
      `${basename(path)} already exists; the demo is only written to a new ` +
        'file. Choose another name or remove the old file first.',
    );
  }
  // Written beside the target and renamed at the end, so that a run cut
  // short never leaves a half-filled file where a workspace is expected.
  const partialPath = join(
    dirname(path),
    `.${basename(path, '.revops')}.partial.revops`,
  );
  removeWorkspaceFiles(partialPath);
  const startedAt = performance.now();
  const { db } = createWorkspace(partialPath, 'Demo workspace');
  let summary: DemoSummary;
  try {
    writeSettings(db, { baseCurrency: 'USD', fiscalYearStartMonth: 1 });
    // The file is private until the rename below and is deleted on any
    // failure, so crash safety can be traded for speed while it fills.
    db.pragma('journal_mode = MEMORY');
    db.pragma('synchronous = OFF');
    db.pragma(`cache_size = -${BULK_CACHE_KIB}`);
    db.pragma('temp_store = MEMORY');
    db.pragma('foreign_keys = OFF');
    summary = fill(db, options.seed, scale, options.onProgress);
    // The dashboard's summed tables, as an import leaves them, so that
    // the first look at the demo does not build them.
    rebuildMrrMonthEnds(db);
    rebuildDealAggregates(db);
    rebuildSummedTables(db);
    db.pragma('foreign_keys = ON');
    db.pragma('journal_mode = WAL');
    db.close();
  } catch (error) {
    if (db.open) db.close();
    removeWorkspaceFiles(partialPath);
    throw error;
  }
  renameSync(partialPath, path);
  log.info('generateDemoWorkspace: written', {
    rows: Object.values(summary).reduce((sum, count) => sum + count, 0),
    ms: Math.round(performance.now() - startedAt),
  });
  return summary;
}

function fill(
  db: Db,
  seed: number,
  scale: Partial<DemoScale>,
  onProgress: DemoOptions['onProgress'],
): DemoSummary {
  const writer = new BulkWriter(db, {
    chunkRows: CHUNK_ROWS,
    progressTables: SCALE_KEYS,
    onProgress,
  });
  const summary = withIndexesDeferred(db, () => writeAll(writer, seed, scale));
  // Only now is the file complete: the indexes took a while of their own.
  writer.reportProgress();
  return summary;
}

function writeAll(
  writer: BulkWriter,
  seed: number,
  scale: Partial<DemoScale>,
): DemoSummary {
  const counts = { ...DEFAULT_DEMO_SCALE, ...scale };
  writer.begin();
  try {
    const organisation = writeOrganisation(writer, seed);
    const accounts = planAccounts(counts.accounts, seed, organisation);
    const subscriptions = planSubscriptions(
      counts.subscriptions,
      seed,
      accounts,
      organisation.products,
    );
    const invoices = scale.invoices ?? countBillingDays(subscriptions);
    writer.expect(
      counts.accounts +
        counts.opportunities +
        counts.subscriptions +
        invoices +
        counts.tickets,
    );
    writeAccounts(writer, seed, accounts);
    const campaigns = writeCampaigns(writer, seed, accounts.length);
    writeLeads(writer, seed, accounts, campaigns, organisation);
    const bookings = writePipeline(
      writer,
      seed,
      counts.opportunities,
      accounts,
      organisation,
    );
    writeQuotas(writer, seed, organisation, bookings);
    writeSubscriptions(writer, seed, subscriptions);
    writeInvoices(writer, seed, {
      subscriptions,
      accounts,
      products: organisation.products,
      count: invoices,
    });
    writeTickets(writer, seed, {
      count: counts.tickets,
      subscriptions,
      accounts,
    });
    return writer.finish();
  } catch (error) {
    writer.abort();
    throw error;
  }
}

/**
 * Building an index once over sorted keys is far cheaper than keeping it
 * up to date through millions of inserts. The indexes are dropped and then
 * made again from the very statements the schema stored, so the finished
 * file has exactly the schema's indexes.
 */
function withIndexesDeferred<T>(db: Db, load: () => T): T {
  const indexes = db
    .prepare(
      `SELECT name, sql FROM sqlite_schema
       WHERE type = 'index' AND sql IS NOT NULL`,
    )
    .all() as { name: string; sql: string }[];
  for (const index of indexes) {
    db.exec(`DROP INDEX "${index.name.replaceAll('"', '""')}"`);
  }
  const result = load();
  for (const index of indexes) db.exec(index.sql);
  return result;
}

function checkedScale(scale: Partial<DemoScale>): Partial<DemoScale> {
  const checked: Partial<DemoScale> = {};
  for (const key of SCALE_KEYS) {
    const value = scale[key];
    if (value === undefined) continue;
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new WorkbenchError(
        'invalid_argument',
        `The demo scale for ${key} must be a whole number of 0 or more; ` +
          `got ${value}.`,
      );
    }
    checked[key] = value;
  }
  const { accounts, opportunities, subscriptions, tickets } = {
    ...DEFAULT_DEMO_SCALE,
    ...checked,
  };
  const invoices = checked.invoices ?? subscriptions;
  if (
    accounts === 0 &&
    opportunities + subscriptions + invoices + tickets > 0
  ) {
    throw new WorkbenchError(
      'invalid_argument',
      'A demo without accounts can hold no deals, subscriptions, invoices ' +
        'or tickets; ask for at least one account.',
    );
  }
  return checked;
}

function removeWorkspaceFiles(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) {
    rmSync(path + suffix, { force: true });
  }
}
