// Whole-workspace customer figures from memory, kept until their tables
// change: answered tickets by day for CSAT (summed in the workspace as
// `ticket_score_days`, exact while every score is a whole number, so that
// sums do not depend on their order), and the accounts paying within a
// period for adoption (while there is no feature usage to match them
// against). Null where the query must answer.
import { daysInMonth } from '../../../../shared/period.js';
import type { Db } from '../../store/database.js';
import { cachedFigures, scopeKey } from '../common/changeCache.js';
import { ensureSummed, type SummedTable } from '../common/summedState.js';
import { SATISFIED_FROM } from './satisfaction.js';
import { boundIn } from '../common/sorted.js';
import { monthNumberOf } from '../common/terms.js';

type ScoreDay = {
  day: string;
  answered: number;
  satisfied: number;
  scoreSum: number;
};

type ScoreBook = { isExact: boolean; days: ScoreDay[] };

const FRACTIONS_SQL = `SELECT count(*) FROM tickets
  WHERE satisfaction_score <> round(satisfaction_score)`;

/** The day a ticket's score counts on: its closing, else its opening. */
const SCORE_DAY = 'substr(coalesce(k.closed_at, k.opened_at), 1, 10)';

export const ticketScoreSums: SummedTable = {
  name: 'ticket_scores',
  sources: ['tickets'],
  extra: () => '',
  build(db) {
    db.exec('DELETE FROM ticket_score_days');
    const fractions = db.prepare(FRACTIONS_SQL).pluck().get() as number;
    if (fractions > 0) return false;
    db.prepare(
      `INSERT INTO ticket_score_days (day, answered, satisfied, score_sum)
       SELECT ${SCORE_DAY}, count(*),
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

/** A condition over the tickets (`k`) and their accounts (`a`). */
export type ScoreScope = { where: string; params: Record<string, string> };

function scoreBook(db: Db, scope: ScoreScope | null): ScoreBook {
  if (scope !== null && scope.where !== '1') {
    // A segment's days, grouped from its tickets in one query.
    return cachedFigures(
      db,
      `scores:${scopeKey(scope)}`,
      ['tickets', 'accounts', 'users', 'teams'],
      () => {
        const fractions = db.prepare(FRACTIONS_SQL).pluck().get() as number;
        const days = db
          .prepare(
            `SELECT ${SCORE_DAY} AS day, count(*) AS answered,
                    count(CASE WHEN k.satisfaction_score >= @from THEN 1 END)
                      AS satisfied,
                    total(k.satisfaction_score) AS scoreSum
               FROM tickets k LEFT JOIN accounts a ON a.id = k.account_id
              WHERE k.satisfaction_score IS NOT NULL
                AND ${SCORE_DAY} IS NOT NULL AND (${scope.where})
              GROUP BY 1 ORDER BY 1`,
          )
          .all({ ...scope.params, from: SATISFIED_FROM }) as ScoreDay[];
        return { isExact: fractions === 0, days };
      },
    );
  }
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
  scope: ScoreScope | null,
  start: string,
  end: string,
): Omit<ScoreDay, 'day'> | null {
  const book = scoreBook(db, scope);
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

type PayingLine = [accountId: number, startOn: string, endOn: string | null];

/** A condition over the subscriptions (`s`) and their accounts (`a`). */
export type PayingScope = { where: string; params: Record<string, string> };

const payingLinesSql = (where = '1') => `SELECT s.account_id, s.start_on,
     s.end_on
   FROM subscriptions s LEFT JOIN accounts a ON a.id = s.account_id
  WHERE s.account_id IS NOT NULL AND s.is_trial = 0 AND s.mrr_minor > 0
    AND (${where})`;

const PAYING_LINES_SQL = payingLinesSql();

const INEXACT_SQL = `SELECT EXISTS (SELECT 1 FROM subscriptions s
  WHERE s.account_id IS NOT NULL AND s.is_trial = 0 AND s.mrr_minor > 0
    AND (s.start_on IS NOT date(s.start_on)
      OR (s.end_on IS NOT NULL AND s.end_on IS NOT date(s.end_on))))`;

const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Months where the count of paying accounts changes, and the count. */
function payingMonths(lines: readonly PayingLine[]): {
  months: number[];
  accounts: number[];
} {
  const spans = new Map<number, [number, number][]>();
  for (const [accountId, startOn, endOn] of lines) {
    const first = monthNumberOf(startOn);
    // Ending on a month's first day leaves that month out.
    const last =
      endOn === null
        ? Number.POSITIVE_INFINITY
        : monthNumberOf(endOn) - (endOn.endsWith('-01') ? 1 : 0);
    if (last < first) continue;
    const list = spans.get(accountId) ?? [];
    list.push([first, last]);
    spans.set(accountId, list);
  }
  const changes = new Map<number, number>();
  const bump = (month: number, by: number) =>
    changes.set(month, (changes.get(month) ?? 0) + by);
  for (const list of spans.values()) {
    list.sort((a, b) => a[0] - b[0]);
    let [from, to] = list[0] ?? [0, -1];
    for (const [first, last] of list.slice(1)) {
      if (first <= to + 1) {
        to = Math.max(to, last);
        continue;
      }
      bump(from, 1);
      bump(to + 1, -1);
      [from, to] = [first, last];
    }
    bump(from, 1);
    if (Number.isFinite(to)) bump(to + 1, -1);
  }
  const months = [...changes.keys()].sort((a, b) => a - b);
  const accounts: number[] = [];
  let count = 0;
  for (const month of months) {
    count += changes.get(month) ?? 0;
    accounts.push(count);
  }
  return { months, accounts };
}

/**
 * Accounts paying on some day of each calendar month, in one sweep: a
 * line is active in month m when it starts by m's last day and does not
 * end by its first day. Each account's months are merged before they are
 * counted, so an account counts once a month.
 */
export const payingAccountSums: SummedTable = {
  name: 'paying_accounts',
  sources: ['subscriptions'],
  extra: () => '',
  build(db) {
    db.exec('DELETE FROM paying_account_months');
    const isInexact = db.prepare(INEXACT_SQL).pluck().get() as number;
    if (isInexact === 1) return false;
    const lines = db.prepare(PAYING_LINES_SQL).raw().all() as PayingLine[];
    const { months, accounts } = payingMonths(lines);
    const insert = db.prepare(
      'INSERT INTO paying_account_months (month, accounts) VALUES (?, ?)',
    );
    months.forEach((month, at) => insert.run(month, accounts[at] ?? 0));
    return true;
  },
};

type PayingBook = {
  isExact: boolean;
  /** Month index -> accounts, at each month where the count changes. */
  months: number[];
  accounts: number[];
  lines: PayingLine[] | null;
  counts: Map<string, number>;
};

function payingBook(db: Db, scope: PayingScope | null): PayingBook {
  if (scope !== null && scope.where !== '1') {
    return cachedFigures<PayingBook>(
      db,
      `payingAccounts:${scopeKey(scope)}`,
      ['subscriptions', 'accounts', 'users', 'teams'],
      () => {
        const lines = db
          .prepare(payingLinesSql(scope.where))
          .raw()
          .all(scope.params) as PayingLine[];
        const isExact = db.prepare(INEXACT_SQL).pluck().get() === 0;
        return { isExact, ...payingMonths(lines), lines, counts: new Map() };
      },
    );
  }
  return cachedFigures<PayingBook>(
    db,
    'payingAccounts',
    ['subscriptions'],
    () => {
      const isExact = ensureSummed(db, payingAccountSums);
      const rows = db
        .prepare(
          'SELECT month, accounts FROM paying_account_months ORDER BY month',
        )
        .raw()
        .all() as [number, number][];
      return {
        isExact,
        months: rows.map((row) => row[0]),
        accounts: rows.map((row) => row[1]),
        lines: null,
        counts: new Map(),
      };
    },
  );
}

/** The count of a whole calendar month from the sweep, or null. */
function monthCount(book: PayingBook, start: string, end: string) {
  if (!book.isExact || !CALENDAR_DAY.test(start) || !start.endsWith('-01')) {
    return null;
  }
  const month = monthNumberOf(start);
  const year = Math.floor(month / 12);
  const last = `${start.slice(0, 8)}${String(
    daysInMonth(year, (month % 12) + 1),
  ).padStart(2, '0')}`;
  if (end !== last) return null;
  // The last row at or before the month holds its count.
  const low = boundIn(book.months, month, true);
  return low === 0 ? 0 : (book.accounts[low - 1] ?? 0);
}

/** Accounts with a paying subscription active at some day of a period. */
export function payingAccountsBetween(
  db: Db,
  scope: PayingScope | null,
  start: string,
  end: string,
): number | null {
  const hasUsage = db
    .prepare('SELECT EXISTS (SELECT 1 FROM feature_usage)')
    .pluck()
    .get() as number;
  if (hasUsage) return null;
  const book = payingBook(db, scope);
  const ofMonth = monthCount(book, start, end);
  if (ofMonth !== null) return ofMonth;
  const key = `${start}\u0000${end}`;
  let count = book.counts.get(key);
  if (count === undefined) {
    book.lines ??= db.prepare(PAYING_LINES_SQL).raw().all() as PayingLine[];
    const accounts = new Set<number>();
    for (const [accountId, startOn, endOn] of book.lines) {
      const isActive = startOn <= end && (endOn === null || endOn > start);
      if (isActive) accounts.add(accountId);
    }
    count = accounts.size;
    book.counts.set(key, count);
  }
  return count;
}
