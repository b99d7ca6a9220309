// Sales KPIs over opportunities, by close date on the workspace's fiscal
// calendar. Definitions (shown in the product beside each number):
//   win rate = won / (won + lost), deals closed in the period;
//   bookings = sum of won amounts; average won deal size = bookings / won
//   deals with an amount; sales cycle = days from creation (or, where the
//   source has no creation date, engagement) to close of won deals;
//   open deals = deals open at the period's end: started on or before it
//   (or with no start date) and not closed by then.
import { metricNote } from '../../../shared/metricNotes.js';
import type { KpiValue } from '../../../shared/contract.js';
import { WorkbenchError } from '../../../shared/envelope.js';
import {
  SALES_METRICS,
  SALES_METRIC_IDS,
  type KpiDimension,
  type SalesMetricId,
} from '../../../shared/metrics.js';
import { toMajor } from '../../../shared/money.js';
import { resolvePeriod, type PeriodRange } from '../../../shared/period.js';
import type { Db } from '../store/database.js';
import type { RateBook } from './fx.js';
import {
  bookSalesTotals,
  countClosed,
  emptyTotals,
  meanCycle,
  medianCycle,
  type Totals,
} from './deals/salesTotals.js';
import { fiscalCalendar, type WorkspaceSettings } from '../store/settings.js';

export type SalesKpiArgs = {
  metrics: SalesMetricId[];
  /** Period text, or a range already resolved (a custom range). */
  period?: string | PeriodRange;
  by?: KpiDimension;
  /** A segment condition over `o`, `a`, `u` and `t`, with its values. */
  scope?: { where: string; params: Record<string, string> };
  /** Money converted into one reporting currency at each close date. */
  rates?: RateBook;
  /** Reads the deals themselves rather than a deal book. */
  isQueried?: boolean;
};

/** Shown where a group has no value, such as a deal without an account. */
export const NO_GROUP = '(none)';

const JOINS = {
  a: 'LEFT JOIN accounts a ON a.id = o.account_id',
  u: 'LEFT JOIN users u ON u.id = o.owner_user_id',
  t: 'LEFT JOIN teams t ON t.id = u.team_id',
  p: 'LEFT JOIN products p ON p.id = o.product_id',
} as const;

// Only the joins a dimension needs: every join costs a lookup per deal.
const DIMENSION_JOINS: Record<KpiDimension, (keyof typeof JOINS)[]> = {
  owner: ['u'],
  manager: ['u', 't'],
  region: ['u', 't'],
  product: ['p'],
  industry: ['a'],
  quarter: [],
};

function fromFor(by: KpiDimension | undefined, isScoped = false): string {
  const aliases = new Set<keyof typeof JOINS>(by ? DIMENSION_JOINS[by] : []);
  if (isScoped) (['a', 'u', 't'] as const).forEach((a) => aliases.add(a));
  // Teams join through users, so users come first.
  const order: (keyof typeof JOINS)[] = ['a', 'u', 't', 'p'];
  const joins = order.filter((a) => aliases.has(a)).map((a) => JOINS[a]);
  return ['opportunities o', ...joins].join('\n  ');
}

const START = 'coalesce(o.created_on, o.engaged_on)';

// Bound JavaScript numbers arrive as REAL; the casts keep the label integral.
const MONTH = 'CAST(substr(o.closed_on, 6, 2) AS INTEGER)';
const START_MONTH = 'CAST(@startMonth AS INTEGER)';
const FISCAL_QUARTER = `(
  (CAST(substr(o.closed_on, 1, 4) AS INTEGER) - (${MONTH} < ${START_MONTH})
    + CAST(@labelOffset AS INTEGER))
  || '-Q' || ((${MONTH} - ${START_MONTH} + 12) % 12 / 3 + 1)
)`;

const CLOSED_IN_PERIOD = 'o.closed_on BETWEEN @start AND @end';
const WON = `o.status = 'won' AND ${CLOSED_IN_PERIOD}`;
const LOST = `o.status = 'lost' AND ${CLOSED_IN_PERIOD}`;
const DECIDED = `o.status IN ('won', 'lost') AND ${CLOSED_IN_PERIOD}`;
const CYCLED = `${WON} AND ${START} IS NOT NULL`;
const OPEN_AT_END = `(${START} IS NULL OR ${START} <= @end)
  AND (o.status = 'open' OR o.closed_on > @end)`;

/** The deals behind each metric: what a click on the number shows. */
const METRIC_SCOPE: Record<SalesMetricId, string> = {
  deals_won: WON,
  deals_lost: LOST,
  deals_open: OPEN_AT_END,
  win_rate: DECIDED,
  bookings: WON,
  avg_won_deal_size: WON,
  median_sales_cycle_days: CYCLED,
  mean_sales_cycle_days: CYCLED,
};

const DIMENSION_SQL: Record<KpiDimension, string> = {
  owner: 'coalesce(u.name, o.owner_name)',
  manager: 'coalesce(u.manager_name, t.manager_name)',
  region: 't.region',
  product: 'coalesce(p.name, o.product_name)',
  industry: 'a.industry',
  quarter: FISCAL_QUARTER,
};

export function median(sorted: number[]): number | null {
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length % 2 === 1) return sorted[middle] ?? null;
  return ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function scopeParams(
  settings: WorkspaceSettings,
  periodText?: string | PeriodRange,
) {
  const calendar = fiscalCalendar(settings);
  const period: PeriodRange | null =
    typeof periodText === 'string'
      ? resolvePeriod(periodText, calendar)
      : (periodText ?? null);
  const params = {
    startMonth: calendar.startMonth,
    labelOffset: calendar.startMonth !== 1 && calendar.label === 'end' ? 1 : 0,
    start: period?.start ?? '0000-01-01',
    end: period?.end ?? '9999-12-31',
  };
  return { period, params };
}

export type SalesDrill = {
  metric: SalesMetricId;
  period?: string;
  by?: KpiDimension;
  /** The group as the KPI named it; `(none)` for deals without a value. */
  group?: string;
};

/**
 * The condition, over the opportunity grid's joins (`o`, `a`, `u`, `t`,
 * `p`), that selects exactly the deals a metric counted.
 */
export function salesDrillCondition(
  settings: WorkspaceSettings,
  drill: SalesDrill,
): { where: string; params: Record<string, string | number | null> } {
  const { params } = scopeParams(settings, drill.period);
  let where = `(${METRIC_SCOPE[drill.metric]})`;
  if (drill.by && drill.group !== undefined) {
    where += ` AND (${DIMENSION_SQL[drill.by]}) IS @group`;
    return {
      where,
      params: {
        ...params,
        group: drill.group === NO_GROUP ? null : drill.group,
      },
    };
  }
  return { where, params };
}

export function computeSalesKpis(
  db: Db,
  settings: WorkspaceSettings,
  args: SalesKpiArgs,
): { metrics: KpiValue[] } {
  const scoped = scopeParams(settings, args.period);
  const period = scoped.period;
  const wanted = args.metrics.length > 0 ? args.metrics : [...SALES_METRIC_IDS];
  // The deal book answers whole months (the summed tables for the whole
  // workspace, a book summed from its deals for a segment); a split the
  // books do not keep, or days that are not whole months, read the deals.
  const totals =
    (args.isQueried
      ? null
      : bookSalesTotals(db, {
          wanted,
          by: args.by,
          start: scoped.params.start,
          end: scoped.params.end,
          rates: args.rates,
          startMonth: scoped.params.startMonth,
          labelOffset: scoped.params.labelOffset,
          scope: args.scope ?? null,
        })) ?? queriedTotals(db, args, wanted, scoped.params);
  if (!args.by && !totals.has(null)) totals.set(null, emptyTotals());
  const keys = [...totals.keys()].sort((a, b) =>
    String(a).localeCompare(String(b)),
  );
  const metrics: KpiValue[] = [];
  for (const key of keys) {
    const entry = totals.get(key) ?? emptyTotals();
    for (const id of wanted) {
      metrics.push(valueOf(id, entry, period?.label ?? null, key));
    }
  }
  return { metrics };
}

/** The totals by group, read from the deals. */
export function queriedTotals(
  db: Db,
  args: SalesKpiArgs,
  wanted: readonly SalesMetricId[],
  scopeValues: ReturnType<typeof scopeParams>['params'],
): Map<string | null, Totals> {
  const params = { ...scopeValues, ...(args.scope?.params ?? {}) };
  const group = args.by ? DIMENSION_SQL[args.by] : 'NULL';
  const FROM = fromFor(args.by, args.scope !== undefined);
  const AND_SCOPE = args.scope ? ` AND (${args.scope.where})` : '';
  const rates = args.rates;
  const needs = (ids: SalesMetricId[]) => ids.some((id) => wanted.includes(id));
  const totals = new Map<string | null, Totals>();
  const totalsOf = (key: string | null) => {
    let entry = totals.get(key);
    if (!entry) {
      entry = emptyTotals();
      totals.set(key, entry);
    }
    return entry;
  };
  const keyOf = (value: string | null) =>
    args.by ? (value ?? NO_GROUP) : null;

  if (
    needs([
      'deals_won',
      'deals_lost',
      'win_rate',
      'bookings',
      'avg_won_deal_size',
    ])
  ) {
    const closed = db
      .prepare(
        `SELECT ${group} AS g, o.status AS status, o.currency AS currency,
              ${rates ? 'o.closed_on' : 'NULL'} AS closedOn,
              count(*) AS deals, count(o.amount_minor) AS withAmount,
              total(o.amount_minor) AS amount
       FROM ${FROM}
       WHERE ${DECIDED}${AND_SCOPE}
       GROUP BY 1, 2, 3, 4`,
      )
      .all(params) as {
      g: string | null;
      status: 'won' | 'lost';
      currency: string;
      closedOn: string | null;
      deals: number;
      withAmount: number;
      amount: number;
    }[];
    for (const row of closed) {
      countClosed(
        totalsOf(keyOf(row.g)),
        { ...row, closedOn: row.closedOn ?? '9999-12-31' },
        rates,
      );
    }
  }

  if (needs(['median_sales_cycle_days', 'mean_sales_cycle_days'])) {
    const cycles = db
      .prepare(
        `SELECT ${group} AS g,
              CAST(julianday(o.closed_on) - julianday(${START}) AS INTEGER) AS days
       FROM ${FROM}
       WHERE ${CYCLED}${AND_SCOPE}
       ORDER BY 1, 2`,
      )
      .all(params) as { g: string | null; days: number }[];
    for (const row of cycles) totalsOf(keyOf(row.g)).cycleDays.push(row.days);
  }

  if (needs(['deals_open'])) {
    const open = db
      .prepare(
        `SELECT ${group} AS g, count(*) AS deals
       FROM ${FROM}
       WHERE ${OPEN_AT_END}${AND_SCOPE}
       GROUP BY 1`,
      )
      .all(params) as { g: string | null; deals: number }[];
    for (const row of open) totalsOf(keyOf(row.g)).open += row.deals;
  }

  return totals;
}

/**
 * Amounts in different currencies are never added without an exchange
 * rate: such a total has no value, and says why.
 */
function moneyTotal(
  entry: Totals,
): { currency: string | null; note: null } | { currency: null; note: string } {
  if (entry.missing.size > 0) {
    const codes = [...entry.missing].sort().join(', ');
    return {
      currency: null,
      note: metricNote('missingCloseRate', {
        reporting: [...entry.currencies][0] ?? 'the reporting currency',
        currencies: codes,
      }),
    };
  }
  if (entry.currencies.size > 1) {
    const codes = [...entry.currencies].sort().join(' and ');
    return {
      currency: null,
      note: metricNote('mixedCurrencies', { currencies: codes }),
    };
  }
  return { currency: [...entry.currencies][0] ?? null, note: null };
}

function valueOf(
  id: SalesMetricId,
  entry: Totals,
  period: string | null,
  group: string | null,
): KpiValue {
  const unit = SALES_METRICS[id].unit;
  const base = { id, unit, period, group, currency: null, note: null };
  switch (id) {
    case 'deals_won':
      return { ...base, value: entry.won };
    case 'deals_lost':
      return { ...base, value: entry.lost };
    case 'deals_open':
      return { ...base, value: entry.open };
    case 'win_rate': {
      const decided = entry.won + entry.lost;
      return { ...base, value: decided === 0 ? null : entry.won / decided };
    }
    case 'bookings': {
      const total = moneyTotal(entry);
      if (total.note !== null) return { ...base, ...total, value: null };
      const { currency } = total;
      const value = currency ? toMajor(entry.bookingsMinor, currency) : 0;
      return { ...base, currency, value };
    }
    case 'avg_won_deal_size': {
      const total = moneyTotal(entry);
      if (total.note !== null) return { ...base, ...total, value: null };
      const { currency } = total;
      const value =
        currency && entry.wonWithAmount > 0
          ? toMajor(entry.bookingsMinor, currency) / entry.wonWithAmount
          : null;
      return { ...base, currency, value };
    }
    case 'median_sales_cycle_days':
      return { ...base, value: medianCycle(entry) };
    case 'mean_sales_cycle_days':
      return { ...base, value: meanCycle(entry) };
    default: {
      const unknown: never = id;
      throw new WorkbenchError(
        'internal',
        `valueOf: no metric ${String(unknown)}`,
      );
    }
  }
}
