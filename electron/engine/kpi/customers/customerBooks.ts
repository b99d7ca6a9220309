// Whole-workspace customer figures from memory, kept until their tables
// change: answered tickets by day for CSAT (summed in the workspace as
// `ticket_score_days`, exact while every score is a whole number, so that
// sums do not depend on their order), and the accounts paying within a
// period for adoption (while there is no feature usage to match them
// against). Null where the query must answer.
import type { Db } from '../../store/database.js';
import { cachedFigures } from '../common/changeCache.js';
import { ensureSummed, type SummedTable } from '../common/summedState.js';
import { SATISFIED_FROM } from './satisfaction.js';

type ScoreDay = {
  day: string;
  answered: number;
  satisfied: number;
  scoreSum: number;
};

type ScoreBook = { isExact: boolean; days: ScoreDay[] };

export const ticketScoreSums: SummedTable = {
  name: 'ticket_scores',
  sources: ['tickets'],
  extra: () => '',
  build(db) {
    db.exec('DELETE FROM ticket_score_days');
    const fractions = db
      .prepare(
        `SELECT count(*) FROM tickets
          WHERE satisfaction_score <> round(satisfaction_score)`,
      )
      .pluck()
      .get() as number;
    if (fractions > 0) return false;
    db.prepare(
      `INSERT INTO ticket_score_days (day, answered, satisfied, score_sum)
       SELECT substr(coalesce(k.closed_at, k.opened_at), 1, 10), count(*),
              count(CASE WHEN k.satisfaction_score >= @from THEN 1 END),
              total(k.satisfaction_score)
         FROM tickets k
        WHERE k.satisfaction_score IS NOT NULL
          AND coalesce(k.closed_at, k.opened_at) IS NOT NULL
        GROUP BY 1`,
    ).run({ from: SATISFIED_FROM });
    return true;
  },
};

function scoreBook(db: Db): ScoreBook {
  return cachedFigures(db, 'scores', ['tickets'], () => {
    const isExact = ensureSummed(db, ticketScoreSums);
    const days = db
      .prepare(
        `SELECT day, answered, satisfied, score_sum AS scoreSum
           FROM ticket_score_days ORDER BY day`,
      )
      .all() as ScoreDay[];
    return { isExact, days };
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
