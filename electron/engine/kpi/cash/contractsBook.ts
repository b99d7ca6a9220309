// Contract values of the whole workspace from sums kept in it. Each paying
// term's TCV is worked out once and summed by start day
// (`contract_start_days`); the backlog of every month end is worked out in
// one sweep over the terms (a term adds its whole value to the month ends
// before its start and what is left of it to those in its term) and kept
// in `contract_backlog_months`. The import rebuilds both. In memory the
// start days carry running totals, so the TCV of any range of start days
// is two searches. Every term is rounded on its own before it is added, as
// the query route does. Only terms in the reporting currency are summed
// here (they need no rate), so a period that meets another currency, or a
// backlog at a day that is not a month end, returns null and is queried.
// A segment's book is summed the same way from its terms, in memory.
import type { Db } from '../../store/database.js';
import { cachedFigures, scopeKey } from '../common/changeCache.js';
import { ensureSummed, type SummedTable } from '../common/summedState.js';
import {
  addMonthsCivil,
  civilKey,
  civilOf,
  monthsBetweenCivil,
  nextDayCivil,
  type Civil,
} from '../common/terms.js';
import { daysInMonth } from '../../../../shared/period.js';
import { OPEN_ENDED_TERM_MONTHS } from './contracts.js';
import { boundIn } from '../common/sorted.js';

type Term = {
  currency: string;
  mrr: number;
  startOn: string;
  start: Civil;
  /** The end day, or twelve months after the start when open-ended. */
  last: Civil;
  isOpenEnded: boolean;
  /**
   * The day after which the term still holds value: its end day, or for
   * an open-ended term SQLite's `date(start_on, '+12 months')`, which is
   * what the query route selects by. Null when SQLite gives none.
   */
  afterKey: number | null;
  /** Months of the whole term. */
  whole: number;
  /** Rounded TCV of the whole term. */
  value: number;
};

export type ContractFigures = {
  amount: number;
  subscriptions: number;
  openEnded: number;
};

/** Figures of one currency at consecutive month ends. */
type MonthEndFigures = {
  amount: Float64Array;
  subscriptions: Int32Array;
  openEnded: Int32Array;
};

/** Start days of one currency's terms with running totals. */
type StartDays = {
  /** Sorted start days. */
  days: string[];
  /** Entry i: terms starting before `days[i]`; one entry more than days. */
  running: MonthEndFigures;
};

type Book = {
  isExact: boolean;
  starts: Map<string, StartDays>;
  /** Month index of the earliest backlog row: every term still ahead. */
  firstMonth: number;
  backlog: Map<string, Map<number, ContractFigures>>;
};

const roundHalfAway = (value: number) =>
  Math.sign(value) * Math.round(Math.abs(value));

const monthIndexOf = (day: Civil) => day.year * 12 + day.month - 1;

function monthEndOf(index: number): Civil {
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, day: daysInMonth(year, month) };
}

function figuresOf(length: number): MonthEndFigures {
  return {
    amount: new Float64Array(length),
    subscriptions: new Int32Array(length),
    openEnded: new Int32Array(length),
  };
}

/** A condition over the subscriptions (`s`) and their accounts (`a`). */
export type ContractScope = { where: string; params: Record<string, string> };

function termsOf(db: Db, scope: ContractScope | null = null): Term[] {
  const from = scope
    ? 'subscriptions s LEFT JOIN accounts a ON a.id = s.account_id'
    : 'subscriptions s';
  const rows = db
    .prepare(
      `SELECT s.currency, s.mrr_minor, s.start_on, s.end_on,
              date(s.start_on, '+12 months')
         FROM ${from}
        WHERE s.is_trial = 0 AND s.mrr_minor > 0 AND (${scope?.where ?? '1'})
        ORDER BY s.start_on`,
    )
    .raw()
    .all(scope?.params ?? {}) as [
    string,
    number,
    string,
    string | null,
    string | null,
  ][];
  return rows.map(([currency, mrr, startOn, endOn, sqlYearOn]) => {
    const start = civilOf(startOn);
    const last = endOn
      ? civilOf(endOn)
      : addMonthsCivil(start, OPEN_ENDED_TERM_MONTHS);
    const after = endOn ?? sqlYearOn;
    const whole = monthsBetweenCivil(start, last);
    return {
      currency,
      mrr,
      startOn,
      start,
      last,
      isOpenEnded: endOn === null,
      afterKey: after === null ? null : civilKey(civilOf(after)),
      whole,
      value: roundHalfAway(mrr * whole),
    };
  });
}

/** What is left of a term after `end`, or 0 when nothing is. */
function leftAfter(term: Term, end: Civil): number {
  if (term.afterKey === null || term.afterKey <= civilKey(end)) return 0;
  const upTo = nextDayCivil(end);
  const until = civilKey(upTo) < civilKey(term.last) ? upTo : term.last;
  return term.whole - monthsBetweenCivil(term.start, until);
}

/** Adds `value` to the month ends from `from` up to `to` (exclusive). */
function addRange(
  changes: MonthEndFigures,
  from: number,
  to: number,
  value: number,
  isOpenEnded: boolean,
): void {
  changes.amount[from] = (changes.amount[from] ?? 0) + value;
  changes.amount[to] = (changes.amount[to] ?? 0) - value;
  changes.subscriptions[from] = (changes.subscriptions[from] ?? 0) + 1;
  changes.subscriptions[to] = (changes.subscriptions[to] ?? 0) - 1;
  if (isOpenEnded) {
    changes.openEnded[from] = (changes.openEnded[from] ?? 0) + 1;
    changes.openEnded[to] = (changes.openEnded[to] ?? 0) - 1;
  }
}

function accumulate(changes: MonthEndFigures, length: number): void {
  for (let at = 1; at < length; at += 1) {
    changes.amount[at] =
      (changes.amount[at] ?? 0) + (changes.amount[at - 1] ?? 0);
    changes.subscriptions[at] =
      (changes.subscriptions[at] ?? 0) + (changes.subscriptions[at - 1] ?? 0);
    changes.openEnded[at] =
      (changes.openEnded[at] ?? 0) + (changes.openEnded[at - 1] ?? 0);
  }
}

/** Backlog at every month end from the month before the first start. */
function backlogSweep(terms: readonly Term[]): {
  firstMonth: number;
  backlog: Map<string, MonthEndFigures>;
} {
  const firstStart = terms[0];
  if (!firstStart) return { firstMonth: 0, backlog: new Map() };
  const firstMonth = monthIndexOf(firstStart.start) - 1;
  let lastMonth = firstMonth;
  for (const term of terms) {
    lastMonth = Math.max(lastMonth, monthIndexOf(term.last));
    if (term.afterKey !== null) {
      const afterMonth = Math.floor(term.afterKey / 100);
      lastMonth = Math.max(
        lastMonth,
        Math.floor(afterMonth / 100) * 12 + (afterMonth % 100) - 1,
      );
    }
  }
  const length = lastMonth - firstMonth + 2;
  const backlog = new Map<string, MonthEndFigures>();
  for (const term of terms) {
    let changes = backlog.get(term.currency);
    if (!changes) {
      changes = figuresOf(length);
      backlog.set(term.currency, changes);
    }
    // A term without days, or without SQLite's end, never holds value.
    if (term.afterKey === null || term.whole <= 0) continue;
    // Month ends before the start hold the whole term.
    const started = monthIndexOf(term.start) - firstMonth;
    addRange(changes, 0, started, term.value, term.isOpenEnded);
    // From its start's month end until the day it holds nothing more.
    for (let at = started; at < length; at += 1) {
      const end = monthEndOf(firstMonth + at);
      if (civilKey(end) >= term.afterKey) break;
      const left = leftAfter(term, end);
      if (left > 0) {
        const value = roundHalfAway(term.mrr * left);
        addRange(changes, at, at + 1, value, term.isOpenEnded);
      }
    }
  }
  for (const changes of backlog.values()) accumulate(changes, length);
  return { firstMonth, backlog };
}

const isCalendarTerm = (text: string) => `(${text} IS date(${text}))`;

const INEXACT_SQL = `SELECT EXISTS (SELECT 1 FROM subscriptions s
  WHERE s.is_trial = 0 AND s.mrr_minor > 0
    AND NOT (${isCalendarTerm('s.start_on')}
      AND (s.end_on IS NULL OR ${isCalendarTerm('s.end_on')})))`;

export const contractSums: SummedTable = {
  name: 'contract_sums',
  sources: ['subscriptions'],
  extra: () => '',
  build(db) {
    db.exec(`DELETE FROM contract_start_days;
      DELETE FROM contract_backlog_months;`);
    const isInexact = db.prepare(INEXACT_SQL).pluck().get() as number;
    if (isInexact === 1) return false;
    const terms = termsOf(db);
    const start = db.prepare(
      `INSERT INTO contract_start_days (currency, start_on, amount_minor,
         subscriptions, open_ended) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (currency, start_on) DO UPDATE SET
         amount_minor = amount_minor + excluded.amount_minor,
         subscriptions = subscriptions + excluded.subscriptions,
         open_ended = open_ended + excluded.open_ended`,
    );
    for (const term of terms) {
      const open = term.isOpenEnded ? 1 : 0;
      start.run(term.currency, term.startOn, term.value, 1, open);
    }
    const month = db.prepare(
      `INSERT INTO contract_backlog_months (currency, month, amount_minor,
         subscriptions, open_ended) VALUES (?, ?, ?, ?, ?)`,
    );
    const { firstMonth, backlog } = backlogSweep(terms);
    for (const [currency, sums] of backlog) {
      for (let at = 0; at < sums.amount.length; at += 1) {
        const subscriptions = sums.subscriptions[at] ?? 0;
        if (subscriptions === 0) continue;
        month.run(
          currency,
          firstMonth + at,
          sums.amount[at] ?? 0,
          subscriptions,
          sums.openEnded[at] ?? 0,
        );
      }
    }
    return true;
  },
};

type StartRow = [
  currency: string,
  startOn: string,
  amount: number,
  subscriptions: number,
  openEnded: number,
];

function startDaysOf(rows: readonly StartRow[]): Map<string, StartDays> {
  const byCurrency = new Map<string, StartRow[]>();
  for (const row of rows) {
    const list = byCurrency.get(row[0]) ?? [];
    list.push(row);
    byCurrency.set(row[0], list);
  }
  const starts = new Map<string, StartDays>();
  for (const [currency, list] of byCurrency) {
    const running = figuresOf(list.length + 1);
    list.forEach(([, , amount, subscriptions, openEnded], index) => {
      running.amount[index + 1] = (running.amount[index] ?? 0) + amount;
      running.subscriptions[index + 1] =
        (running.subscriptions[index] ?? 0) + subscriptions;
      running.openEnded[index + 1] =
        (running.openEnded[index] ?? 0) + openEnded;
    });
    starts.set(currency, { days: list.map((row) => row[1]), running });
  }
  return starts;
}

function build(db: Db): Book {
  const isExact = ensureSummed(db, contractSums);
  const startRows = db
    .prepare(
      `SELECT currency, start_on, amount_minor, subscriptions, open_ended
         FROM contract_start_days ORDER BY currency, start_on`,
    )
    .raw()
    .all() as StartRow[];
  const monthRows = db
    .prepare(
      `SELECT currency, month, amount_minor, subscriptions, open_ended
         FROM contract_backlog_months`,
    )
    .raw()
    .all() as [string, number, number, number, number][];
  const backlog = new Map<string, Map<number, ContractFigures>>();
  let firstMonth = Number.POSITIVE_INFINITY;
  for (const [currency, month, amount, subscriptions, openEnded] of monthRows) {
    const months = backlog.get(currency) ?? new Map();
    months.set(month, { amount, subscriptions, openEnded });
    backlog.set(currency, months);
    firstMonth = Math.min(firstMonth, month);
  }
  return { isExact, starts: startDaysOf(startRows), firstMonth, backlog };
}

/** A segment's book, summed from its terms in memory. */
function scopedBuild(db: Db, scope: ContractScope): Book {
  if (db.prepare(INEXACT_SQL).pluck().get() === 1) {
    return {
      isExact: false,
      starts: new Map(),
      firstMonth: 0,
      backlog: new Map(),
    };
  }
  const terms = termsOf(db, scope);
  const startSums = new Map<string, StartRow>();
  for (const term of terms) {
    const key = `${term.currency}\u0000${term.startOn}`;
    const row = startSums.get(key) ?? [term.currency, term.startOn, 0, 0, 0];
    row[2] += term.value;
    row[3] += 1;
    row[4] += term.isOpenEnded ? 1 : 0;
    startSums.set(key, row);
  }
  const startRows = [...startSums.values()].sort((a, b) =>
    a[0] === b[0]
      ? a[1] < b[1]
        ? -1
        : a[1] > b[1]
          ? 1
          : 0
      : a[0] < b[0]
        ? -1
        : 1,
  );
  const { firstMonth, backlog: sweep } = backlogSweep(terms);
  const backlog = new Map<string, Map<number, ContractFigures>>();
  for (const [currency, sums] of sweep) {
    const months = new Map<number, ContractFigures>();
    for (let at = 0; at < sums.amount.length; at += 1) {
      const subscriptions = sums.subscriptions[at] ?? 0;
      if (subscriptions === 0) continue;
      months.set(firstMonth + at, {
        amount: sums.amount[at] ?? 0,
        subscriptions,
        openEnded: sums.openEnded[at] ?? 0,
      });
    }
    backlog.set(currency, months);
  }
  return { isExact: true, starts: startDaysOf(startRows), firstMonth, backlog };
}

/**
 * The whole workspace's book from its summed tables, or a segment's from
 * its terms, kept until the subscriptions (and, for a segment, accounts,
 * users and teams) change.
 */
function book(db: Db, scope: ContractScope | null): Book {
  if (scope === null || scope.where === '1') {
    return cachedFigures(db, 'contracts', ['subscriptions'], () => build(db));
  }
  return cachedFigures(
    db,
    `contracts:${scopeKey(scope)}`,
    ['subscriptions', 'accounts', 'users', 'teams'],
    () => scopedBuild(db, scope),
  );
}

const NONE: ContractFigures = { amount: 0, subscriptions: 0, openEnded: 0 };

function only(
  sums: ReadonlyMap<string, ContractFigures>,
  reporting: string,
): ContractFigures | null {
  for (const [currency, sum] of sums) {
    if (currency !== reporting && sum.subscriptions > 0) return null;
  }
  return sums.get(reporting) ?? NONE;
}

/** TCV of the terms starting from `start` to `end`. */
export function termsStartingBetween(
  db: Db,
  scope: ContractScope | null,
  start: string,
  end: string,
  reporting: string,
): ContractFigures | null {
  const kept = book(db, scope);
  if (!kept.isExact) return null;
  const sums = new Map<string, ContractFigures>();
  for (const [currency, { days, running }] of kept.starts) {
    const from = boundIn(days, start);
    const to = Math.max(from, boundIn(days, end, true));
    sums.set(currency, {
      amount: (running.amount[to] ?? 0) - (running.amount[from] ?? 0),
      subscriptions:
        (running.subscriptions[to] ?? 0) - (running.subscriptions[from] ?? 0),
      openEnded: (running.openEnded[to] ?? 0) - (running.openEnded[from] ?? 0),
    });
  }
  return only(sums, reporting);
}

/** Backlog at a month end: what the terms still hold after that day. */
export function backlogAt(
  db: Db,
  scope: ContractScope | null,
  end: string,
  reporting: string,
): ContractFigures | null {
  const kept = book(db, scope);
  const day = civilOf(end);
  const isMonthEnd =
    /^\d{4}-\d{2}-\d{2}$/.test(end) &&
    day.day === daysInMonth(day.year, day.month);
  if (!kept.isExact || !isMonthEnd) return null;
  // Month ends before the first row hold what the first row holds.
  const month = Math.max(monthIndexOf(day), kept.firstMonth);
  const sums = new Map<string, ContractFigures>();
  for (const [currency, months] of kept.backlog) {
    sums.set(currency, months.get(month) ?? NONE);
  }
  return only(sums, reporting);
}
