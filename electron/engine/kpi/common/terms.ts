// Contract terms in months, on calendar dates without time zones.
import { daysBetween, daysInMonth } from '../../../../shared/period.js';

type Civil = { year: number; month: number; day: number };

function civil(date: string): Civil {
  return {
    year: Number(date.slice(0, 4)),
    month: Number(date.slice(5, 7)),
    day: Number(date.slice(8, 10)),
  };
}

function format({ year, month, day }: Civil): string {
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** The same day `count` months later, kept inside a shorter month. */
export function addMonths(date: string, count: number): string {
  const from = civil(date);
  const index = from.year * 12 + from.month - 1 + count;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return format({
    year,
    month,
    day: Math.min(from.day, daysInMonth(year, month)),
  });
}

/** The calendar day after `date`. */
export function nextDay(date: string): string {
  const { year, month, day } = civil(date);
  if (day < daysInMonth(year, month))
    return format({ year, month, day: day + 1 });
  return month === 12
    ? format({ year: year + 1, month: 1, day: 1 })
    : format({ year, month: month + 1, day: 1 });
}

/**
 * Months from `start` up to `end` (exclusive): whole months, plus the days
 * left over as a share of the month that follows them. 0 when end ≤ start.
 */
export function monthsBetween(start: string, end: string): number {
  if (end <= start) return 0;
  const from = civil(start);
  const to = civil(end);
  let whole = (to.year - from.year) * 12 + (to.month - from.month);
  while (whole > 0 && addMonths(start, whole) > end) whole -= 1;
  const anchor = addMonths(start, whole);
  const left = daysBetween(anchor, end);
  if (left === 0) return whole;
  const monthLength = daysBetween(anchor, addMonths(start, whole + 1));
  return whole + left / monthLength;
}
