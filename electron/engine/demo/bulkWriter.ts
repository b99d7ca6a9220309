// Writes generated rows through prepared statements in chunked transactions:
// one transaction per row would take hours for a million deals, one for the
// whole run would hold every page in the journal at once. Rows are sent to
// SQLite several at a time, because the cost of a call into the native
// module rivals the cost of storing a narrow row.
import type { Statement } from 'better-sqlite3';
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
  /** Tables whose rows count toward progress. */
  progressTables: readonly DemoTable[];
  onProgress?: (done: number, total: number) => void;
};

/** Rows per multi-row INSERT; far below SQLite's limit on bound values. */
const ROWS_PER_STATEMENT = 64;

type TableBuffer = {
  single: Statement;
  multiple: Statement;
  values: unknown[];
  rows: number;
};

export class BulkWriter {
  private readonly db: Db;
  private readonly options: BulkWriterOptions;
  private readonly counts: DemoSummary;
  private readonly buffers: TableBuffer[] = [];
  private pendingRows = 0;
  private progressDone = 0;
  private progressTotal = 0;
  private isOpen = false;

  constructor(db: Db, options: BulkWriterOptions) {
    this.db = db;
    this.options = options;
    this.counts = Object.fromEntries(
      DEMO_TABLES.map((table) => [table, 0]),
    ) as DemoSummary;
  }

  /**
   * A row inserter for one table. `columns` names the bound columns, in the
   * order the caller passes their values; `constants` are the same for
   * every row and go into the SQL as literals. Rows may reach the table
   * after rows of other tables written later, so foreign keys must be off
   * until `finish`.
   */
  inserter(
    table: DemoTable,
    columns: string,
    constants: Readonly<Record<string, string | number>> = {},
  ): InsertRow {
    const bound = columns.split(/\s+/).filter((name) => name !== '');
    const width = bound.length;
    const names = [...Object.keys(constants), ...bound];
    const tuple = [
      ...Object.values(constants).map(sqlLiteral),
      ...bound.map(() => '?'),
    ].join(', ');
    const head = `INSERT INTO ${table} (${names.join(', ')}) VALUES `;
    const many = new Array<string>(ROWS_PER_STATEMENT).fill(`(${tuple})`);
    const buffer: TableBuffer = {
      single: this.db.prepare(`${head}(${tuple})`),
      multiple: this.db.prepare(head + many.join(', ')),
      values: [],
      rows: 0,
    };
    this.buffers.push(buffer);
    const isProgress = this.options.progressTables.includes(table);
    return (values) => {
      if (values.length !== width) {
        throw new RangeError(
          `BulkWriter: ${table} takes ${width} values, got ${values.length}`,
        );
      }
      for (const value of values) buffer.values.push(value);
      buffer.rows += 1;
      if (buffer.rows === ROWS_PER_STATEMENT) {
        buffer.multiple.run(buffer.values);
        buffer.values.length = 0;
        buffer.rows = 0;
      }
      this.counts[table] += 1;
      if (isProgress) this.progressDone += 1;
      this.pendingRows += 1;
      if (this.pendingRows >= this.options.chunkRows) this.commitChunk();
    };
  }

  /** Rows of the progress tables the whole run will write. */
  expect(total: number): void {
    this.progressTotal = total;
  }

  begin(): void {
    this.db.exec('BEGIN');
    this.isOpen = true;
  }

  /** Commits what is pending. */
  finish(): DemoSummary {
    if (this.isOpen) {
      this.flush();
      this.db.exec('COMMIT');
      this.isOpen = false;
    }
    return { ...this.counts };
  }

  reportProgress(): void {
    this.options.onProgress?.(this.progressDone, this.progressTotal);
  }

  /** Rolls back the open chunk after a failure; safe to call twice. */
  abort(): void {
    if (this.isOpen && this.db.inTransaction) this.db.exec('ROLLBACK');
    this.isOpen = false;
  }

  private flush(): void {
    for (const buffer of this.buffers) {
      const width = buffer.rows === 0 ? 0 : buffer.values.length / buffer.rows;
      for (let row = 0; row < buffer.rows; row += 1) {
        buffer.single.run(buffer.values.slice(row * width, (row + 1) * width));
      }
      buffer.values.length = 0;
      buffer.rows = 0;
    }
  }

  private commitChunk(): void {
    this.flush();
    this.db.exec('COMMIT');
    this.pendingRows = 0;
    this.reportProgress();
    this.db.exec('BEGIN');
  }
}

function sqlLiteral(value: string | number): string {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError('sqlLiteral: not finite');
    return String(value);
  }
  return `'${value.replaceAll("'", "''")}'`;
}
