// The summed deal tables held in memory, per connection, until the
// opportunities change: a dashboard asks for the same deals month after
// month, and a few thousand summed rows answer each month faster than any
// query. Days compare as text, as SQLite compares them.
import { daysInMonth } from '../../../../shared/period.js';
import type { Db } from '../../store/database.js';
import { cachedFigures, scopeKey } from '../common/changeCache.js';
import { boundOf } from '../common/sorted.js';
import {
  dealState,
  ensureDealAggregates,
  sumDeals,
  type Built,
  type DealScope,
} from './dealAggregates.js';

export type CloseRow = {
  closedOn: string;
  status: 'won' | 'lost';
  currency: string;
  ownerUserId: number | null;
  ownerName: string | null;
  closeYear: number;
  closeMonth: number;
  deals: number;
  withAmount: number;
  amount: number;
};

export type CycleRow = {
  month: string;
  ownerUserId: number | null;
  ownerName: string | null;
  closeYear: number;
  closeMonth: number;
  days: number;
  deals: number;
};

export type StepRow = {
  day: string;
  stage: string | null;
  probability: number | null;
  currency: string | null;
  ownerUserId: number | null;
  ownerName: string | null;
  closeYear: number | null;
  closeMonth: number | null;
  deals: number;
  amounts: number;
  amount: number;
};

export const STEP_VIEW = {
  pipeline: 0,
  pipelineClosing: 1,
  owner: 2,
  closeMonth: 3,
} as const;

export type StepView = (typeof STEP_VIEW)[keyof typeof STEP_VIEW];

export type DealBook = {
  isCycleExact: boolean;
  /** Sorted by close day. */
  closes: CloseRow[];
  /** The same summed over owners, for views that do not split by owner. */
  dayCloses: CloseRow[];
  /** Sorted by month. */
  cycles: CycleRow[];
  /** The same summed over owners. */
  dayCycles: CycleRow[];
  /** The steps of a view, sorted by day. */
  stepsOf(view: StepView): StepRow[];
};

const cached = new WeakMap<Db, { changes: number; book: DealBook }>();

const CLOSE_COLUMNS = `closed_on AS closedOn, status, currency`;
const CYCLE_MONTH = `CAST(substr(month, 1, 4) AS INTEGER) AS closeYear,
  CAST(substr(month, 6, 2) AS INTEGER) AS closeMonth`;

/**
 * The book over the summed tables, each part read when first asked for:
 * the dashboard's months need neither the owners' splits nor every view.
 */
function load(db: Db, isCycleExact: boolean): DealBook {
  const once = <T>(read: () => T): (() => T) => {
    let value: T | undefined;
    return () => (value ??= read());
  };
  const closes = once(
    () =>
      db
        .prepare(
          `SELECT ${CLOSE_COLUMNS}, owner_user_id AS ownerUserId,
                  owner_name AS ownerName, close_year AS closeYear,
                  close_month AS closeMonth, deals,
                  with_amount AS withAmount, amount_minor AS amount
             FROM deal_close_days ORDER BY closed_on`,
        )
        .all() as CloseRow[],
  );
  const dayCloses = once(
    () =>
      db
        .prepare(
          `SELECT ${CLOSE_COLUMNS}, NULL AS ownerUserId, NULL AS ownerName,
                  close_year AS closeYear, close_month AS closeMonth,
                  sum(deals) AS deals, sum(with_amount) AS withAmount,
                  sum(amount_minor) AS amount
             FROM deal_close_days
            GROUP BY closed_on, status, currency ORDER BY closed_on`,
        )
        .all() as CloseRow[],
  );
  const cycles = once(
    () =>
      db
        .prepare(
          `SELECT month, owner_user_id AS ownerUserId,
                  owner_name AS ownerName, ${CYCLE_MONTH}, days, deals
             FROM deal_cycle_months ORDER BY month`,
        )
        .all() as CycleRow[],
  );
  const dayCycles = once(
    () =>
      db
        .prepare(
          `SELECT month, NULL AS ownerUserId, NULL AS ownerName,
                  ${CYCLE_MONTH}, days, sum(deals) AS deals
             FROM deal_cycle_months GROUP BY month, days ORDER BY month`,
        )
        .all() as CycleRow[],
  );
  const views = Object.values(STEP_VIEW).map((view) =>
    once(
      () =>
        db
          .prepare(
            `SELECT day, stage, probability, currency,
                    owner_user_id AS ownerUserId, owner_name AS ownerName,
                    close_year AS closeYear, close_month AS closeMonth,
                    deals, amounts, amount_minor AS amount
               FROM deal_open_steps WHERE view = ? ORDER BY day`,
          )
          .all(view) as StepRow[],
    ),
  );
  return {
    isCycleExact,
    get closes() {
      return closes();
    },
    get dayCloses() {
      return dayCloses();
    },
    get cycles() {
      return cycles();
    },
    get dayCycles() {
      return dayCycles();
    },
    stepsOf: (view) => views[view]?.() ?? [],
  };
}

/** Cycle rows summed over owners, in month order. */
function overCycleOwners(cycles: readonly CycleRow[]): CycleRow[] {
  const sums = new Map<string, CycleRow>();
  for (const row of cycles) {
    const key = `${row.month}\u0000${row.days}`;
    const sum = sums.get(key);
    if (sum) sum.deals += row.deals;
    else sums.set(key, { ...row, ownerUserId: null, ownerName: null });
  }
  return [...sums.values()];
}

function overOwners(closes: readonly CloseRow[]): CloseRow[] {
  const sums = new Map<string, CloseRow>();
  for (const row of closes) {
    const key = `${row.closedOn}\u0000${row.status}\u0000${row.currency}`;
    const sum = sums.get(key);
    if (sum) {
      sum.deals += row.deals;
      sum.withAmount += row.withAmount;
      sum.amount += row.amount;
    } else {
      sums.set(key, { ...row, ownerUserId: null, ownerName: null });
    }
  }
  // Insertion keeps the day order of `closes`.
  return [...sums.values()];
}

const byDay =
  <T>(dayOf: (row: T) => string) =>
  (a: T, b: T) => {
    const left = dayOf(a);
    const right = dayOf(b);
    return left < right ? -1 : left > right ? 1 : 0;
  };

/** A book straight from the sums, as `load` reads them from the tables. */
function bookOfSums(built: Built): DealBook {
  const closes: CloseRow[] = [];
  for (const sum of built.closes.sums.values()) {
    const [closedOn, status, currency, ownerUserId, ownerName, year, month] =
      sum.values as [
        string,
        'won' | 'lost',
        string,
        number | null,
        string | null,
        number,
        number,
      ];
    closes.push({
      closedOn,
      status,
      currency,
      ownerUserId,
      ownerName,
      closeYear: year,
      closeMonth: month,
      deals: sum.deals,
      withAmount: sum.amounts,
      amount: sum.amount,
    });
  }
  closes.sort(byDay((row) => row.closedOn));
  const cycles: CycleRow[] = [];
  for (const sum of built.cycles.sums.values()) {
    const [month, ownerUserId, ownerName, days] = sum.values as [
      string,
      number | null,
      string | null,
      number,
    ];
    cycles.push({
      month,
      ownerUserId,
      ownerName,
      closeYear: Number(month.slice(0, 4)),
      closeMonth: Number(month.slice(5, 7)),
      days,
      deals: sum.deals,
    });
  }
  cycles.sort(byDay((row) => row.month));
  const steps = built.steps.map((summer, view) => {
    const rows: StepRow[] = [];
    for (const sum of summer.sums.values()) {
      if (sum.deals === 0 && sum.amounts === 0 && sum.amount === 0) continue;
      const [day, ...dims] = sum.values as [string, ...unknown[]];
      const row: StepRow = {
        day,
        stage: null,
        probability: null,
        currency: null,
        ownerUserId: null,
        ownerName: null,
        closeYear: null,
        closeMonth: null,
        deals: sum.deals,
        amounts: sum.amounts,
        amount: sum.amount,
      };
      if (view === STEP_VIEW.owner) {
        row.ownerUserId = dims[0] as number | null;
        row.ownerName = dims[1] as string | null;
      } else if (view === STEP_VIEW.closeMonth) {
        row.closeYear = dims[0] as number | null;
        row.closeMonth = dims[1] as number | null;
      } else {
        row.stage = dims[0] as string | null;
        row.probability = dims[1] as number | null;
        row.currency = dims[2] as string | null;
      }
      rows.push(row);
    }
    return rows.sort(byDay((row) => row.day));
  });
  return {
    isCycleExact: built.isCycleExact,
    closes,
    dayCloses: overOwners(closes),
    cycles,
    dayCycles: overCycleOwners(cycles),
    stepsOf: (view) => steps[view] ?? [],
  };
}

/**
 * The book of the deals a segment selects, summed from them in one pass
 * and kept until the deals, accounts, users or teams change; the whole
 * workspace's book when there is no segment.
 */
export function dealBookFor(db: Db, scope: DealScope | null): DealBook {
  if (scope === null || scope.where === '1') return dealBook(db);
  return cachedFigures(
    db,
    `deals:${scopeKey(scope)}`,
    ['opportunities', 'accounts', 'users', 'teams'],
    () => bookOfSums(sumDeals(db, scope)),
  );
}

/** The deal book of the workspace, rebuilt first when it is stale. */
export function dealBook(db: Db): DealBook {
  ensureDealAggregates(db);
  const state = dealState(db);
  const changes = state?.changes ?? -1;
  const hit = cached.get(db);
  if (hit && hit.changes === changes) return hit.book;
  const book = load(db, state?.isCycleExact ?? false);
  cached.set(db, { changes, book });
  return book;
}

/** Closed deals with a close day from `start` to `end`, both inclusive. */
export function closesBetween(
  book: DealBook,
  start: string,
  end: string,
  isByOwner = false,
): CloseRow[] {
  const rows = isByOwner ? book.closes : book.dayCloses;
  const keyOf = (row: CloseRow) => row.closedOn;
  const from = boundOf(rows, keyOf, start);
  const to = boundOf(rows, keyOf, end, true);
  return rows.slice(from, Math.max(from, to));
}

/** Cycle counts of the close months from `first` to `last` (`YYYY-MM`). */
export function cyclesBetween(
  book: DealBook,
  first: string,
  last: string,
  isByOwner = false,
): CycleRow[] {
  const rows = isByOwner ? book.cycles : book.dayCycles;
  const keyOf = (row: CycleRow) => row.month;
  const from = boundOf(rows, keyOf, first);
  const to = boundOf(rows, keyOf, last, true);
  return rows.slice(from, Math.max(from, to));
}

/** The steps of a view up to and including `day`. */
export function stepsThrough(
  book: DealBook,
  view: StepView,
  day: string,
): StepRow[] {
  const rows = book.stepsOf(view);
  return rows.slice(
    0,
    boundOf(rows, (row) => row.day, day, true),
  );
}

/** Whether a range covers whole calendar months, as the book keeps cycles. */
export function isWholeMonths(start: string, end: string): boolean {
  if (!/^\d{4}-\d{2}-01$/.test(start)) return false;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(end);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  if (month < 1 || month > 12) return false;
  return Number(match[3]) === daysInMonth(year, month);
}
