// Figures kept in memory per connection until a table they come from
// changes. Triggers of migration 10 count every row written to those
// tables, so checking is one small read rather than a look at the rows.
import type { Db } from '../../store/database.js';

export type CountedTable =
  | 'opportunities'
  | 'subscriptions'
  | 'invoices'
  | 'tickets'
  | 'accounts'
  | 'exchange_rates'
  | 'workspace_settings'
  | 'leads'
  | 'campaigns'
  | 'users'
  | 'teams';

const caches = new WeakMap<Db, Map<string, { mark: string; value: unknown }>>();

/** The change counts of the tables, as one comparable mark. */
export function changeMarkOf(db: Db, tables: readonly CountedTable[]): string {
  const rows = db
    .prepare(
      `SELECT source, changes FROM aggregate_sources
        WHERE source IN (SELECT value FROM json_each(?)) ORDER BY source`,
    )
    .all(JSON.stringify(tables)) as { source: string; changes: number }[];
  return rows.map((row) => `${row.source}:${row.changes}`).join(',');
}

/** The value built from `tables`, built again once any of them changed. */
export function cachedFigures<T>(
  db: Db,
  name: string,
  tables: readonly CountedTable[],
  build: () => T,
): T {
  const mark = changeMarkOf(db, tables);
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  const hit = cache.get(name);
  if (hit && hit.mark === mark) return hit.value as T;
  const value = build();
  cache.set(name, { mark, value });
  return value;
}

/**
 * A key for figures kept per segment: the condition with each parameter
 * written in as its value, so that the same filter under other parameter
 * names finds the same figures.
 */
export function scopeKey(scope: {
  where: string;
  params: Record<string, string>;
}): string {
  return scope.where.replace(/@(\w+)/g, (name, param: string) =>
    param in scope.params ? JSON.stringify(scope.params[param]) : name,
  );
}
