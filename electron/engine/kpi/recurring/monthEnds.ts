// The stored MRR changes of the whole workspace (table `mrr_changes`,
// migration 8): rebuilt after subscription imports and, lazily, whenever
// the subscriptions' change count no longer matches the one they were
// built at.
import { createLogger } from '../../logger.js';
import type { Db } from '../../store/database.js';
import { changeMarkOf } from '../common/changeCache.js';
import {
  buildMrrChanges,
  type MrrChange,
  type SubscriptionLine,
} from './changes.js';

const log = createLogger('kpi.recurring');

/**
 * What the stored changes were built from: the change count of the
 * subscriptions (migration 10's triggers count every insert, update and
 * delete, link changes after an accounts import included).
 */
export function subscriptionsFingerprint(db: Db): string {
  return changeMarkOf(db, ['subscriptions']);
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
  log.info('rebuildMrrMonthEnds: rebuilt', { changes: changes.length });
  return { changes: changes.length };
}

/** Rebuilds when the subscriptions changed since the last build. */
export function ensureMrrMonthEnds(db: Db): { isRebuilt: boolean } {
  const stored = db
    .prepare('SELECT fingerprint FROM mrr_state WHERE id = 1')
    .get() as { fingerprint: string } | undefined;
  if (stored?.fingerprint === subscriptionsFingerprint(db)) {
    return { isRebuilt: false };
  }
  rebuildMrrMonthEnds(db);
  return { isRebuilt: true };
}
