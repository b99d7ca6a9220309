// The sales KPI totals from the deal book: the same groups, the same
// conversions (each close day's sum at that day's rate) and the same
// cycle lists as the queries over the opportunities, without reading them.
// Answers the whole workspace (no segment) for whole months, by nothing,
// fiscal quarter or owner; the caller falls back to the queries otherwise.
import type {
  KpiDimension,
  SalesMetricId,
} from '../../../../shared/metrics.js';
import type { Db } from '../../store/database.js';
import type { DealScope } from './dealAggregates.js';
import type { RateBook } from '../fx.js';
import {
  STEP_VIEW,
  closesBetween,
  cyclesBetween,
  dealBookFor,
  isWholeMonths,
  stepsThrough,
  type DealBook,
} from './dealBook.js';

export type Totals = {
  won: number;
  lost: number;
  open: number;
  bookingsMinor: number;
  wonWithAmount: number;
  currencies: Set<string>;
  /** Currencies without a rate into the reporting currency. */
  missing: Set<string>;
  cycleDays: number[];
  /** Cycle lengths counted by days, where the book gives them so. */
  cycleCounts: Map<number, number>;
};

export function emptyTotals(): Totals {
  return {
    won: 0,
    lost: 0,
    open: 0,
    bookingsMinor: 0,
    wonWithAmount: 0,
    currencies: new Set(),
    missing: new Set(),
    cycleDays: [],
    cycleCounts: new Map(),
  };
}

/** The cycle lengths of a group in order, from the list or the counts. */
function sortedCycles(entry: Totals): { days: number; count: number }[] {
  if (entry.cycleCounts.size === 0) {
    return entry.cycleDays.map((days) => ({ days, count: 1 }));
  }
  return [...entry.cycleCounts.keys()]
    .sort((a, b) => a - b)
    .map((days) => ({ days, count: entry.cycleCounts.get(days) ?? 0 }));
}

/** The middle cycle length, the mean of the two middle ones when even. */
export function medianCycle(entry: Totals): number | null {
  const runs = sortedCycles(entry);
  const total = runs.reduce((sum, run) => sum + run.count, 0);
  if (total === 0) return null;
  const at = (position: number) => {
    let seen = 0;
    for (const run of runs) {
      seen += run.count;
      if (position < seen) return run.days;
    }
    return 0;
  };
  const middle = Math.floor(total / 2);
  return total % 2 === 1 ? at(middle) : (at(middle - 1) + at(middle)) / 2;
}

export function meanCycle(entry: Totals): number | null {
  let total = 0;
  let sum = 0;
  for (const run of sortedCycles(entry)) {
    total += run.count;
    sum += run.days * run.count;
  }
  return total === 0 ? null : sum / total;
}

export type TotalsArgs = {
  wanted: readonly SalesMetricId[];
  by: KpiDimension | undefined;
  start: string;
  end: string;
  rates: RateBook | undefined;
  /** The fiscal calendar, as the quarter labels need it. */
  startMonth: number;
  labelOffset: number;
  /** A segment's condition over the deals; none for the whole workspace. */
  scope?: DealScope | null;
};

/** Group value of a deal, before `(none)` stands in for null. */
type Grouper = (row: {
  ownerUserId: number | null;
  ownerName: string | null;
  closeYear: number | null;
  closeMonth: number | null;
}) => string | null;

function grouper(db: Db, args: TotalsArgs): Grouper {
  if (args.by === 'owner') {
    const names = new Map(
      (
        db.prepare('SELECT id, name FROM users').all() as {
          id: number;
          name: string | null;
        }[]
      ).map((user) => [user.id, user.name]),
    );
    return (row) =>
      (row.ownerUserId === null ? null : names.get(row.ownerUserId)) ??
      row.ownerName;
  }
  if (args.by === 'quarter') {
    const { startMonth, labelOffset } = args;
    return ({ closeYear: year, closeMonth: month }) => {
      if (year === null || month === null) return null;
      const fiscalYear = year - (month < startMonth ? 1 : 0) + labelOffset;
      const quarter = Math.trunc(((month - startMonth + 12) % 12) / 3) + 1;
      return `${fiscalYear}-Q${quarter}`;
    };
  }
  return () => null;
}

const FAST_DIMENSIONS: readonly (KpiDimension | undefined)[] = [
  undefined,
  'quarter',
  'owner',
];

const CYCLE_IDS: readonly SalesMetricId[] = [
  'median_sales_cycle_days',
  'mean_sales_cycle_days',
];
const CLOSED_IDS: readonly SalesMetricId[] = [
  'deals_won',
  'deals_lost',
  'win_rate',
  'bookings',
  'avg_won_deal_size',
];

/** Whether the book can answer these totals exactly. */
export function canUseDealBook(
  book: DealBook,
  args: Pick<TotalsArgs, 'wanted' | 'by' | 'start' | 'end'>,
): boolean {
  if (!FAST_DIMENSIONS.includes(args.by)) return false;
  if (!isWholeMonths(args.start, args.end)) return false;
  const needsCycles = args.wanted.some((id) => CYCLE_IDS.includes(id));
  return !needsCycles || book.isCycleExact;
}

/** Totals by group from the book, or null when it cannot answer. */
export function bookSalesTotals(
  db: Db,
  args: TotalsArgs,
): Map<string | null, Totals> | null {
  if (!FAST_DIMENSIONS.includes(args.by)) return null;
  if (!isWholeMonths(args.start, args.end)) return null;
  const book = dealBookFor(db, args.scope ?? null);
  if (!canUseDealBook(book, args)) return null;
  const groupOf = grouper(db, args);
  const totals = new Map<string | null, Totals>();
  const totalsOf = (value: string | null) => {
    const key = args.by ? (value ?? '(none)') : null;
    let entry = totals.get(key);
    if (!entry) {
      entry = emptyTotals();
      totals.set(key, entry);
    }
    return entry;
  };
  const needs = (ids: readonly SalesMetricId[]) =>
    ids.some((id) => args.wanted.includes(id));
  if (needs(CLOSED_IDS)) addClosed(book, args, groupOf, totalsOf);
  if (needs(CYCLE_IDS)) addCycles(book, args, groupOf, totalsOf);
  if (needs(['deals_open'])) addOpen(book, args, groupOf, totalsOf);
  return totals;
}

type TotalsOf = (value: string | null) => Totals;

function addClosed(
  book: DealBook,
  args: TotalsArgs,
  groupOf: Grouper,
  totalsOf: TotalsOf,
): void {
  // Summed as the query groups them: group, status, currency and, when
  // converting, the close day whose rate applies.
  type Sum = {
    group: string | null;
    status: 'won' | 'lost';
    currency: string;
    closedOn: string;
    deals: number;
    withAmount: number;
    amount: number;
  };
  const sums = new Map<string, Sum>();
  const isByOwner = args.by === 'owner';
  for (const row of closesBetween(book, args.start, args.end, isByOwner)) {
    const group = groupOf(row);
    // Only another currency needs its day's rate; the reporting currency
    // converts to itself whatever the day.
    const isConverted =
      args.rates !== undefined && row.currency !== args.rates.reporting;
    const day = isConverted ? row.closedOn : '';
    const key = `${group}\u0000${row.status}\u0000${row.currency}\u0000${day}`;
    const sum = sums.get(key);
    if (sum) {
      sum.deals += row.deals;
      sum.withAmount += row.withAmount;
      sum.amount += row.amount;
    } else {
      sums.set(key, { ...row, group, closedOn: day });
    }
  }
  for (const row of sums.values()) {
    countClosed(totalsOf(row.group), row, args.rates);
  }
}

/**
 * Counts closed deals of one status and currency into their group's
 * totals: bookings in their own currency, or converted at `closedOn`.
 */
export function countClosed(
  entry: Totals,
  row: {
    status: 'won' | 'lost';
    currency: string;
    closedOn: string;
    deals: number;
    withAmount: number;
    amount: number;
  },
  rates: RateBook | undefined,
): void {
  if (row.status === 'lost') {
    entry.lost += row.deals;
    return;
  }
  entry.won += row.deals;
  entry.wonWithAmount += row.withAmount;
  if (row.withAmount === 0) return;
  if (!rates) {
    entry.bookingsMinor += row.amount;
    entry.currencies.add(row.currency);
    return;
  }
  const converted = rates.convert(row.amount, row.currency, row.closedOn);
  if (converted === null) entry.missing.add(row.currency);
  else entry.bookingsMinor += converted;
  entry.currencies.add(rates.reporting);
}

function addCycles(
  book: DealBook,
  args: TotalsArgs,
  groupOf: Grouper,
  totalsOf: TotalsOf,
): void {
  const counts = new Map<string | null, Map<number, number>>();
  const rows = cyclesBetween(
    book,
    args.start.slice(0, 7),
    args.end.slice(0, 7),
    args.by === 'owner',
  );
  for (const row of rows) {
    // A cycle row's close month fixes its quarter, whatever its day.
    const group = groupOf(row);
    const byDays = counts.get(group) ?? new Map<number, number>();
    byDays.set(row.days, (byDays.get(row.days) ?? 0) + row.deals);
    counts.set(group, byDays);
  }
  for (const [group, byDays] of counts) {
    const entry = totalsOf(group);
    for (const [days, count] of byDays) {
      entry.cycleCounts.set(days, (entry.cycleCounts.get(days) ?? 0) + count);
    }
  }
}

function addOpen(
  book: DealBook,
  args: TotalsArgs,
  groupOf: Grouper,
  totalsOf: TotalsOf,
): void {
  const view =
    args.by === 'owner'
      ? STEP_VIEW.owner
      : args.by === 'quarter'
        ? STEP_VIEW.closeMonth
        : STEP_VIEW.pipeline;
  const open = new Map<string | null, number>();
  for (const row of stepsThrough(book, view, args.end)) {
    const group = groupOf(row);
    open.set(group, (open.get(group) ?? 0) + row.deals);
  }
  for (const [group, deals] of open) {
    if (deals !== 0) totalsOf(group).open += deals;
  }
}
