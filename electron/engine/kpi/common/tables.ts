// Some metrics read tables that only newer workspaces have.
import type { Db } from '../../store/database.js';

export function hasTable(db: Db, table: string): boolean {
  return (
    db
      .prepare(
        "SELECT 1 AS found FROM sqlite_master WHERE type = 'table' AND name = ?",
      )
      .get(table) !== undefined
  );
}
