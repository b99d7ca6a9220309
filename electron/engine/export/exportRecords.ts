// Stored records as a user reads them: amounts in major units beside their
// currency code (exact decimal text, never floating point), calendar dates
// as YYYY-MM-DD, instants as UTC ISO-8601, text exactly as imported.
import { WorkbenchError } from '../../../shared/envelope.js';
import { currencyExponent } from '../../../shared/money.js';
import type { Db } from '../store/database.js';
import { ENTITY_TABLES, type EntityTable } from '../import/presets/types.js';

export type ExportEntity = Exclude<EntityTable, 'teams' | 'campaign_spend'>;

/** What users export: every imported entity but the join tables. */
export const EXPORT_ENTITIES = ENTITY_TABLES.filter(
  (table): table is ExportEntity =>
    table !== 'teams' && table !== 'campaign_spend',
);

/** Columns that only serve lookups inside the store. */
const INTERNAL = new Set([
  'id',
  'name_key',
  'email_key',
  'created_at',
  'updated_at',
]);

export function isExportEntity(value: string): value is ExportEntity {
  return (EXPORT_ENTITIES as readonly string[]).includes(value);
}

/** Minor units as exact decimal text in the currency's major unit. */
export function minorToDecimal(minor: number, currency: string): string {
  const exponent = currencyExponent(currency);
  if (exponent === 0) return String(minor);
  const digits = String(Math.abs(minor)).padStart(exponent + 1, '0');
  const sign = minor < 0 ? '-' : '';
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

export type ExportCell = string | number | null;

function storedColumns(db: Db, entity: ExportEntity): string[] {
  return (db.pragma(`table_info(${entity})`) as { name: string }[])
    .map((column) => column.name)
    .filter((name) => !INTERNAL.has(name));
}

/** The exported column names, also for a table with no records yet. */
export function exportHeader(db: Db, entity: string): string[] {
  if (!isExportEntity(entity)) return [];
  return storedColumns(db, entity).map((name) =>
    name.endsWith('_minor') ? name.slice(0, -'_minor'.length) : name,
  );
}

export function* exportRecords(
  db: Db,
  entity: string,
): Generator<Record<string, ExportCell>> {
  if (!isExportEntity(entity)) {
    throw new WorkbenchError(
      'invalid_argument',
      `Cannot export ${entity}. Choose one of ${EXPORT_ENTITIES.join(', ')}.`,
    );
  }
  const columns = storedColumns(db, entity);
  const rows = db
    .prepare(`SELECT ${columns.join(', ')} FROM ${entity} ORDER BY id`)
    .iterate() as IterableIterator<Record<string, ExportCell>>;
  for (const row of rows) {
    const out: Record<string, ExportCell> = {};
    for (const name of columns) {
      const value = row[name] ?? null;
      if (!name.endsWith('_minor')) {
        out[name] = value;
        continue;
      }
      const currency =
        typeof row['currency'] === 'string' ? row['currency'] : null;
      out[name.slice(0, -'_minor'.length)] =
        typeof value === 'number' && currency
          ? minorToDecimal(value, currency)
          : value;
    }
    yield out;
  }
}

/** One CSV field: quoted when it holds a delimiter, quote or line break. */
export function csvField(value: ExportCell): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
