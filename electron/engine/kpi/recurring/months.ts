// Month arithmetic for recurring revenue. A month is named by its index
// (year * 12 + month - 1) so that consecutive months differ by one; its
// last day is where MRR is measured.
import { daysInMonth, type PeriodRange } from '../../../../shared/period.js';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The month index of a `YYYY-MM-DD` date, or null when it is not one. */
export function monthIndexOf(date: string): number | null {
  const match = DATE.exec(date);
  if (!match) return null;
  const month = Number(match[2]);
  if (month < 1 || month > 12) return null;
  return Number(match[1]) * 12 + month - 1;
}

/** The last day of a month index, as `YYYY-MM-DD`. */
export function monthEndOf(index: number): string {
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = daysInMonth(year, month);
  return (
    `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-` +
    String(day).padStart(2, '0')
  );
}

/** `YYYY-MM` of a month index. */
export function monthLabelOf(index: number): string {
  return monthEndOf(index).slice(0, 7);
}

/**
 * The months whose last day falls inside the period, first and last
 * index; null when the period holds no month end (a range of a few days in
 * the middle of a month).
 */
export function monthsInPeriod(
  period: PeriodRange,
): { first: number; last: number } | null {
  const startIndex = monthIndexOf(period.start);
  const endIndex = monthIndexOf(period.end);
  if (startIndex === null || endIndex === null) return null;
  const first = startIndex;
  const last = monthEndOf(endIndex) <= period.end ? endIndex : endIndex - 1;
  return last >= first ? { first, last } : null;
}
