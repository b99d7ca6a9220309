// Imports one file into an open workspace. Two passes: the first
// (analyseFile.ts) reads the whole file to recognise its layout and decide
// each date column's order, so an inconsistent column is reported before
// anything is written; the second writes every row inside one transaction,
// so a cancelled or failed import leaves the workspace exactly as it was.
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { ColumnMapping, ImportResult } from '../../../shared/contract.js';
import { WorkbenchError } from '../../../shared/envelope.js';
import { createLogger } from '../logger.js';
import type { Db } from '../store/database.js';
import { readSettings } from '../store/settings.js';
import {
  analyse,
  Cancelled,
  fileColumnName,
  isBlank,
  type Analysis,
} from './analyseFile.js';
import {
  inspectFile,
  readRecordBatches,
  type Delimiter,
} from './fileReader.js';
import { finishBatch, openBatch, type Counts } from './batchRecords.js';
import { mappingForHeader, saveMapping } from './mappings.js';
import { CellError } from './presets/cells.js';
import type {
  EntityRecord,
  MappingContext,
  Preset,
  RowReader,
} from './presets/types.js';
import { ensureSummedTables } from '../kpi/summedTables.js';
import { rebuildDealAggregates } from '../kpi/deals/index.js';
import { rebuildMrrMonthEnds } from '../kpi/recurring/index.js';
import {
  constraintProblem,
  rowShapeProblem,
  RowTally,
  type RowProblem,
} from './rowChecks.js';
import { SeenIds } from './seenIds.js';
import type { DateOrder } from './values/dates.js';
import type { DecimalMark } from './values/numbers.js';
import { RecordWriter, registerSqlFunctions, resolveLinks } from './writer.js';

const log = createLogger('import');

export type ImportRequest = {
  path: string;
  /** The name recorded with the batch and shown in errors. */
  name: string;
  preset: string | null;
  /** Only layouts of this entity are considered. */
  entity?: string;
  isDryRun?: boolean;
  encoding?: string;
  delimiter?: Delimiter;
  /** For workbooks: the worksheet's name; the first when absent. */
  sheet?: string;
  /** For date columns whose values never reveal their order. */
  dateOrder?: DateOrder;
  decimalMark?: DecimalMark;
  currency?: string;
  /** Columns mapped by hand; wins over layouts and saved mappings. */
  mapping?: ColumnMapping;
  /** Keeps `mapping` under this name once the file is imported. */
  saveMappingAs?: string;
  /** Rows of records deleted by hand: skipped, restored, or (absent) ask. */
  deletedRecords?: 'skip' | 'restore';
  /** How many rejected rows the result lists; all are kept in the batch. */
  errorLimit?: number;
};

export type ImportProgress = {
  /** The first pass checks the whole file; the second writes it. */
  phase: 'checking' | 'writing';
  /** Rows written (or, while checking, read) so far. */
  rowsDone: number;
  /** Bytes of the file read in this phase, of `bytesTotal`. */
  bytesDone: number;
  bytesTotal: number;
};

export type ImportHooks = {
  isCancelled(): boolean;
  onProgress(progress: ImportProgress): void;
};

/** How many rejected rows a result lists unless asked for more. */
const FIRST_ERRORS = 100;

/** Outcomes of a row beyond the writer's own. */
type RowOutcome =
  | 'new'
  | 'changed'
  | 'unchanged'
  | 'repeated'
  | 'deleted-skipped'
  | 'deleted-unasked';

export async function importFile(
  db: Db,
  request: ImportRequest,
  hooks: ImportHooks,
): Promise<ImportResult> {
  const shape = inspectFile(request.path, {
    encoding: request.encoding,
    delimiter: request.delimiter,
    sheet: request.sheet,
  });
  const currency = request.currency ?? readSettings(db).baseCurrency;
  let bytesDone = 0;
  const counts: Counts = {
    read: 0,
    skipped: 0,
    new: 0,
    changed: 0,
    unchanged: 0,
    rejected: 0,
  };
  const warnings: string[] = [];
  const tally = new RowTally();
  const report = () =>
    hooks.onProgress({
      phase: 'writing',
      rowsDone: counts.read,
      bytesDone,
      bytesTotal: shape.size,
    });
  const track = (bytes: number) => {
    bytesDone += bytes;
  };
  let analysed: Analysis | null = null;
  const firstErrors: ImportResult['errors'] = [];
  const columnName = (column: string) =>
    fileColumnName(
      analysed?.names ?? [],
      analysed?.binding ?? new Map(),
      column,
    );
  const result = (
    status: ImportResult['status'],
    batchId: number | null,
    preset: Preset | null,
    message: string | null,
  ): ImportResult => ({
    batchId,
    file: request.name,
    preset: preset?.id ?? request.preset ?? 'unknown',
    entity: preset?.entity ?? 'unknown',
    status,
    encoding: shape.format === 'xlsx' ? null : shape.encoding,
    delimiter: shape.format === 'xlsx' ? null : shape.delimiter,
    sheet: shape.sheet,
    rowsRead: counts.read,
    rowsSkipped: counts.skipped,
    rowsNew: counts.new,
    rowsChanged: counts.changed,
    rowsUnchanged: counts.unchanged,
    rowsRejected: counts.rejected,
    rowsDeletedEarlier: tally.deletedRows,
    message,
    decimalMark: analysed?.decimalMark ?? null,
    dateOrders: Object.fromEntries(
      [...(analysed?.dateOrders ?? [])].map(([column, order]) => [
        columnName(column),
        order,
      ]),
    ),
    mapping: Object.fromEntries(
      [...(analysed?.binding.keys() ?? [])].map((column) => [
        column,
        columnName(column),
      ]),
    ),
    mappingName: analysed?.mapping?.name ?? null,
    warnings,
    errors: firstErrors,
  });

  let analysis: Analysis;
  try {
    analysis = await analyse(request, shape, currency, hooks, (header) =>
      mappingForHeader(db, header),
    );
    analysed = analysis;
  } catch (error) {
    if (error instanceof Cancelled)
      return result(
        'cancelled',
        null,
        null,
        'Cancelled before anything was written.',
      );
    if (!(error instanceof WorkbenchError)) throw error;
    // A check keeps no batch; it still says what stopped it.
    if (request.isDryRun) return result('failed', null, null, error.message);
    const batchId = openBatch(db, request, shape, null);
    finishBatch(db, batchId, 'failed', counts, error.message);
    return result('failed', batchId, null, error.message);
  }
  const { preset, header, binding } = analysis;
  if (analysis.decimalNote) warnings.push(analysis.decimalNote);
  const context: MappingContext = {
    dateOrder: (column) => analysis.dateOrders.get(column) ?? 'ymd',
    decimalMark: analysis.decimalMark,
    currency,
    isCurrencyChosen: request.currency !== undefined,
  };
  registerSqlFunctions(db);
  const batchId = request.isDryRun
    ? null
    : openBatch(db, request, shape, preset);
  db.exec('BEGIN IMMEDIATE');
  try {
    const rowBatchId = batchId ?? openBatch(db, request, shape, preset);
    const writer = new RecordWriter(db, preset.source, rowBatchId);
    const seen = new SeenIds(db);
    const rejectRow = db.prepare(
      `INSERT INTO import_row_errors
         (batch_id, file_name, line, column_name, value, reason, raw_row)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    const names = analysis.names;
    // Columns up to the last named one; unnamed trailing columns may be
    // absent or blank.
    const namedWidth = names.reduce(
      (width, name, index) => (name === '' ? width : index + 1),
      0,
    );
    const reject = (fields: string[], line: number, problem: RowProblem) => {
      counts.rejected += 1;
      const raw = Object.fromEntries(
        names
          .map((name, position) => [name, fields[position] ?? ''])
          .filter(([name]) => name !== ''),
      );
      const column =
        problem.column === null ? null : columnName(problem.column);
      rejectRow.run(
        rowBatchId,
        request.name,
        line,
        column,
        problem.value,
        problem.reason,
        JSON.stringify(raw),
      );
      if (firstErrors.length < (request.errorLimit ?? FIRST_ERRORS)) {
        firstErrors.push({
          line,
          column,
          value: problem.value,
          reason: problem.reason,
        });
      }
    };
    const writeRow = (primary: EntityRecord, line: number): RowOutcome => {
      const earlier = seen.earlierLine(primary.externalId, line);
      if (earlier !== null) {
        // Two rows, one record: the later row is the newer word, as it
        // would be in a later export; the report names the pair.
        if (!writer.differs(primary)) return 'repeated';
        tally.conflict(line, earlier);
      }
      if (writer.isDeleted(primary)) {
        if (request.deletedRecords === undefined) return 'deleted-unasked';
        if (request.deletedRecords === 'skip') return 'deleted-skipped';
        writer.forgetDeletion(primary);
        tally.deleted('restored', line);
      }
      return writer.write(primary);
    };
    let isHeader = true;
    for await (const batch of readRecordBatches(request.path, shape, track)) {
      for (const record of batch) {
        if (isBlank(record.fields)) {
          if (!isHeader) counts.skipped += 1;
          continue;
        }
        if (isHeader) {
          isHeader = false;
          continue;
        }
        counts.read += 1;
        if (record.fields.some((field) => field.includes('\uFFFD'))) {
          tally.undecodable(record.line);
        }
        const shapeProblem = rowShapeProblem(
          record.fields,
          namedWidth,
          // A worksheet leaves trailing empty cells out of a row.
          shape.format === 'xlsx',
        );
        if (shapeProblem) {
          reject(record.fields, record.line, shapeProblem);
          continue;
        }
        const row: RowReader = {
          line: record.line,
          has: (column) => binding.has(column),
          get: (column) => {
            const position = binding.get(column);
            return position === undefined
              ? ''
              : (record.fields[position] ?? '').trim();
          },
        };
        try {
          const mapped = preset.map(row, context);
          if (mapped.kind === 'rejected') {
            reject(record.fields, record.line, mapped.problem);
            continue;
          }
          const [primary, ...rest] = mapped.records;
          if (!primary) continue;
          const outcome = writeRow(primary, record.line);
          switch (outcome) {
            case 'new':
            case 'changed':
            case 'unchanged':
              counts[outcome] += 1;
              break;
            case 'repeated':
              counts.skipped += 1;
              tally.repeat(record.line);
              continue;
            case 'deleted-skipped':
            case 'deleted-unasked':
              counts.skipped += 1;
              tally.deleted(
                outcome === 'deleted-skipped' ? 'skipped' : 'unasked',
                record.line,
              );
              continue;
          }
          for (const extra of rest) writer.write(extra);
        } catch (error) {
          const problem =
            error instanceof CellError
              ? error.problem
              : constraintProblem(error);
          if (!problem) throw error;
          reject(record.fields, record.line, problem);
        }
      }
      report();
      await nextTurn();
      if (hooks.isCancelled()) throw new Cancelled();
    }
    warnings.push(
      ...tally.warnings({
        file: request.name,
        encoding: shape.format === 'xlsx' ? null : shape.encoding,
        isDryRun: request.isDryRun === true,
      }),
    );
    resolveLinks(db);
    if (request.isDryRun) {
      db.exec('ROLLBACK');
      report();
      return result('dry_run', null, preset, null);
    }
    if (request.saveMappingAs && analysis.mapping) {
      saveMapping(
        db,
        request.saveMappingAs,
        analysis.mapping.columns,
        preset.source,
        [...header.keys()],
      );
    }
    // The month-end MRR the dashboard reads is rebuilt here, in the
    // import's worker, rather than on the first look after it.
    if (preset.entity === 'subscriptions' || preset.entity === 'accounts') {
      rebuildMrrMonthEnds(db);
    }
    // Deal totals likewise; importing users relinks deal owners.
    if (preset.entity === 'opportunities' || preset.entity === 'users') {
      rebuildDealAggregates(db);
    }
    // Receivables and contract sums follow their tables' change counts.
    ensureSummedTables(db);
    finishBatch(db, rowBatchId, 'committed', counts, null);
    db.exec('COMMIT');
    report();
    log.info('importFile: committed', {
      batchId: rowBatchId,
      rows: counts.read,
    });
    return result('committed', rowBatchId, preset, null);
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    const isCancel = error instanceof Cancelled;
    const message = isCancel
      ? `Cancelled at row ${counts.read}; nothing of this file was written.`
      : error instanceof WorkbenchError
        ? error.message
        : `${request.name}: the import stopped at row ${counts.read}: ${(error as Error).message}. Nothing of this file was written.`;
    // A refusal the user can act on is no fault of the program; its text
    // may quote the file, so only its kind is logged.
    if (error instanceof WorkbenchError) {
      log.info('importFile: refused', { code: error.code });
    } else if (!isCancel) {
      log.error('importFile: failed', { error: error as Error });
    }
    const status = isCancel ? 'cancelled' : 'failed';
    // Nothing was written, whatever the rows looked like on the way.
    Object.assign(counts, { new: 0, changed: 0, unchanged: 0 });
    if (batchId !== null) finishBatch(db, batchId, status, counts, message);
    return result(status, batchId, preset, message);
  }
}

export { unreadableResult } from './rowChecks.js';
