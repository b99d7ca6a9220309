// Contract values of the whole workspace from memory: each paying term's
// TCV worked out once, sorted by start, and the backlog at a month end
// kept once asked for, until the subscriptions change. Every term is
// rounded on its own before it is added, as the query route does; only
// terms in the reporting currency are summed here (they need no rate), so
// a period that meets another currency returns null and is queried.
import type { Db } from '../../store/database.js';
import { cachedFigures } from '../common/changeCache.js';
import { addMonths, monthsBetween, nextDay } from '../common/terms.js';
import { OPEN_ENDED_TERM_MONTHS } from './contracts.js';

type Term = {
  currency: string;
  mrr: number;
  startOn: string;
  endOn: string | null;
  /** SQLite's `date(start_on, '+12 months')`, which selects the terms. */
  sqlYearOn: string | null;
  /** Rounded TCV of the whole term. */
  value: number;
};

export type ContractFigures = {
  amount: number;
  subscriptions: number;
  openEnded: number;
};

type Book = {
  /** Sorted by start day. */
  terms: Term[];
  backlogAt: Map<string, Map<string, ContractFigures>>;
};

const roundHalfAway = (value: number) =>
  Math.sign(value) * Math.round(Math.abs(value));

function termEnd(term: Pick<Term, 'startOn' | 'endOn'>): string {
  return term.endOn ?? addMonths(term.startOn, OPEN_ENDED_TERM_MONTHS);
}

function build(db: Db): Book {
  const rows = db
    .prepare(
      `SELECT s.currency, s.mrr_minor AS mrr, s.start_on AS startOn,
              s.end_on AS endOn,
              date(s.start_on, '+12 months') AS sqlYearOn
         FROM subscriptions s
        WHERE s.is_trial = 0 AND s.mrr_minor > 0
        ORDER BY s.start_on`,
    )
    .all() as Omit<Term, 'value'>[];
  const terms = rows.map((row) => ({
    ...row,
    value: roundHalfAway(row.mrr * monthsBetween(row.startOn, termEnd(row))),
  }));
  return { terms, backlogAt: new Map() };
}

function book(db: Db): Book {
  return cachedFigures(db, 'contracts', ['subscriptions'], () => build(db));
}

function add(
  sums: Map<string, ContractFigures>,
  currency: string,
  amount: number,
  isOpenEnded: boolean,
): void {
  const sum = sums.get(currency) ?? {
    amount: 0,
    subscriptions: 0,
    openEnded: 0,
  };
  sum.amount += amount;
  sum.subscriptions += 1;
  if (isOpenEnded) sum.openEnded += 1;
  sums.set(currency, sum);
}

function only(
  sums: Map<string, ContractFigures>,
  reporting: string,
): ContractFigures | null {
  for (const currency of sums.keys()) if (currency !== reporting) return null;
  return sums.get(reporting) ?? { amount: 0, subscriptions: 0, openEnded: 0 };
}

/** TCV of the terms starting from `start` to `end`. */
export function termsStartingBetween(
  db: Db,
  start: string,
  end: string,
  reporting: string,
): ContractFigures | null {
  const { terms } = book(db);
  let low = 0;
  let high = terms.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((terms[middle]?.startOn ?? '') < start) low = middle + 1;
    else high = middle;
  }
  const sums = new Map<string, ContractFigures>();
  for (let at = low; at < terms.length; at += 1) {
    const term = terms[at];
    if (!term || term.startOn > end) break;
    add(sums, term.currency, term.value, term.endOn === null);
  }
  return only(sums, reporting);
}

/** Backlog at `end`: what the terms still hold after that day. */
export function backlogAt(
  db: Db,
  end: string,
  reporting: string,
): ContractFigures | null {
  const kept = book(db);
  let sums = kept.backlogAt.get(end);
  if (!sums) {
    sums = new Map();
    const recognisedUpTo = nextDay(end);
    for (const term of kept.terms) {
      const isAfter =
        term.endOn !== null
          ? term.endOn > end
          : term.sqlYearOn !== null && term.sqlYearOn > end;
      if (!isAfter) continue;
      const last = termEnd(term);
      const whole = monthsBetween(term.startOn, last);
      const recognised = monthsBetween(
        term.startOn,
        recognisedUpTo < last ? recognisedUpTo : last,
      );
      const left = whole - recognised;
      if (left <= 0) continue;
      add(sums, term.currency, roundHalfAway(term.mrr * left), !term.endOn);
    }
    kept.backlogAt.set(end, sums);
  }
  return only(sums, reporting);
}
