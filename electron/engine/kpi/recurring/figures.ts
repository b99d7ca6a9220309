// Month-by-month recurring revenue figures: MRR, paying customers and the
// five movements at each month end, first in each currency and then in the
// reporting currency at that month end's rate.
//
// Unfiltered and account-filtered views sum the stored changes in SQL (one
// pass over an index); views filtered by a subscription field rebuild the
// changes from the matching subscriptions in memory.
import type { MetricContext } from '../metricTypes.js';
import {
  buildMrrChanges,
  type MovementKind,
  type MrrChange,
} from './changes.js';
import { cachedFigures, scopeKey } from '../common/changeCache.js';
import { filterSql } from './filters.js';
import { ensureMrrMonthEnds, readSubscriptionLines } from './monthEnds.js';
import { monthEndOf, monthIndexOf } from './months.js';

/** Changes summed by month end, currency and kind. */
export type MovementGroup = {
  monthEnd: string;
  currency: string;
  kind: MovementKind;
  amount: number;
  logos: number;
};

/** Changes of one signup cohort summed by month end and currency. */
export type CohortGroup = {
  cohortMonthEnd: string;
  monthEnd: string;
  currency: string;
  amount: number;
  logos: number;
};

export type RecurringSource = {
  movements(throughMonthEnd: string): MovementGroup[];
  cohorts(fromCohort: string, throughMonthEnd: string): CohortGroup[];
};

function groupInMemory<T>(
  changes: readonly MrrChange[],
  keyOf: (change: MrrChange) => string | null,
  make: (change: MrrChange) => T & { amount: number; logos: number },
): (T & { amount: number; logos: number })[] {
  const groups = new Map<string, T & { amount: number; logos: number }>();
  for (const change of changes) {
    const key = keyOf(change);
    if (key === null) continue;
    const group = groups.get(key);
    if (group) {
      group.amount += change.deltaMinor;
      group.logos += change.logoDelta;
    } else {
      groups.set(key, make(change));
    }
  }
  return [...groups.values()];
}

function memorySource(changes: readonly MrrChange[]): RecurringSource {
  return {
    movements: (through) =>
      groupInMemory(
        changes,
        (c) =>
          c.monthEnd <= through
            ? `${c.monthEnd}|${c.currency}|${c.kind}`
            : null,
        (c) => ({
          monthEnd: c.monthEnd,
          currency: c.currency,
          kind: c.kind,
          amount: c.deltaMinor,
          logos: c.logoDelta,
        }),
      ),
    cohorts: (from, through) =>
      groupInMemory(
        changes,
        (c) =>
          c.cohortMonthEnd >= from && c.monthEnd <= through
            ? `${c.cohortMonthEnd}|${c.monthEnd}|${c.currency}`
            : null,
        (c) => ({
          cohortMonthEnd: c.cohortMonthEnd,
          monthEnd: c.monthEnd,
          currency: c.currency,
          amount: c.deltaMinor,
          logos: c.logoDelta,
        }),
      ),
  };
}

/** Movements summed by month, currency and kind up to @through. */
export function storedMovementsSql(join: string, where: string): string {
  return `SELECT m.month_end AS monthEnd, m.currency, m.kind,
                 sum(m.delta_minor) AS amount, sum(m.logo_delta) AS logos
            FROM mrr_changes m ${join}
           WHERE m.month_end <= @through AND (${where})
           GROUP BY m.month_end, m.currency, m.kind`;
}

/** Changes of the cohorts from @from, by month and currency. */
export function storedCohortsSql(join: string, where: string): string {
  return `SELECT m.cohort_month_end AS cohortMonthEnd,
                 m.month_end AS monthEnd, m.currency,
                 sum(m.delta_minor) AS amount, sum(m.logo_delta) AS logos
            FROM mrr_changes m ${join}
           WHERE m.cohort_month_end >= @from AND m.month_end <= @through
             AND (${where})
           GROUP BY m.cohort_month_end, m.month_end, m.currency`;
}

/**
 * The sums of the stored changes, read once and kept in memory until the
 * subscriptions or accounts (or, for a filter by owner or team, the users
 * and teams) change: a row per month end, currency and kind, small enough
 * to keep for the whole workspace and for each filter looked at.
 */
function keptSource(context: MetricContext): RecurringSource {
  const { db } = context;
  const filter = filterSql(context.filters);
  const isFiltered = context.filters.length > 0;
  // Only filtered views pay for the join to accounts.
  const join = isFiltered ? 'LEFT JOIN accounts a ON a.id = m.account_id' : '';
  const all = cachedFigures(
    db,
    isFiltered ? `recurringSums:${scopeKey(filter)}` : 'recurringSums',
    isFiltered
      ? ['subscriptions', 'accounts', 'users', 'teams']
      : ['subscriptions', 'accounts'],
    () => ({
      movements: db
        .prepare(storedMovementsSql(join, filter.where))
        .all({ ...filter.params, through: '9999-12-31' }) as MovementGroup[],
      cohorts: db.prepare(storedCohortsSql(join, filter.where)).all({
        ...filter.params,
        from: '',
        through: '9999-12-31',
      }) as CohortGroup[],
    }),
  );
  return {
    movements: (through) =>
      all.movements.filter((group) => group.monthEnd <= through),
    cohorts: (from, through) =>
      all.cohorts.filter(
        (group) => group.cohortMonthEnd >= from && group.monthEnd <= through,
      ),
  };
}

/** Where the figures of this context come from. */
export function recurringSource(context: MetricContext): RecurringSource {
  const filter = filterSql(context.filters);
  if (filter.hasSubscriptionField) {
    // A subscription field (the plan) splits a customer's MRR, so its
    // changes are worked out from the filtered subscriptions, once per
    // filter until they change.
    return cachedFigures(
      context.db,
      `recurringLines:${scopeKey(filter)}`,
      ['subscriptions', 'accounts', 'users', 'teams'],
      () =>
        memorySource(
          buildMrrChanges(
            readSubscriptionLines(context.db, filter.where, filter.params),
          ),
        ),
    );
  }
  ensureMrrMonthEnds(context.db);
  return keptSource(context);
}

export type MonthFigures = {
  index: number;
  monthEnd: string;
  /** Reporting-currency minor units; null when a rate is missing. */
  mrr: number | null;
  customers: number;
  /** Movements as positive amounts (contraction and churn too). */
  movements: Record<MovementKind, number | null>;
  newLogos: number;
  reactivatedLogos: number;
  churnedLogos: number;
  /** Currencies without a rate at this month end. */
  missing: string[];
};

type NativeMonth = {
  mrr: Map<string, number>;
  moves: Map<MovementKind, Map<string, number>>;
  logos: Map<MovementKind, number>;
  customers: number;
};

function addTo<K>(map: Map<K, number>, key: K, amount: number): void {
  map.set(key, (map.get(key) ?? 0) + amount);
}

function convertSum(
  context: MetricContext,
  amounts: Map<string, number> | undefined,
  monthEnd: string,
  missing: Set<string>,
): number | null {
  let total: number | null = 0;
  for (const [currency, amount] of amounts ?? []) {
    if (amount === 0) continue;
    const converted = context.rates.convert(amount, currency, monthEnd);
    if (converted === null) {
      missing.add(currency);
      total = null;
    } else if (total !== null) {
      total += converted;
    }
  }
  return total;
}

function toFigures(
  context: MetricContext,
  index: number,
  native: NativeMonth,
): MonthFigures {
  const monthEnd = monthEndOf(index);
  const missing = new Set<string>();
  const magnitude = (kind: MovementKind) => {
    const sum = convertSum(context, native.moves.get(kind), monthEnd, missing);
    return sum === null ? null : Math.abs(sum);
  };
  const movements = {
    new: magnitude('new'),
    expansion: magnitude('expansion'),
    contraction: magnitude('contraction'),
    churn: magnitude('churn'),
    reactivation: magnitude('reactivation'),
  } satisfies Record<MovementKind, number | null>;
  return {
    index,
    monthEnd,
    mrr: convertSum(context, native.mrr, monthEnd, missing),
    customers: native.customers,
    movements,
    newLogos: native.logos.get('new') ?? 0,
    reactivatedLogos: native.logos.get('reactivation') ?? 0,
    churnedLogos: -(native.logos.get('churn') ?? 0),
    missing: [...missing].sort(),
  };
}

/**
 * Figures for every month from `first` to `last` (month indexes), the
 * running MRR and customer count carried from all earlier changes.
 */
export function monthFigures(
  context: MetricContext,
  source: RecurringSource,
  first: number,
  last: number,
): MonthFigures[] {
  const groups = source.movements(monthEndOf(last));
  const byMonth = new Map<number, MovementGroup[]>();
  for (const group of groups) {
    const index = monthIndexOf(group.monthEnd);
    if (index === null) continue;
    const list = byMonth.get(index) ?? [];
    list.push(group);
    byMonth.set(index, list);
  }
  const running = new Map<string, number>();
  let customers = 0;
  const carried = [...byMonth.keys()].filter((index) => index < first);
  for (const index of carried) {
    for (const group of byMonth.get(index) ?? []) {
      addTo(running, group.currency, group.amount);
      customers += group.logos;
    }
  }
  const out: MonthFigures[] = [];
  for (let index = first; index <= last; index += 1) {
    const native: NativeMonth = {
      mrr: running,
      moves: new Map(),
      logos: new Map(),
      customers,
    };
    for (const group of byMonth.get(index) ?? []) {
      addTo(running, group.currency, group.amount);
      customers += group.logos;
      const moves = native.moves.get(group.kind) ?? new Map<string, number>();
      addTo(moves, group.currency, group.amount);
      native.moves.set(group.kind, moves);
      addTo(native.logos, group.kind, group.logos);
    }
    native.customers = customers;
    out.push(toFigures(context, index, native));
  }
  return out;
}
