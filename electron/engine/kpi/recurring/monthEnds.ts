// The stored MRR changes of the whole workspace (table `mrr_changes`,
// migration 8): rebuilt after subscription imports and, lazily, whenever
// the subscriptions no longer match the fingerprint they were built from.
import { createLogger } from '../../logger.js';
import type { Db } from '../../store/database.js';
import {
  buildMrrChanges,
  type MrrChange,
  type SubscriptionLine,
} from './changes.js';

const log = createLogger('kpi.recurring');

// Everything a change of subscriptions can move: rows added or removed,
// edits (updated_at), links resolved after an accounts import (account_id
// changes without an edit of the row), amounts and trial flags.
const FINGERPRINT_SQL = `
  SELECT count(*) AS n, max(id) AS maxId, max(updated_at) AS updatedAt,
         total(account_id) AS links, total(mrr_minor) AS money,
         total(is_trial) AS trials,
         total(length(start_on) + coalesce(length(end_on), 0)) AS dates
    FROM subscriptions`;

export function subscriptionsFingerprint(db: Db): string {
  return JSON.stringify(db.prepare(FINGERPRINT_SQL).get());
}

/** Paying subscription lines, trials left out, optionally filtered. */
export function readSubscriptionLines(
  db: Db,
  condition = '1',
  params: Record<string, string | number | null> = {},
): SubscriptionLine[] {
  return db
    .prepare(
      `SELECT s.id, s.account_id AS accountId, s.account_key AS accountKey,
              s.currency, s.start_on AS startOn, s.end_on AS endOn,
              s.mrr_minor AS mrrMinor
         FROM subscriptions s LEFT JOIN accounts a ON a.id = s.account_id
        WHERE s.is_trial = 0 AND (${condition})`,
    )
    .all(params) as SubscriptionLine[];
}

// Rows go in in the order of the month index, so its pages fill in
// sequence instead of splitting all over the tree.
function writeChanges(db: Db, changes: MrrChange[]): void {
  changes.sort(
    (a, b) =>
      a.monthEnd.localeCompare(b.monthEnd) ||
      a.currency.localeCompare(b.currency) ||
      a.kind.localeCompare(b.kind),
  );
  const insert = db.prepare(
    `INSERT INTO mrr_changes (customer, account_id, currency, month_end,
       kind, delta_minor, mrr_minor, logo_delta, cohort_month_end)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const change of changes) {
    insert.run(
      change.customer,
      change.accountId,
      change.currency,
      change.monthEnd,
      change.kind,
      change.deltaMinor,
      change.mrrMinor,
      change.logoDelta,
      change.cohortMonthEnd,
    );
  }
}

// Per connection: the data version and own change count at the last check,
// so an unchanged database is not fingerprinted again on every call.
const lastChecked = new WeakMap<Db, string>();

function changeMark(db: Db): string {
  const version = db.pragma('data_version', { simple: true }) as number;
  const own = db.prepare('SELECT total_changes() AS n').get() as { n: number };
  return `${version}:${own.n}`;
}

/**
 * Rebuilds the month-end MRR changes from the subscriptions. The import
 * path calls it after a batch that wrote subscriptions or accounts (links
 * resolve then); inside an open transaction it joins that transaction.
 */
export function rebuildMrrMonthEnds(db: Db): { changes: number } {
  const fingerprint = subscriptionsFingerprint(db);
  const changes = buildMrrChanges(readSubscriptionLines(db));
  db.transaction(() => {
    db.exec('DELETE FROM mrr_changes');
    writeChanges(db, changes);
    db.prepare(
      `INSERT INTO mrr_state (id, fingerprint, built_at) VALUES (1, ?, ?)
       ON CONFLICT(id) DO UPDATE SET fingerprint = excluded.fingerprint,
         built_at = excluded.built_at`,
    ).run(fingerprint, new Date().toISOString());
  })();
  lastChecked.set(db, changeMark(db));
  log.info('rebuildMrrMonthEnds: rebuilt', { changes: changes.length });
  return { changes: changes.length };
}

/** Rebuilds when the subscriptions changed since the last build. */
export function ensureMrrMonthEnds(db: Db): { isRebuilt: boolean } {
  const mark = changeMark(db);
  if (lastChecked.get(db) === mark) return { isRebuilt: false };
  const stored = db
    .prepare('SELECT fingerprint FROM mrr_state WHERE id = 1')
    .get() as { fingerprint: string } | undefined;
  if (stored?.fingerprint === subscriptionsFingerprint(db)) {
    lastChecked.set(db, mark);
    return { isRebuilt: false };
  }
  rebuildMrrMonthEnds(db);
  return { isRebuilt: true };
}
