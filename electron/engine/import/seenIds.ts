// The identities a file has given so far, kept in a temporary table rather
// than in memory, so that a file of millions of rows stays within bounded
// memory while a repeated id is still caught with the line that first gave
// it.
import type { Db } from '../store/database.js';

export class SeenIds {
  private readonly remember;
  private readonly firstLine;

  constructor(db: Db) {
    db.exec(`CREATE TEMP TABLE IF NOT EXISTS import_seen_ids (
      external_id TEXT PRIMARY KEY, line INTEGER NOT NULL) WITHOUT ROWID`);
    db.exec('DELETE FROM temp.import_seen_ids');
    this.remember = db.prepare(
      `INSERT INTO temp.import_seen_ids (external_id, line) VALUES (?, ?)
       ON CONFLICT DO NOTHING`,
    );
    this.firstLine = db
      .prepare('SELECT line FROM temp.import_seen_ids WHERE external_id = ?')
      .pluck();
  }

  /** Null the first time an id is given; else the line that first gave it. */
  earlierLine(externalId: string, line: number): number | null {
    if (this.remember.run(externalId, line).changes > 0) return null;
    return (this.firstLine.get(externalId) as number | undefined) ?? null;
  }
}
