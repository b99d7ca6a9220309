// Summed tables kept in the workspace file (migration 11): each remembers
// the change counts of its source tables, and any setting it depends on,
// as one mark. A read checks the mark and rebuilds what is stale; the
// import rebuilds them in its worker, inside its own transaction.
import type { Db } from '../../store/database.js';
import { changeMarkOf, type CountedTable } from './changeCache.js';

export type SummedTable = {
  name: string;
  sources: readonly CountedTable[];
  /** What else the sums depend on, such as the base currency. */
  extra: (db: Db) => string;
  /** Writes the sums; returns false when they cannot be exact. */
  build: (db: Db) => boolean;
};

function markOf(db: Db, table: SummedTable): string {
  return `${changeMarkOf(db, table.sources)}|${table.extra(db)}`;
}

export function rebuildSummed(db: Db, table: SummedTable): boolean {
  let isExact = false;
  db.transaction(() => {
    isExact = table.build(db);
    db.prepare(
      `INSERT INTO summed_state (name, mark, is_exact, built_at)
       VALUES (?, ?, ?, ?)
       ON CONFLICT(name) DO UPDATE SET mark = excluded.mark,
         is_exact = excluded.is_exact, built_at = excluded.built_at`,
    ).run(
      table.name,
      markOf(db, table),
      isExact ? 1 : 0,
      new Date().toISOString(),
    );
  })();
  return isExact;
}

/** Rebuilds when stale; says whether the sums are exact. */
export function ensureSummed(db: Db, table: SummedTable): boolean {
  const state = db
    .prepare('SELECT mark, is_exact FROM summed_state WHERE name = ?')
    .raw()
    .get(table.name) as [string, number] | undefined;
  if (state && state[0] === markOf(db, table)) return state[1] === 1;
  return rebuildSummed(db, table);
}
