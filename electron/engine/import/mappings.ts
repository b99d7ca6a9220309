// Saved column mappings. A mapping is kept with the header it was made
// for; a later file with the same columns (in any order, any spelling of
// case and punctuation) is mapped the same way without asking again.
import type { ColumnMapping, SavedMapping } from '../../../shared/contract.js';
import { columnMappingSchema } from '../../../shared/importSchemas.js';
import type { Db } from '../store/database.js';
import { headerKey } from './presets/layout.js';

type MappingRow = {
  name: string;
  source: string;
  entity: string;
  columns: string;
  updated_at: string;
};

/** One text for a header: its column keys, sorted. */
export function headerFingerprint(header: readonly string[]): string {
  const keys = [...new Set(header.map(headerKey).filter((key) => key !== ''))];
  return keys.sort().join('|');
}

function toSaved(row: MappingRow): SavedMapping {
  return {
    name: row.name,
    entity: row.entity,
    source: row.source,
    columns: JSON.parse(row.columns) as Record<string, string>,
    updatedAt: row.updated_at,
  };
}

/** The mapping as an import takes it; null if the stored one is unusable. */
export function asColumnMapping(saved: SavedMapping): ColumnMapping | null {
  const parsed = columnMappingSchema.safeParse({
    entity: saved.entity,
    source: saved.source,
    columns: saved.columns,
  });
  return parsed.success ? parsed.data : null;
}

export function saveMapping(
  db: Db,
  name: string,
  mapping: ColumnMapping,
  source: string,
  header: readonly string[],
): void {
  const now = new Date().toISOString();
  db.prepare(
    `INSERT INTO import_mappings
       (name, source, entity, header_key, columns, created_at, updated_at)
     VALUES (@name, @source, @entity, @header, @columns, @now, @now)
     ON CONFLICT (name) DO UPDATE SET source = excluded.source,
       entity = excluded.entity, header_key = excluded.header_key,
       columns = excluded.columns, updated_at = excluded.updated_at`,
  ).run({
    name,
    source,
    entity: mapping.entity,
    header: headerFingerprint(header),
    columns: JSON.stringify(mapping.columns),
    now,
  });
}

/** The newest mapping saved for this header, if any. */
export function mappingForHeader(
  db: Db,
  header: readonly string[],
): SavedMapping | null {
  const row = db
    .prepare(
      `SELECT name, source, entity, columns, updated_at FROM import_mappings
        WHERE header_key = ? ORDER BY updated_at DESC, id DESC LIMIT 1`,
    )
    .get(headerFingerprint(header)) as MappingRow | undefined;
  return row ? toSaved(row) : null;
}

export function listMappings(db: Db): SavedMapping[] {
  const rows = db
    .prepare(
      `SELECT name, source, entity, columns, updated_at FROM import_mappings
        ORDER BY name`,
    )
    .all() as MappingRow[];
  return rows.map(toSaved);
}

export function deleteMapping(db: Db, name: string): boolean {
  return (
    db.prepare('DELETE FROM import_mappings WHERE name = ?').run(name).changes >
    0
  );
}
