// A preset maps one known export layout onto the store's records.
import { MAPPABLE_ENTITIES } from '../../../../shared/importSchemas.js';
import type { DateOrder } from '../values/dates.js';
import type { LayoutSpec } from './layout.js';
import type { DecimalMark } from '../values/numbers.js';

/**
 * Every table an import writes, in the order a rollback undoes them
 * backwards: the ones a file can be mapped onto by hand first.
 */
export const ENTITY_TABLES = [
  ...MAPPABLE_ENTITIES,
  'teams',
  'customer_snapshots',
  'churn_events',
  'feature_usage',
  'category_labels',
  'exchange_rates',
] as const;

export type EntityTable = (typeof ENTITY_TABLES)[number];

export type FieldValue = string | number | null;

export type EntityRecord = {
  entity: EntityTable;
  externalId: string;
  fields: Record<string, FieldValue>;
  /**
   * Values written only when the record is new: what the file does not
   * say (its column is absent) never overwrites what an earlier file said.
   */
  insertOnly?: Record<string, FieldValue>;
  /**
   * Text fields where a stored value keeps its leading zeros when a file
   * gives the same number without them (a spreadsheet dropped them).
   */
  keepsZeros?: readonly string[];
};

export type CellProblem = {
  column: string | null;
  value: string | null;
  reason: string;
};

/** What a preset makes of one row: records to write, or why it cannot. */
export type MappedRow =
  | { kind: 'records'; records: EntityRecord[] }
  | { kind: 'rejected'; problem: CellProblem };

export type RowReader = {
  /** The trimmed cell under a column named in the preset ('' if absent). */
  get(column: string): string;
  /** Whether the file has the column at all. */
  has(column: string): boolean;
  line: number;
};

export type MappingContext = {
  dateOrder(column: string): DateOrder;
  decimalMark: DecimalMark;
  /** The currency of amounts that do not name one. */
  currency: string;
  /** The user chose `currency` for this file (not the workspace default). */
  isCurrencyChosen: boolean;
};

export type Preset = {
  id: string;
  /** The system the file came from; with the external id, its identity. */
  source: string;
  /** The entity the row counts are about. */
  entity: EntityTable;
  /** The layout's columns, as `map` asks for them. */
  columns: readonly string[];
  dateColumns: readonly string[];
  /** Columns holding amounts; they decide the file's decimal mark. */
  moneyColumns: readonly string[];
  /**
   * Finds the layout's columns in a file's header (lower-cased, trimmed,
   * name to position): each column's position, or null when it does not fit.
   */
  bind(header: ReadonlyMap<string, number>): Map<string, number> | null;
  map(row: RowReader, context: MappingContext): MappedRow;
  /** The data behind a layout, which a column mapping can re-bind. */
  layout?: LayoutSpec;
};

/** Binds a layout whose files name their columns exactly so. */
export function bindExact(columns: readonly string[]) {
  return (header: ReadonlyMap<string, number>): Map<string, number> | null => {
    const binding = new Map<string, number>();
    for (const column of columns) {
      const position = header.get(column);
      if (position === undefined) return null;
      binding.set(column, position);
    }
    return binding;
  };
}
