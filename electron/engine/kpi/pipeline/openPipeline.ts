// Deals open on a day, and closed deals of a period, in the reporting
// currency. Open amounts convert at the day they are measured on; won
// amounts at their close date.
import {
  DEFAULT_STAGE_PROBABILITY,
  STAGE_PROBABILITIES,
} from '../../../../shared/catalogue/pipeline.js';
import type { MetricContext } from '../metricTypes.js';
import { moneySum, type MoneySum } from '../common/money.js';
import type { SegmentCondition } from '../common/segments.js';
import { bookClosedRows, bookOpenRows } from '../deals/pipelineRows.js';

const START = 'coalesce(o.created_on, o.engaged_on)';

/** Open on @asOf: started by then (or undated) and not closed by then. */
export const OPEN_ON = `(${START} IS NULL OR ${START} <= @asOf)
  AND (o.status = 'open' OR o.closed_on > @asOf)`;
export const WON_BETWEEN = `o.status = 'won'
  AND o.closed_on BETWEEN @start AND @end`;
const DECIDED_BETWEEN = `o.status IN ('won', 'lost')
  AND o.closed_on BETWEEN @start AND @end`;

export function opportunitiesFrom(segment: SegmentCondition): string {
  // Joins only when a filter needs them: each costs a lookup per deal.
  return segment.where === '1'
    ? 'opportunities o'
    : `opportunities o
        LEFT JOIN accounts a ON a.id = o.account_id
        LEFT JOIN users u ON u.id = o.owner_user_id
        LEFT JOIN teams t ON t.id = u.team_id`;
}

/** A deal's own probability (0-1, or percent above 1), else its stage's. */
export function probabilityOf(
  stage: string,
  probability: number | null,
): { value: number; isDefault: boolean } {
  if (probability !== null) {
    return {
      value: probability > 1 ? probability / 100 : probability,
      isDefault: false,
    };
  }
  const fromStage = STAGE_PROBABILITIES[stage.trim().toLowerCase()];
  return fromStage === undefined
    ? { value: DEFAULT_STAGE_PROBABILITY, isDefault: true }
    : { value: fromStage, isDefault: false };
}

export type OpenRow = {
  stage: string;
  probability: number | null;
  currency: string;
  deals: number;
  amount: number | null;
};

export type ClosedRow = {
  status: 'won' | 'lost';
  currency: string;
  closedOn: string;
  deals: number;
  withAmount: number;
  amount: number | null;
};

export type OpenPipeline = {
  deals: number;
  amount: MoneySum;
  weighted: MoneySum;
  /** Deals whose stage is not in the probability table. */
  defaulted: number;
};

export function openPipeline(
  context: MetricContext,
  asOf: string,
  segment: SegmentCondition,
  closingBy: string | null = null,
  /** Reads the deals themselves rather than a deal book. */
  isQueried = false,
): OpenPipeline {
  const closing =
    closingBy === null
      ? ''
      : 'AND (o.expected_close_on IS NULL OR o.expected_close_on <= @closingBy)';
  const rows =
    (isQueried ? null : bookOpenRows(context.db, segment, asOf, closingBy)) ??
    (context.db
      .prepare(
        `SELECT o.stage AS stage, o.probability AS probability,
                o.currency AS currency, count(*) AS deals,
                sum(o.amount_minor) AS amount
           FROM ${opportunitiesFrom(segment)}
          WHERE ${OPEN_ON} ${closing} AND ${segment.where}
          GROUP BY 1, 2, 3`,
      )
      .all({
        asOf,
        ...(closingBy === null ? {} : { closingBy }),
        ...segment.params,
      }) as OpenRow[]);
  const amount = moneySum(context.rates);
  const weighted = moneySum(context.rates);
  let deals = 0;
  let defaulted = 0;
  for (const row of rows) {
    deals += row.deals;
    if (row.amount === null) continue;
    const probability = probabilityOf(row.stage, row.probability);
    if (probability.isDefault) defaulted += row.deals;
    amount.add(row.amount, row.currency, asOf);
    const share = row.amount * probability.value;
    weighted.add(
      Math.sign(share) * Math.round(Math.abs(share)),
      row.currency,
      asOf,
    );
  }
  return { deals, amount, weighted, defaulted };
}

export type ClosedDeals = {
  won: number;
  lost: number;
  wonWithAmount: number;
  wonAmount: MoneySum;
  cycleDays: number[];
};

export function closedDeals(
  context: MetricContext,
  start: string,
  end: string,
  segment: SegmentCondition,
  /** Reads the deals themselves rather than a deal book. */
  isQueried = false,
): ClosedDeals {
  const fromBook = isQueried
    ? null
    : bookClosedRows(context.db, segment, start, end);
  if (fromBook) return closedTotals(context, fromBook.rows, fromBook.cycleDays);
  const params = { start, end, ...segment.params };
  const from = opportunitiesFrom(segment);
  const rows = context.db
    .prepare(
      `SELECT o.status AS status, o.currency AS currency,
              o.closed_on AS closedOn, count(*) AS deals,
              count(o.amount_minor) AS withAmount,
              sum(o.amount_minor) AS amount
         FROM ${from}
        WHERE ${DECIDED_BETWEEN} AND ${segment.where}
        GROUP BY 1, 2, 3`,
    )
    .all(params) as ClosedRow[];
  const cycles = context.db
    .prepare(
      `SELECT CAST(julianday(o.closed_on) - julianday(${START}) AS INTEGER)
                AS days
         FROM ${from}
        WHERE ${WON_BETWEEN} AND ${START} IS NOT NULL AND ${segment.where}`,
    )
    .all(params) as { days: number }[];
  return closedTotals(
    context,
    rows,
    cycles.map((row) => row.days),
  );
}

function closedTotals(
  context: MetricContext,
  rows: readonly ClosedRow[],
  cycleDays: number[],
): ClosedDeals {
  const result: ClosedDeals = {
    won: 0,
    lost: 0,
    wonWithAmount: 0,
    wonAmount: moneySum(context.rates),
    cycleDays: [],
  };
  for (const row of rows) {
    if (row.status === 'lost') {
      result.lost += row.deals;
      continue;
    }
    result.won += row.deals;
    result.wonWithAmount += row.withAmount;
    if (row.amount !== null) {
      result.wonAmount.add(row.amount, row.currency, row.closedOn);
    }
  }
  result.cycleDays = cycleDays;
  return result;
}
