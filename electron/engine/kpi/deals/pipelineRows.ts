// The rows the pipeline metrics read, from the deal book instead of the
// opportunities: open deals on a day by stage, probability and currency,
// and closed deals of whole months by status, currency and close day.
// Null where the book cannot answer exactly; the caller then queries.
import type { Db } from '../../store/database.js';
import type { DealScope } from './dealAggregates.js';
import type { ClosedRow, OpenRow } from '../pipeline/openPipeline.js';
import {
  STEP_VIEW,
  closesBetween,
  cyclesBetween,
  dealBookFor,
  isWholeMonths,
  stepsThrough,
  type DealBook,
  type StepView,
} from './dealBook.js';

/**
 * Open deals on `asOf`, optionally only those expected to close by
 * `closingBy`; the book keeps that only for `closingBy` = `asOf`.
 */
export function bookOpenRows(
  db: Db,
  scope: DealScope | null,
  asOf: string,
  closingBy: string | null,
): readonly OpenRow[] | null {
  if (closingBy !== null && closingBy !== asOf) return null;
  const view =
    closingBy === null ? STEP_VIEW.pipeline : STEP_VIEW.pipelineClosing;
  const book = dealBookFor(db, scope);
  let kept = openRowsKept.get(book);
  if (!kept) {
    kept = new Map();
    openRowsKept.set(book, kept);
  }
  const key = `${view}:${asOf}`;
  const hit = kept.get(key);
  if (hit) return hit;
  const rows = openRowsOf(book, view, asOf);
  kept.set(key, rows);
  return rows;
}

/** Open rows already worked out, per book, view and day; read-only. */
const openRowsKept = new WeakMap<DealBook, Map<string, readonly OpenRow[]>>();

function openRowsOf(book: DealBook, view: StepView, asOf: string): OpenRow[] {
  const groups = new Map<string, OpenRow & { amounts: number }>();
  for (const step of stepsThrough(book, view, asOf)) {
    const key = `${step.stage}\u0000${step.probability}\u0000${step.currency}`;
    const group = groups.get(key);
    if (group) {
      group.deals += step.deals;
      group.amounts += step.amounts;
      group.amount = (group.amount ?? 0) + step.amount;
    } else {
      groups.set(key, {
        stage: step.stage ?? '',
        probability: step.probability,
        currency: step.currency ?? '',
        deals: step.deals,
        amounts: step.amounts,
        amount: step.amount,
      });
    }
  }
  const rows: OpenRow[] = [];
  for (const group of groups.values()) {
    if (group.deals === 0) continue;
    rows.push({
      stage: group.stage,
      probability: group.probability,
      currency: group.currency,
      deals: group.deals,
      // The sum of no amounts is null, as in SQL.
      amount: group.amounts === 0 ? null : group.amount,
    });
  }
  return rows;
}

/** Won and lost deals closed from `start` to `end`, and the won cycles. */
export function bookClosedRows(
  db: Db,
  scope: DealScope | null,
  start: string,
  end: string,
): { rows: ClosedRow[]; cycleDays: number[] } | null {
  if (!isWholeMonths(start, end)) return null;
  const book = dealBookFor(db, scope);
  if (!book.isCycleExact) return null;
  const sums = new Map<string, ClosedRow>();
  for (const row of closesBetween(book, start, end)) {
    const key = `${row.status}\u0000${row.currency}\u0000${row.closedOn}`;
    const sum = sums.get(key);
    if (sum) {
      sum.deals += row.deals;
      sum.withAmount += row.withAmount;
      sum.amount = (sum.amount ?? 0) + row.amount;
    } else {
      sums.set(key, {
        status: row.status,
        currency: row.currency,
        closedOn: row.closedOn,
        deals: row.deals,
        withAmount: row.withAmount,
        amount: row.amount,
      });
    }
  }
  const rows = [...sums.values()].map((row) => ({
    ...row,
    amount: row.withAmount === 0 ? null : row.amount,
  }));
  const cycleDays: number[] = [];
  for (const row of cyclesBetween(book, start.slice(0, 7), end.slice(0, 7))) {
    for (let n = 0; n < row.deals; n += 1) cycleDays.push(row.days);
  }
  return { rows, cycleDays };
}
