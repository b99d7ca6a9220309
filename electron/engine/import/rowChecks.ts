// Checks on single rows and files that the import reports rather than
// fails on: a row whose values do not line up with the header, a value the
// store refuses, and a file that cannot be opened at all.
import type { ImportResult } from '../../../shared/contract.js';
import { WorkbenchError } from '../../../shared/envelope.js';
import type { ImportRequest } from './runImport.js';

export type RowProblem = {
  column: string | null;
  value: string | null;
  reason: string;
};

/**
 * A row with more values than the header names, or fewer, was cut or
 * joined by a lost delimiter or quote: its values cannot be trusted to sit
 * under the right columns.
 */
export function rowShapeProblem(
  fields: readonly string[],
  namedWidth: number,
  isShortAllowed: boolean,
): RowProblem | null {
  const extra = fields.slice(namedWidth).some((field) => field.trim() !== '');
  const isShort = fields.length < namedWidth && !isShortAllowed;
  if (!isShort && !extra) return null;
  const count = extra
    ? namedWidth + fields.slice(namedWidth).filter((f) => f.trim()).length
    : fields.length;
  return {
    column: null,
    value: null,
    reason:
      `This row has ${extra ? 'more' : 'fewer'} values (${count}) than ` +
      `the header has columns (${namedWidth}); a delimiter or quote may ` +
      'have been lost, so it was not imported.',
  };
}

/** The constraint a store column broke, as a row error. */
export function constraintProblem(error: unknown): RowProblem | null {
  if (!(error instanceof Error) || !('code' in error)) return null;
  const code = String(error.code);
  if (!code.startsWith('SQLITE_CONSTRAINT')) return null;
  const column = /: \w+\.(\w+)/.exec(error.message)?.[1] ?? null;
  return {
    column,
    value: '',
    reason:
      code === 'SQLITE_CONSTRAINT_NOTNULL'
        ? `A value is required for ${column ?? 'this field'}.`
        : `The store refused this row (${error.message}).`,
  };
}

/** The result of a file that could not even be opened. */
export function unreadableResult(
  request: ImportRequest,
  message: string,
): ImportResult {
  return {
    batchId: null,
    file: request.name,
    preset: request.preset ?? 'unknown',
    entity: 'unknown',
    status: 'failed',
    encoding: null,
    delimiter: null,
    sheet: null,
    rowsRead: 0,
    rowsSkipped: 0,
    rowsNew: 0,
    rowsChanged: 0,
    rowsUnchanged: 0,
    rowsRejected: 0,
    rowsDeletedEarlier: 0,
    message,
    decimalMark: null,
    dateOrders: {},
    mapping: {},
    mappingName: null,
    warnings: [],
    errors: [],
  };
}

type Count = { count: number; firstLine: number };

const counted = (): Count => ({ count: 0, firstLine: 0 });

function add(count: Count, line: number): void {
  count.count += 1;
  count.firstLine ||= line;
}

/**
 * Rows of a file that were written, skipped or kept with a caveat the user
 * must hear of: repeated ids, undecodable bytes, records deleted earlier.
 */
export class RowTally {
  private readonly repeats = counted();
  private readonly conflicts = counted();
  private firstConflict: { line: number; earlier: number } | null = null;
  private readonly undecodables = counted();
  private readonly deletions = {
    skipped: counted(),
    unasked: counted(),
    restored: counted(),
  };

  repeat(line: number): void {
    add(this.repeats, line);
  }

  conflict(line: number, earlier: number): void {
    add(this.conflicts, line);
    this.firstConflict ??= { line, earlier };
  }

  undecodable(line: number): void {
    add(this.undecodables, line);
  }

  deleted(kind: 'skipped' | 'unasked' | 'restored', line: number): void {
    add(this.deletions[kind], line);
  }

  get deletedRows(): number {
    const { skipped, unasked, restored } = this.deletions;
    return skipped.count + unasked.count + restored.count;
  }

  /**
   * What the result says beside its counts. Rows of deleted records with
   * no choice made stop a real import (nothing is written); a check says
   * the import will ask.
   */
  warnings(file: {
    file: string;
    encoding: string | null;
    isDryRun: boolean;
  }): string[] {
    const said: string[] = [];
    const { repeats, undecodables, deletions } = this;
    if (repeats.count > 0) {
      said.push(
        `${repeats.count} row(s) repeat an earlier row of this file ` +
          `exactly (first on line ${repeats.firstLine}); each record was ` +
          'imported once.',
      );
    }
    if (undecodables.count > 0 && file.encoding !== null) {
      said.push(
        `${undecodables.count} row(s) hold bytes that are not ` +
          `${file.encoding} text (first on line ${undecodables.firstLine}); ` +
          'they show as �. The file may be in another encoding: choose it ' +
          'and import again.',
      );
    }
    if (this.firstConflict !== null) {
      said.push(
        `${this.conflicts.count} row(s) give an id an earlier row of this ` +
          `file gave, with other values (first: line ` +
          `${this.firstConflict.line} repeats line ` +
          `${this.firstConflict.earlier}); the later row's values were ` +
          'kept, and the audit log has both.',
      );
    }
    if (deletions.skipped.count > 0) {
      said.push(
        `${deletions.skipped.count} row(s) are records deleted earlier ` +
          `(first on line ${deletions.skipped.firstLine}); they were ` +
          'skipped as chosen.',
      );
    }
    const { unasked } = deletions;
    if (unasked.count > 0) {
      const what =
        `${unasked.count} row(s) of ${file.file} are records deleted ` +
        `earlier (first on line ${unasked.firstLine}).`;
      if (!file.isDryRun) {
        throw new WorkbenchError(
          'import_failed',
          `${what} Choose whether to skip them or restore them; nothing ` +
            'was imported.',
        );
      }
      said.push(`${what} The import will ask whether to skip or restore them.`);
    }
    return said;
  }
}
