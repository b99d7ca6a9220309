// Rolled-back imports are recorded beside their batch rather than as a new
// batch status, so the batch table (which many tables reference) need not
// be rebuilt.
import type { Migration } from './index.js';

export const importRollbacks: Migration = {
  version: 3,
  name: 'import rollbacks',
  sql: `
CREATE TABLE import_rollbacks (
  batch_id INTEGER PRIMARY KEY REFERENCES import_batches(id) ON DELETE CASCADE,
  rolled_back_at TEXT NOT NULL,
  rows_restored INTEGER NOT NULL,
  rows_removed INTEGER NOT NULL
) STRICT;
CREATE INDEX audit_log_batch ON audit_log(batch_id, entity, record_id);
`,
};
