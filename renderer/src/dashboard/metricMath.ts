// Pure arithmetic behind the metric cards: which period comes before the
// shown one, the months a sparkline covers, the change against the previous
// period, progress toward a target, and which grid lists a metric's rows.
import type { GridEntity } from '../../../shared/contract.js';
import type {
  MetricDirection,
  MetricEntry,
} from '../../../shared/catalogue/types.js';
import { resolvePeriod, type FiscalCalendar } from '../../../shared/period.js';

const YEAR = /^(\d{4})$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;
const MONTH = /^(\d{4})-(\d{2})$/;

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** The period of the same kind just before `period`. */
export function previousPeriod(period: string): string {
  const year = YEAR.exec(period);
  if (year) return pad(Number(year[1]) - 1, 4);
  const quarter = QUARTER.exec(period);
  if (quarter) {
    const number = Number(quarter[2]);
    return number === 1
      ? `${pad(Number(quarter[1]) - 1, 4)}-Q4`
      : `${quarter[1]}-Q${number - 1}`;
  }
  const month = MONTH.exec(period);
  if (month) return addMonths(period, -1);
  throw new RangeError(`Period "${period}" is not YYYY, YYYY-Qn or YYYY-MM`);
}

/** `YYYY-MM` moved by whole months. */
export function addMonths(month: string, count: number): string {
  const index =
    Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + count;
  return `${pad(Math.floor(index / 12), 4)}-${pad((index % 12) + 1)}`;
}

/** The first and last calendar month of a period on the fiscal calendar. */
export function monthsOfPeriod(
  period: string,
  calendar: FiscalCalendar,
): { from: string; to: string } {
  const range = resolvePeriod(period, calendar);
  return { from: range.start.slice(0, 7), to: range.end.slice(0, 7) };
}

/** The `count` months ending with `last`, as a from/to pair. */
export function trailingMonths(
  last: string,
  count: number,
): { from: string; to: string } {
  return { from: addMonths(last, -(count - 1)), to: last };
}

export type Change = {
  delta: number;
  /** Relative change; null when the previous value is zero. */
  ratio: number | null;
  /** Null when the metric has no better direction or nothing changed. */
  isBetter: boolean | null;
};

export function changeOf(
  current: number | null,
  previous: number | null,
  direction: MetricDirection,
): Change | null {
  if (current === null || previous === null) return null;
  const delta = current - previous;
  const ratio = previous === 0 ? null : delta / Math.abs(previous);
  let isBetter: boolean | null = null;
  if (delta !== 0 && direction !== 'neutral') {
    isBetter = direction === 'higher_is_better' ? delta > 0 : delta < 0;
  }
  return { delta, ratio, isBetter };
}

export type Progress = {
  /** Share of the way from baseline (or zero) to the target, 0..1+. */
  share: number;
  isMet: boolean;
};

/**
 * How far a value has come toward its target. With a baseline the way runs
 * from the baseline to the target, so a lower-is-better target below the
 * baseline fills as the value falls. Without one it runs from zero, or for
 * a lower-is-better metric it is the target over the value.
 */
export function targetProgress(
  value: number | null,
  target: number,
  baseline: number | null,
  direction: MetricDirection,
): Progress | null {
  if (value === null) return null;
  const isLower = direction === 'lower_is_better';
  const isMet = isLower ? value <= target : value >= target;
  let share: number;
  if (baseline !== null && baseline !== target) {
    share = (value - baseline) / (target - baseline);
  } else if (isLower) {
    share = value <= 0 ? 1 : target / value;
  } else {
    share = target === 0 ? (value >= 0 ? 1 : 0) : value / target;
  }
  return { share: Math.max(0, share), isMet };
}

/** SVG polyline points for a sparkline; gaps (null) are skipped. */
export function sparklinePoints(
  values: readonly (number | null)[],
  width: number,
  height: number,
): string {
  const known = values.filter((value): value is number => value !== null);
  if (known.length < 2) return '';
  const low = Math.min(...known);
  const high = Math.max(...known);
  const span = high - low || 1;
  const step = values.length > 1 ? width / (values.length - 1) : 0;
  const points: string[] = [];
  values.forEach((value, index) => {
    if (value === null) return;
    const x = index * step;
    // A flat line sits in the middle rather than on the floor.
    const y =
      high === low ? height / 2 : height - ((value - low) / span) * height;
    points.push(`${round(x)},${round(y)}`);
  });
  return points.join(' ');
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

const CASH_INVOICES = new Set(['dso', 'receivables']);
const TICKET_METRICS = new Set(['csat', 'csat_mean']);
const ACCOUNT_METRICS = new Set([
  'adoption_rate',
  'snapshot_churn_rate',
  'snapshot_arpu',
]);
const NO_ROWS = new Set(['cost_per_lead']);

/** The grid that lists the rows behind a metric; null when none does. */
export function drillEntityOf(
  entry: Pick<MetricEntry, 'id' | 'family'>,
): GridEntity | null {
  if (NO_ROWS.has(entry.id)) return null;
  if (CASH_INVOICES.has(entry.id)) return 'invoices';
  if (TICKET_METRICS.has(entry.id)) return 'tickets';
  if (ACCOUNT_METRICS.has(entry.id)) return 'accounts';
  switch (entry.family) {
    case 'recurring':
    case 'acquisition':
    case 'cash':
      return 'subscriptions';
    case 'sales':
      return 'opportunities';
    case 'customers':
      return null;
  }
}
