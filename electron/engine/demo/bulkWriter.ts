// Writes generated rows through prepared statements in chunked transactions:
// one transaction per row would take hours for a million deals, one for the
// whole run would hold every page in the journal at once.
import type { Db } from '../store/database.js';

export const DEMO_TABLES = [
  'teams',
  'users',
  'products',
  'accounts',
  'contacts',
  'campaigns',
  'campaign_spend',
  'leads',
  'opportunities',
  'opportunity_stage_history',
  'quotas',
  'subscriptions',
  'contract_lines',
  'invoices',
  'payments',
  'tickets',
] as const;

export type DemoTable = (typeof DEMO_TABLES)[number];

/** How many rows the generator wrote to each table. */
export type DemoSummary = Record<DemoTable, number>;

export type InsertRow = (values: unknown[]) => void;

export type BulkWriterOptions = {
  chunkRows: number;
  /** Rows of the scaled tables the whole run will write. */
  progressTotal: number;
  /** Tables whose rows count toward progress. */
  progressTables: readonly DemoTable[];
  onProgress?: (done: number, total: number) => void;
};

export class BulkWriter {
  private readonly db: Db;
  private readonly options: BulkWriterOptions;
  private readonly counts: DemoSummary;
  private pendingRows = 0;
  private progressDone = 0;
  private isOpen = false;

  constructor(db: Db, options: BulkWriterOptions) {
    this.db = db;
    this.options = options;
    this.counts = Object.fromEntries(
      DEMO_TABLES.map((table) => [table, 0]),
    ) as DemoSummary;
  }

  /**
   * A row inserter for one table. The SQL must list the columns and bind
   * every value positionally, in the order the caller passes them.
   */
  inserter(table: DemoTable, sql: string): InsertRow {
    const statement = this.db.prepare(sql);
    const isProgress = this.options.progressTables.includes(table);
    return (values) => {
      statement.run(values);
      this.counts[table] += 1;
      if (isProgress) this.progressDone += 1;
      this.pendingRows += 1;
      if (this.pendingRows >= this.options.chunkRows) this.commitChunk();
    };
  }

  begin(): void {
    this.db.exec('BEGIN');
    this.isOpen = true;
  }

  /** Commits what is pending and reports the final progress. */
  finish(): DemoSummary {
    if (this.isOpen) {
      this.db.exec('COMMIT');
      this.isOpen = false;
    }
    this.options.onProgress?.(this.progressDone, this.options.progressTotal);
    return { ...this.counts };
  }

  /** Rolls back the open chunk after a failure; safe to call twice. */
  abort(): void {
    if (this.isOpen && this.db.inTransaction) this.db.exec('ROLLBACK');
    this.isOpen = false;
  }

  private commitChunk(): void {
    this.db.exec('COMMIT');
    this.pendingRows = 0;
    this.options.onProgress?.(this.progressDone, this.options.progressTotal);
    this.db.exec('BEGIN');
  }
}
