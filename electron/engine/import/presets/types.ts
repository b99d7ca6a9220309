// A preset maps one known export layout onto the store's records.
import type { DateOrder } from '../values/dates.js';
import type { DecimalMark } from '../values/numbers.js';

export const ENTITY_TABLES = [
  'accounts',
  'contacts',
  'leads',
  'opportunities',
  'products',
  'subscriptions',
  'invoices',
  'payments',
  'tickets',
  'campaigns',
  'activities',
  'users',
  'teams',
] as const;

export type EntityTable = (typeof ENTITY_TABLES)[number];

export type FieldValue = string | number | null;

export type EntityRecord = {
  entity: EntityTable;
  externalId: string;
  fields: Record<string, FieldValue>;
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
  line: number;
};

export type MappingContext = {
  dateOrder(column: string): DateOrder;
  decimalMark: DecimalMark;
  /** The currency of amounts that do not name one. */
  currency: string;
};

export type Preset = {
  id: string;
  /** The system the file came from; with the external id, its identity. */
  source: string;
  /** The entity the row counts are about. */
  entity: EntityTable;
  /** Headers that identify the layout, compared case-insensitively. */
  columns: readonly string[];
  dateColumns: readonly string[];
  map(row: RowReader, context: MappingContext): MappedRow;
};
