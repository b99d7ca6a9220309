// Migrations 6 and 9 on a workspace written before them: rows stay, the new
// tables and columns arrive, and the lookups they add use their indexes.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/engine/store/database.js';
import {
  LATEST_SCHEMA_VERSION,
  MIGRATIONS,
} from '../../../electron/engine/store/migrations/index.js';
import { tempDir, type TempDir } from '../../support/workspace.js';

let temp: TempDir | undefined;
afterEach(() => temp?.remove());

function planOf(db: Database.Database, sql: string): string {
  const steps = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as {
    detail: string;
  }[];
  return steps.map((step) => step.detail).join(' ');
}

describe('migrations 6 and 9', () => {
  it('upgrade a version-5 workspace, keeping its accounts', () => {
    temp = tempDir();
    const db = new Database(`${temp.dir}/v5.revops`);
    migrate(db, 'v5.revops', MIGRATIONS.slice(0, 5));
    db.prepare(
      "INSERT INTO accounts (name, name_key) VALUES ('Acme', 'acme')",
    ).run();
    migrate(db, 'v5.revops');
    expect(db.pragma('user_version', { simple: true })).toBe(
      LATEST_SCHEMA_VERSION,
    );
    expect(
      db.prepare('SELECT name, merged_into_id FROM accounts').all(),
    ).toEqual([{ name: 'Acme', merged_into_id: null }]);
    for (const table of [
      'import_mappings',
      'record_merges',
      'deleted_records',
      'metric_targets',
    ]) {
      expect(
        db
          .prepare('SELECT count(*) FROM ' + table)
          .pluck()
          .get(),
        table,
      ).toBe(0);
    }
    expect(
      planOf(
        db,
        "SELECT 1 FROM deleted_records WHERE entity = 'accounts' AND source = 'crm' AND external_id = 'A1'",
      ),
    ).toMatch(/USING (COVERING )?INDEX deleted_records_origin/);
    expect(
      planOf(db, "SELECT * FROM import_mappings WHERE header_key = 'a|b'"),
    ).toMatch(/USING INDEX import_mappings_header/);
    db.close();
  });
});
