// Layouts described by data: each field of the store with the header names
// that exports of common CRMs, billing systems and help desks give it. A
// file's header binds to a layout when it names the layout's key fields.
import { currencyExponent } from '../../../../shared/money.js';
import { nameKey } from '../values/numbers.js';
import {
  calendarDate,
  instant,
  CellError,
  decimal,
  flag,
  integer,
  money,
  text,
} from './cells.js';
import type {
  EntityRecord,
  EntityTable,
  FieldValue,
  MappedRow,
  MappingContext,
  Preset,
  RowReader,
} from './types.js';

export type FieldKind =
  'text' | 'date' | 'instant' | 'money' | 'integer' | 'decimal' | 'flag';

export type LayoutField = {
  /** The column `map` asks for; `toRecord` finds the value under it. */
  name: string;
  kind: FieldKind;
  /** Header spellings, compared on letters and digits only. */
  headers: readonly string[];
};

export type LayoutSpec = {
  id: string;
  source: string;
  entity: EntityTable;
  fields: readonly LayoutField[];
  /** Groups of fields of which the header must name at least one each. */
  requires: readonly (readonly string[])[];
  /**
   * What a hand-made column mapping must give at least (by default
   * `requires`): recognising a file needs more evidence than importing it.
   */
  mappingRequires?: readonly (readonly string[])[];
  /** Fields a row cannot do without: a blank one rejects the row. */
  required?: readonly string[];
  /**
   * The field that identifies a record where the file has it. `identity`
   * may fall back to a name for files without ids, but in a file with ids
   * a row without one is rejected rather than known by its name.
   */
  idField?: string;
  /** The record's identity within its source, or null when the row has none. */
  identity(values: Record<string, FieldValue>): string | null;
  /** Named in the error when a row has no identity. */
  identityColumns: readonly string[];
  /** Turns the read values into the store's columns. */
  /**
   * Store columns that come from an optional layout field: when the file
   * lacks that field they are written for new records only, so an earlier
   * file's value is never blanked by a file that does not carry it.
   */
  onlyWhenPresent?: Record<string, readonly string[]>;
  /** Store columns whose stored leading zeros survive a re-saved copy. */
  keepsZeros?: readonly string[];
  /** Records the row also names, such as a spend row's campaign. */
  relatedRecords?(values: Record<string, FieldValue>): EntityRecord[];
  toRecord(
    values: Record<string, FieldValue>,
    context: MappingContext,
  ): Record<string, FieldValue>;
};

export function headerKey(header: string): string {
  return nameKey(header);
}

function readField(
  row: RowReader,
  field: LayoutField,
  context: MappingContext,
): FieldValue {
  switch (field.kind) {
    case 'text':
      return text(row, field.name);
    case 'date':
      return calendarDate(row, field.name, context);
    case 'instant':
      return instant(row, field.name, context);
    case 'integer':
      return integer(row, field.name, context);
    case 'decimal':
      return decimal(row, field.name, context);
    case 'flag':
      return flag(row, field.name);
    case 'money': {
      // Kept as minor units; the currency is settled by the layout.
      const amount = money(row, field.name, context);
      return amount === null
        ? null
        : `${amount.amountMinor} ${amount.currency}`;
    }
  }
}

/** Splits what `readField` made of a money cell. */
export function moneyValue(
  value: FieldValue | undefined,
): { amountMinor: number; currency: string } | null {
  if (typeof value !== 'string') return null;
  const [minor = '', currency = ''] = value.split(' ');
  return { amountMinor: Number(minor), currency };
}

/**
 * Puts an amount into the currency the row names. An amount read against
 * the file's default currency is re-read when the row's own currency has
 * another number of decimals.
 */
export function inCurrency(
  value: FieldValue | undefined,
  rowCurrency: string | null,
  column: string,
): { amountMinor: number; currency: string } | null {
  const amount = moneyValue(value);
  if (!amount || !rowCurrency || rowCurrency === amount.currency) return amount;
  const shift =
    currencyExponent(rowCurrency) - currencyExponent(amount.currency);
  const scaled = amount.amountMinor * 10 ** shift;
  if (!Number.isSafeInteger(scaled)) {
    throw new CellError({
      column,
      value: null,
      reason: `More decimals than ${rowCurrency} has.`,
    });
  }
  return { amountMinor: scaled, currency: rowCurrency };
}

function splitByPresence(
  spec: LayoutSpec,
  record: Record<string, FieldValue>,
  row: RowReader,
): {
  fields: Record<string, FieldValue>;
  insertOnly: Record<string, FieldValue>;
} {
  const fields = { ...record };
  const insertOnly: Record<string, FieldValue> = {};
  for (const [field, columns] of Object.entries(spec.onlyWhenPresent ?? {})) {
    if (row.has(field)) continue;
    for (const column of columns) {
      if (!(column in fields)) continue;
      insertOnly[column] = fields[column] ?? null;
      delete fields[column];
    }
  }
  return { fields, insertOnly };
}

export function defineLayout(spec: LayoutSpec): Preset {
  const byKey = new Map<string, LayoutField>();
  for (const field of spec.fields) {
    for (const header of field.headers) byKey.set(headerKey(header), field);
  }
  return {
    id: spec.id,
    source: spec.source,
    entity: spec.entity,
    layout: spec,
    columns: spec.fields.map((field) => field.name),
    dateColumns: spec.fields
      .filter((f) => f.kind === 'date' || f.kind === 'instant')
      .map((f) => f.name),
    moneyColumns: spec.fields
      .filter((f) => f.kind === 'money')
      .map((f) => f.name),
    bind(header) {
      const binding = new Map<string, number>();
      for (const [name, position] of header) {
        const field = byKey.get(headerKey(name));
        if (field && !binding.has(field.name))
          binding.set(field.name, position);
      }
      const fits = spec.requires.every((group) =>
        group.some((name) => binding.has(name)),
      );
      return fits ? binding : null;
    },
    map(row, context): MappedRow {
      const values: Record<string, FieldValue> = {};
      for (const field of spec.fields)
        values[field.name] = readField(row, field, context);
      const isCurrencyMissing =
        row.has('currency') && values['currency'] === null;
      if (isCurrencyMissing && !context.isCurrencyChosen) {
        return {
          kind: 'rejected',
          problem: {
            column: 'currency',
            value: '',
            reason:
              'This row names no currency. Fill it in, or choose a ' +
              'currency for the file to use where none is given.',
          },
        };
      }
      const blank = [...(spec.required ?? []), spec.idField ?? ''].find(
        (name) => name !== '' && row.has(name) && values[name] === null,
      );
      if (blank !== undefined) {
        return {
          kind: 'rejected',
          problem: {
            column: blank,
            value: '',
            reason: 'A value is required here.',
          },
        };
      }
      const identity = spec.identity(values);
      if (identity === null || identity === '') {
        return {
          kind: 'rejected',
          problem: {
            column: spec.identityColumns[0] ?? null,
            value: '',
            reason: `A row needs ${spec.identityColumns.join(' or ')} to be told apart from the others.`,
          },
        };
      }
      return {
        kind: 'records',
        records: [
          {
            entity: spec.entity,
            externalId: String(identity),
            ...splitByPresence(spec, spec.toRecord(values, context), row),
            keepsZeros: spec.keepsZeros,
          },
          ...(spec.relatedRecords?.(values) ?? []),
        ],
      };
    },
  };
}
