// Saved column mappings, reversible merges of duplicate accounts and
// contacts, and tombstones of deleted records so that a re-import can ask
// before bringing one back.
import type { Migration } from './index.js';

export const identityAndMappings: Migration = {
  version: 6,
  name: 'saved mappings, merges and deleted records',
  sql: `
CREATE TABLE import_mappings (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  source TEXT NOT NULL,
  entity TEXT NOT NULL,
  -- The file's column names, normalised and sorted: a file with the same
  -- header reuses the mapping.
  header_key TEXT NOT NULL,
  columns TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX import_mappings_header ON import_mappings(header_key);

ALTER TABLE accounts ADD COLUMN merged_into_id INTEGER
  REFERENCES accounts(id) ON DELETE SET NULL;
ALTER TABLE contacts ADD COLUMN merged_into_id INTEGER
  REFERENCES contacts(id) ON DELETE SET NULL;

-- One row per merged record: what was moved to the kept record, so that
-- an undo moves exactly that back.
CREATE TABLE record_merges (
  id INTEGER PRIMARY KEY,
  entity TEXT NOT NULL CHECK (entity IN ('accounts', 'contacts')),
  kept_id INTEGER NOT NULL,
  merged_id INTEGER NOT NULL,
  moved TEXT NOT NULL,
  evidence TEXT,
  merged_at TEXT NOT NULL,
  undone_at TEXT
) STRICT;
CREATE INDEX record_merges_merged ON record_merges(entity, merged_id);

CREATE TABLE deleted_records (
  id INTEGER PRIMARY KEY,
  entity TEXT NOT NULL,
  record_id INTEGER NOT NULL,
  source TEXT NOT NULL,
  external_id TEXT,
  deleted_at TEXT NOT NULL,
  snapshot TEXT NOT NULL
) STRICT;
CREATE INDEX deleted_records_origin
  ON deleted_records(entity, source, external_id);
`,
};
