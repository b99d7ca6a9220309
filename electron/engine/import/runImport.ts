// Imports one file into an open workspace. Two passes: the first reads the
// whole file to recognise its layout and decide each date column's order,
// so an inconsistent column is reported before anything is written; the
// second writes every row inside one transaction, so a cancelled or failed
// import leaves the workspace exactly as it was.
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { ImportResult } from '../../../shared/contract.js';
import { WorkbenchError } from '../../../shared/envelope.js';
import { createLogger } from '../logger.js';
import type { Db } from '../store/database.js';
import { readSettings } from '../store/settings.js';
import {
  inspectFile,
  readRecordBatches,
  type Delimiter,
  type FileShape,
} from './fileReader.js';
import { CellError } from './presets/cells.js';
import {
  presetById,
  recognisePreset,
  type BoundPreset,
} from './presets/index.js';
import type { MappingContext, Preset, RowReader } from './presets/types.js';
import { DateColumnAnalyser, type DateOrder } from './values/dates.js';
import { DecimalMarkAnalyser } from './values/decimalMark.js';
import type { DecimalMark } from './values/numbers.js';
import { currencyExponent } from '../../../shared/money.js';
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

type Counts = {
  read: number;
  skipped: number;
  new: number;
  changed: number;
  unchanged: number;
  rejected: number;
};

class Cancelled extends Error {}

/** How many rejected rows a result lists; all are kept in the batch. */
const FIRST_ERRORS = 100;

function isBlank(fields: string[]): boolean {
  return fields.every((field) => field.trim() === '');
}

function headerIndex(fields: string[]): Map<string, number> {
  const index = new Map<string, number>();
  fields.forEach((field, position) => {
    const name = field.trim().toLowerCase();
    if (name !== '' && !index.has(name)) index.set(name, position);
  });
  return index;
}

type Analysis = {
  preset: Preset;
  /** The file's own header names, lower-cased, to positions. */
  header: Map<string, number>;
  /** The preset's columns to positions. */
  binding: Map<string, number>;
  dateOrders: Map<string, DateOrder>;
  decimalMark: DecimalMark;
};

async function analyse(
  request: ImportRequest,
  shape: FileShape,
  currency: string,
  hooks: ImportHooks,
): Promise<Analysis> {
  let read = 0;
  const track = (bytes: number) => {
    read += bytes;
  };
  const bytesRead = () => read;
  let header: Map<string, number> | null = null;
  let bound: BoundPreset | null = null;
  let analysers: Map<string, DateColumnAnalyser> = new Map();
  const decimalMarks = new DecimalMarkAnalyser();
  const exponent = currencyExponent(currency);
  let rows = 0;
  for await (const batch of readRecordBatches(request.path, shape, track)) {
    for (const record of batch) {
      if (isBlank(record.fields)) continue;
      if (!header) {
        header = headerIndex(record.fields);
        bound = bindPreset(request, header);
        const binding = bound.binding;
        analysers = new Map(
          bound.preset.dateColumns
            .filter((column) => binding.has(column))
            .map((column) => [column, new DateColumnAnalyser()]),
        );
        continue;
      }
      if (!bound) continue;
      for (const column of bound.preset.moneyColumns) {
        const position = bound.binding.get(column);
        const value =
          position === undefined ? '' : (record.fields[position] ?? '');
        decimalMarks.add(value.trim(), record.line, exponent);
      }
      for (const [column, analyser] of analysers) {
        const position = bound.binding.get(column);
        const value =
          position === undefined ? '' : (record.fields[position] ?? '');
        analyser.add(value.trim(), record.line);
      }
      rows += 1;
    }
    hooks.onProgress({
      phase: 'checking',
      rowsDone: rows,
      bytesDone: bytesRead(),
      bytesTotal: shape.size,
    });
    await nextTurn();
    if (hooks.isCancelled()) throw new Cancelled();
  }
  if (!header || !bound) {
    throw new WorkbenchError('import_failed', `${request.name} is empty.`);
  }
  const { preset, binding } = bound;
  const markDecision = decimalMarks.decide(request.decimalMark ?? '.');
  if ('problem' in markDecision) {
    throw new WorkbenchError(
      'import_failed',
      `${request.name}: amounts use a decimal point on line ` +
        `${decimalMarks.pointOnlyLines.join(', ')} but a decimal comma on ` +
        `line ${decimalMarks.commaOnlyLines.join(', ')}. Fix the file so ` +
        'it uses one; nothing was imported.',
    );
  }
  const dateOrders = new Map<string, DateOrder>();
  for (const [column, analyser] of analysers) {
    const decision = analyser.decide(
      request.dateOrder ?? fileDateOrder(analysers),
    );
    if ('order' in decision) {
      dateOrders.set(column, decision.order);
      continue;
    }
    const { dayFirstOnlyLines, monthFirstOnlyLines } = analyser.details;
    const reason =
      decision.problem === 'inconsistent'
        ? `mixes day-first dates (line ${dayFirstOnlyLines.join(', ')}) ` +
          `with month-first dates (line ${monthFirstOnlyLines.join(', ')}). ` +
          'Fix the file so the column uses one order; nothing was imported.'
        : 'has dates such as 03/04/2024 that read both day-first and ' +
          'month-first. Choose the date order for this file; nothing was ' +
          'imported.';
    throw new WorkbenchError(
      'import_failed',
      `${request.name}: column ${fileColumnName(header, binding, column)} ${reason}`,
    );
  }
  return {
    preset,
    header,
    binding,
    dateOrders,
    decimalMark: markDecision.mark,
  };
}

/** The file's own name for a preset column, as its header spells it. */
function fileColumnName(
  header: ReadonlyMap<string, number>,
  binding: ReadonlyMap<string, number>,
  column: string,
): string {
  const position = binding.get(column);
  for (const [name, at] of header) if (at === position) return name;
  return column;
}

/**
 * Header names as an error shows them: control characters dropped (a binary
 * file's bytes must not drive a terminal) and the list kept short.
 */
function shownColumns(names: string[]): string {
  const clean = names
    .slice(0, 12)
    .map((name) =>
      name.replace(/[\u0000-\u001f\u007f-\u009f]/g, '').slice(0, 40),
    );
  return clean.join(', ') + (names.length > 12 ? ', …' : '');
}

function bindPreset(
  request: ImportRequest,
  header: Map<string, number>,
): BoundPreset {
  const names = [...header.keys()];
  if (!request.preset) {
    const recognised = recognisePreset(header, request.entity);
    if (recognised) return recognised;
    throw new WorkbenchError(
      'import_failed',
      `${request.name}: its columns (${shownColumns(names)}) match no known ` +
        'export layout. Choose a preset for it.',
    );
  }
  const preset = presetById(request.preset);
  const binding = preset.bind(header);
  if (binding) return { preset, binding };
  const missing = preset.columns.filter((column) => !header.has(column));
  throw new WorkbenchError(
    'import_failed',
    `${request.name}: the ${preset.id} layout needs the column(s) ` +
      `${missing.join(', ')}, which line 1 does not have.`,
  );
}

/**
 * The order the file's other date columns reveal, when they agree: one
 * export is written one way throughout, so a column whose own values never
 * tell takes it.
 */
function fileDateOrder(
  analysers: Map<string, DateColumnAnalyser>,
): DateOrder | null {
  const revealed = new Set<DateOrder>();
  for (const analyser of analysers.values()) {
    const decision = analyser.decide(null);
    if ('order' in decision && decision.order !== 'ymd')
      revealed.add(decision.order);
  }
  return revealed.size === 1 ? ([...revealed][0] ?? null) : null;
}

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
    message,
    decimalMark: analysed?.decimalMark ?? null,
    dateOrders: Object.fromEntries(
      [...(analysed?.dateOrders ?? [])].map(([column, order]) => [
        fileColumnName(
          analysed?.header ?? new Map(),
          analysed?.binding ?? new Map(),
          column,
        ),
        order,
      ]),
    ),
    mapping: Object.fromEntries(
      [...(analysed?.binding.keys() ?? [])].map((column) => [
        column,
        fileColumnName(
          analysed?.header ?? new Map(),
          analysed?.binding ?? new Map(),
          column,
        ),
      ]),
    ),
    errors: firstErrors,
  });
  let analysed: Analysis | null = null;
  const firstErrors: ImportResult['errors'] = [];

  let analysis: Analysis;
  try {
    analysis = await analyse(request, shape, currency, hooks);
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
    const rejectRow = db.prepare(
      `INSERT INTO import_row_errors
         (batch_id, file_name, line, column_name, value, reason, raw_row)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    let isHeader = true;
    const names = [...header.entries()];
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
        let mapped;
        try {
          mapped = preset.map(row, context);
        } catch (error) {
          if (!(error instanceof CellError)) throw error;
          mapped = { kind: 'rejected' as const, problem: error.problem };
        }
        if (mapped.kind === 'rejected') {
          counts.rejected += 1;
          const raw = Object.fromEntries(
            names.map(([name, position]) => [
              name,
              record.fields[position] ?? '',
            ]),
          );
          const column =
            mapped.problem.column === null
              ? null
              : fileColumnName(header, binding, mapped.problem.column);
          rejectRow.run(
            rowBatchId,
            request.name,
            record.line,
            column,
            mapped.problem.value,
            mapped.problem.reason,
            JSON.stringify(raw),
          );
          if (firstErrors.length < FIRST_ERRORS) {
            firstErrors.push({
              line: record.line,
              column,
              value: mapped.problem.value,
              reason: mapped.problem.reason,
            });
          }
        } else {
          const [primary, ...rest] = mapped.records;
          if (primary) counts[writer.write(primary)] += 1;
          for (const extra of rest) writer.write(extra);
        }
      }
      report();
      await nextTurn();
      if (hooks.isCancelled()) throw new Cancelled();
    }
    resolveLinks(db);
    if (request.isDryRun) {
      db.exec('ROLLBACK');
      report();
      return result('dry_run', null, preset, null);
    }
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
    if (!isCancel) log.error('importFile: failed', { error: error as Error });
    const status = isCancel ? 'cancelled' : 'failed';
    // Nothing was written, whatever the rows looked like on the way.
    Object.assign(counts, { new: 0, changed: 0, unchanged: 0 });
    if (batchId !== null) finishBatch(db, batchId, status, counts, message);
    return result(status, batchId, preset, message);
  }
}

function openBatch(
  db: Db,
  request: ImportRequest,
  shape: FileShape,
  preset: Preset | null,
): number {
  const { lastInsertRowid } = db
    .prepare(
      `INSERT INTO import_batches
         (source, file_name, file_size, preset, entity, status, started_at)
       VALUES (?, ?, ?, ?, ?, 'running', ?)`,
    )
    .run(
      preset?.source ?? 'unknown',
      request.name,
      shape.size,
      preset?.id ?? request.preset ?? 'unknown',
      preset?.entity ?? 'unknown',
      new Date().toISOString(),
    );
  return Number(lastInsertRowid);
}

function finishBatch(
  db: Db,
  batchId: number,
  status: 'committed' | 'cancelled' | 'failed',
  counts: Counts,
  message: string | null,
): void {
  db.prepare(
    `UPDATE import_batches SET status = ?, finished_at = ?, rows_read = ?,
       rows_skipped = ?, rows_new = ?, rows_changed = ?, rows_unchanged = ?,
       rows_rejected = ?, message = ?
     WHERE id = ?`,
  ).run(
    status,
    new Date().toISOString(),
    counts.read,
    counts.skipped,
    counts.new,
    counts.changed,
    counts.unchanged,
    counts.rejected,
    message,
    batchId,
  );
}
