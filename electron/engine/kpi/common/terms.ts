// Contract terms in months, on calendar dates without time zones. The
// arithmetic runs on day numbers so that books of many terms can call it
// in tight loops; the text forms below are thin wrappers over it.
import { dayOfCivil } from '../../../../shared/civilDays.js';
import { daysInMonth } from '../../../../shared/period.js';

/** A calendar day as numbers, month and day 1-based. */
export type Civil = { year: number; month: number; day: number };

export function civilOf(date: string): Civil {
  return {
    year: Number(date.slice(0, 4)),
    month: Number(date.slice(5, 7)),
    day: Number(date.slice(8, 10)),
  };
}

export function formatCivil({ year, month, day }: Civil): string {
  const pad = (value: number, width = 2) => String(value).padStart(width, '0');
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Months since year 0 of a `YYYY-MM-DD` day, for month arithmetic. */
export const monthNumberOf = (date: string): number =>
  Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;

/** Orders days as their `YYYY-MM-DD` text does. */
export const civilKey = ({ year, month, day }: Civil): number =>
  year * 10_000 + month * 100 + day;

/** Days since 1970-01-01 (negative before), by the civil-calendar rules. */
export function dayNumberOf({ year, month, day }: Civil): number {
  return dayOfCivil(year, month, day);
}

/** The same day `count` months later, kept inside a shorter month. */
export function addMonthsCivil(from: Civil, count: number): Civil {
  const index = from.year * 12 + from.month - 1 + count;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, day: Math.min(from.day, daysInMonth(year, month)) };
}

export function addMonths(date: string, count: number): string {
  return formatCivil(addMonthsCivil(civilOf(date), count));
}

/** The calendar day after `date`. */
export function nextDayCivil({ year, month, day }: Civil): Civil {
  if (day < daysInMonth(year, month)) return { year, month, day: day + 1 };
  return month === 12
    ? { year: year + 1, month: 1, day: 1 }
    : { year, month: month + 1, day: 1 };
}

export function nextDay(date: string): string {
  return formatCivil(nextDayCivil(civilOf(date)));
}

/**
 * Months from `start` up to `end` (exclusive): whole months, plus the days
 * left over as a share of the month that follows them. 0 when end ≤ start.
 */
export function monthsBetweenCivil(start: Civil, end: Civil): number {
  const endKey = civilKey(end);
  if (endKey <= civilKey(start)) return 0;
  let whole = (end.year - start.year) * 12 + (end.month - start.month);
  while (whole > 0 && civilKey(addMonthsCivil(start, whole)) > endKey) {
    whole -= 1;
  }
  const anchor = dayNumberOf(addMonthsCivil(start, whole));
  const left = dayNumberOf(end) - anchor;
  if (left === 0) return whole;
  const monthLength = dayNumberOf(addMonthsCivil(start, whole + 1)) - anchor;
  return whole + left / monthLength;
}

export function monthsBetween(start: string, end: string): number {
  if (end <= start) return 0;
  return monthsBetweenCivil(civilOf(start), civilOf(end));
}
