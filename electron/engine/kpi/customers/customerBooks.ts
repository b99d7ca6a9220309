// Whole-workspace customer figures from memory, kept until their tables
// change: answered tickets by day for CSAT (exact while every score is a
// whole number, so that sums do not depend on their order), and the
// accounts paying within a period for adoption (while there is no feature
// usage to match them against). Null where the query must answer.
import type { Db } from '../../store/database.js';
import { cachedFigures } from '../common/changeCache.js';
import { SATISFIED_FROM } from './satisfaction.js';

type ScoreDay = {
  day: string;
  answered: number;
  satisfied: number;
  scoreSum: number;
};

type ScoreBook = { isExact: boolean; days: ScoreDay[] };

function scoreBook(db: Db): ScoreBook {
  return cachedFigures(db, 'scores', ['tickets'], () => {
    const days = db
      .prepare(
        `SELECT substr(coalesce(k.closed_at, k.opened_at), 1, 10) AS day,
                count(*) AS answered,
                count(CASE WHEN k.satisfaction_score >= @from THEN 1 END)
                  AS satisfied,
                total(k.satisfaction_score) AS scoreSum
           FROM tickets k
          WHERE k.satisfaction_score IS NOT NULL
          GROUP BY 1 ORDER BY 1`,
      )
      .all({ from: SATISFIED_FROM }) as ScoreDay[];
    const fractions = db
      .prepare(
        `SELECT count(*) FROM tickets
          WHERE satisfaction_score <> round(satisfaction_score)`,
      )
      .pluck()
      .get() as number;
    return { isExact: fractions === 0, days };
  });
}

export function scoresBetween(
  db: Db,
  start: string,
  end: string,
): Omit<ScoreDay, 'day'> | null {
  const book = scoreBook(db);
  if (!book.isExact) return null;
  const total = { answered: 0, satisfied: 0, scoreSum: 0 };
  for (const row of book.days) {
    if (row.day < start) continue;
    if (row.day > end) break;
    total.answered += row.answered;
    total.satisfied += row.satisfied;
    total.scoreSum += row.scoreSum;
  }
  return total;
}

type PayingBook = {
  lines: { accountId: number; startOn: string; endOn: string | null }[];
  counts: Map<string, number>;
};

/** Accounts with a paying subscription active at some day of a period. */
export function payingAccountsBetween(
  db: Db,
  start: string,
  end: string,
): number | null {
  const hasUsage = db
    .prepare('SELECT EXISTS (SELECT 1 FROM feature_usage)')
    .pluck()
    .get() as number;
  if (hasUsage) return null;
  const book = cachedFigures<PayingBook>(
    db,
    'payingAccounts',
    ['subscriptions'],
    () => ({
      lines: db
        .prepare(
          `SELECT s.account_id AS accountId, s.start_on AS startOn,
                  s.end_on AS endOn
             FROM subscriptions s
            WHERE s.account_id IS NOT NULL AND s.is_trial = 0
              AND s.mrr_minor > 0`,
        )
        .all() as PayingBook['lines'],
      counts: new Map(),
    }),
  );
  const key = `${start}\u0000${end}`;
  let count = book.counts.get(key);
  if (count === undefined) {
    const accounts = new Set<number>();
    for (const line of book.lines) {
      const isActive =
        line.startOn <= end && (line.endOn === null || line.endOn > start);
      if (isActive) accounts.add(line.accountId);
    }
    count = accounts.size;
    book.counts.set(key, count);
  }
  return count;
}
