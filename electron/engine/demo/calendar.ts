// Day arithmetic for the generator. A day is a whole number of days since
// 1970-01-01 (UTC), so spans and offsets are plain integer sums; text is
// produced only when a row is written. "Today" is a fixed anchor rather than
// the clock, so that one seed always gives the same file.

import {
  addMonths,
  civilOf,
  dayOfCivil,
  type Day,
} from '../../../shared/civilDays.js';

export type { Day } from '../../../shared/civilDays.js';
export {
  addMonths,
  monthStart,
  quarterStart,
  yearOf,
} from '../../../shared/civilDays.js';

export const SECONDS_PER_DAY = 86_400;

/** The last day the demo data covers. */
export const DEMO_TODAY = '2026-06-30';

/** Three years of history end on `DEMO_TODAY`. */
export const HISTORY_YEARS = 3;

export function dayOf(isoDate: string): Day {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new RangeError(`dayOf: not YYYY-MM-DD: ${isoDate}`);
  const [, year, month, dayOfMonth] = match;
  return dayOfCivil(Number(year), Number(month), Number(dayOfMonth));
}

export const TODAY: Day = dayOf(DEMO_TODAY);
export const HISTORY_START: Day = addMonths(TODAY + 1, -12 * HISTORY_YEARS);

// A million rows ask for a few million dates, so the text of every day near
// the span is made once.
const CACHE_FIRST: Day = HISTORY_START - 3 * 366;
const CACHE_DAYS = 10 * 366;
const dateCache: (string | undefined)[] = new Array<string | undefined>(
  CACHE_DAYS,
);

const TWO_DIGITS: readonly string[] = Array.from({ length: 60 }, (_, n) =>
  String(n).padStart(2, '0'),
);

function formatDay(day: Day): string {
  const { year, month, dayOfMonth } = civilOf(day);
  return (
    String(year).padStart(4, '0') +
    '-' +
    TWO_DIGITS[month] +
    '-' +
    TWO_DIGITS[dayOfMonth]
  );
}

export function isoDate(day: Day): string {
  const slot = day - CACHE_FIRST;
  if (slot < 0 || slot >= CACHE_DAYS) return formatDay(day);
  let text = dateCache[slot];
  if (text === undefined) {
    text = formatDay(day);
    dateCache[slot] = text;
  }
  return text;
}

/** UTC ISO-8601 instant for a second of the given day. */
export function isoInstant(day: Day, secondOfDay: number): string {
  const second = Math.min(SECONDS_PER_DAY - 1, Math.max(0, secondOfDay | 0));
  const hours = Math.floor(second / 3600);
  const minutes = Math.floor((second % 3600) / 60);
  return (
    isoDate(day) +
    'T' +
    TWO_DIGITS[hours] +
    ':' +
    TWO_DIGITS[minutes] +
    ':' +
    TWO_DIGITS[second % 60] +
    '.000Z'
  );
}

/** UTC ISO-8601 instant for seconds since 1970-01-01. */
export function instantOfSeconds(seconds: number): string {
  const whole = Math.floor(seconds);
  const day = Math.floor(whole / SECONDS_PER_DAY);
  return isoInstant(day, whole - day * SECONDS_PER_DAY);
}
