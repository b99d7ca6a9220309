// The first pass of an import: reads the whole file to recognise its
// layout (or apply a column mapping) and to decide each date column's
// order and the file's decimal mark, so that an inconsistent file is
// reported before anything is written.
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { ColumnMapping, SavedMapping } from '../../../shared/contract.js';
import { WorkbenchError } from '../../../shared/envelope.js';
import { currencyExponent } from '../../../shared/money.js';
import { readRecordBatches, type FileShape } from './fileReader.js';
import { asColumnMapping } from './mappings.js';
import {
  presetById,
  recognisePreset,
  type BoundPreset,
} from './presets/index.js';
import { presetFromMapping } from './presets/mapping.js';
import type { Preset } from './presets/types.js';
import type { ImportHooks, ImportRequest } from './runImport.js';
import { DateColumnAnalyser, type DateOrder } from './values/dates.js';
import { DecimalMarkAnalyser } from './values/decimalMark.js';
import type { DecimalMark } from './values/numbers.js';

export class Cancelled extends Error {}

export function isBlank(fields: string[]): boolean {
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

export type Analysis = {
  preset: Preset;
  /** The file's own header names, lower-cased, to positions. */
  header: Map<string, number>;
  /** The file's own header names, as spelled, by position. */
  names: string[];
  /** The preset's columns to positions. */
  binding: Map<string, number>;
  dateOrders: Map<string, DateOrder>;
  decimalMark: DecimalMark;
  /** Said to the user when the decimal mark was read from few clues. */
  decimalNote: string | null;
  /** The saved or given mapping the file was read with, if any. */
  mapping: { name: string | null; columns: ColumnMapping } | null;
};

export async function analyse(
  request: ImportRequest,
  shape: FileShape,
  currency: string,
  hooks: ImportHooks,
  savedFor: (header: readonly string[]) => SavedMapping | null,
): Promise<Analysis> {
  let read = 0;
  const track = (bytes: number) => {
    read += bytes;
  };
  const bytesRead = () => read;
  let header: Map<string, number> | null = null;
  let names: string[] = [];
  let bound: Bound | null = null;
  let analysers: Map<string, DateColumnAnalyser> = new Map();
  const decimalMarks = new DecimalMarkAnalyser(
    request.decimalMark !== undefined,
  );
  const exponent = currencyExponent(currency);
  let rows = 0;
  for await (const batch of readRecordBatches(request.path, shape, track)) {
    for (const record of batch) {
      if (isBlank(record.fields)) continue;
      if (!header) {
        header = headerIndex(record.fields);
        names = record.fields.map((field) => field.trim());
        bound = bindPreset(request, header, names, savedFor);
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
  const { preset, binding, mapping } = bound;
  const markDecision = decimalMarks.decide(request.decimalMark ?? '.');
  if ('problem' in markDecision) {
    throw new WorkbenchError(
      'import_failed',
      `${request.name}: amounts use a decimal point on line ` +
        `${decimalMarks.pointOnlyLines.join(', ')} but a decimal comma on ` +
        `line ${decimalMarks.commaOnlyLines.join(', ')}. Fix the file so ` +
        'it uses one; nothing was written.',
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
          'Fix the file so the column uses one order; nothing was written.'
        : 'has dates such as 03/04/2024 that read both day-first and ' +
          'month-first. Choose the date order for this file; nothing was ' +
          'written.';
    throw new WorkbenchError(
      'import_failed',
      `${request.name}: column ${fileColumnName(names, binding, column)} ${reason}`,
    );
  }
  return {
    preset,
    header,
    names,
    binding,
    dateOrders,
    decimalMark: markDecision.mark,
    decimalNote:
      decimalMarks.isInferredOnly && decimalMarks.inferredExample
        ? `Amounts such as ${decimalMarks.inferredExample.text} (line ` +
          `${decimalMarks.inferredExample.line}) read either way; they were ` +
          `read with "${markDecision.mark}" as the decimal mark, since the ` +
          'other reading gives more decimals than the currency has. Choose ' +
          'the locale if that is wrong.'
        : null,
    mapping,
  };
}

/** The file's own name for a preset column, as its header spells it. */
export function fileColumnName(
  names: readonly string[],
  binding: ReadonlyMap<string, number>,
  column: string,
): string {
  const position = binding.get(column);
  return (position === undefined ? undefined : names[position]) ?? column;
}

/**
 * Header names as an error shows them: control characters dropped (a binary
 * file's bytes must not drive a terminal) and the list kept short.
 */
function shownColumns(all: string[]): string {
  const names = all.filter((name) => name !== '');
  const clean = names
    .slice(0, 12)
    .map((name) =>
      name.replace(/[\u0000-\u001f\u007f-\u009f]/g, '').slice(0, 40),
    );
  return clean.join(', ') + (names.length > 12 ? ', …' : '');
}

type Bound = BoundPreset & { mapping: Analysis['mapping'] };

function bindMapping(
  mapping: ColumnMapping,
  name: string | null,
  header: Map<string, number>,
): Bound {
  const names = [...header.keys()];
  const preset = presetFromMapping(mapping, names, name ?? 'mapping');
  const binding = preset.bind(header);
  if (!binding) {
    throw new WorkbenchError(
      'internal',
      'bindMapping: a checked mapping did not bind its own header',
    );
  }
  return { preset, binding, mapping: { name, columns: mapping } };
}

function bindPreset(
  request: ImportRequest,
  header: Map<string, number>,
  names: string[],
  savedFor: (header: readonly string[]) => SavedMapping | null,
): Bound {
  if (request.mapping) {
    return bindMapping(request.mapping, request.saveMappingAs ?? null, header);
  }
  if (!request.preset) {
    const saved = request.entity === undefined ? savedFor(names) : null;
    const savedMapping = saved ? asColumnMapping(saved) : null;
    if (saved && savedMapping) {
      return bindMapping(savedMapping, saved.name, header);
    }
    const recognised = recognisePreset(header, request.entity);
    if (recognised) return { ...recognised, mapping: null };
    throw new WorkbenchError(
      'import_failed',
      `${request.name}: its columns (${shownColumns(names)}) match no known ` +
        'export layout. Map its columns to fields (Map columns on the ' +
        'Import screen, or --mapping on the command line).',
    );
  }
  const preset = presetById(request.preset);
  const binding = preset.bind(header);
  if (binding) return { preset, binding, mapping: null };
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
