// Civil-date arithmetic on day numbers (days since 1970-01-01), after the
// well-known proleptic Gregorian conversions. Billing schedules and the
// metric books ask for millions of month steps, and going through Date
// objects for each was a measurable share of a large run.
import { daysInMonth } from './period.js';

export type Day = number;

type Civil = { year: number; month: number; dayOfMonth: number };

export function civilOf(day: Day): Civil {
  const shifted = day + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1_460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear =
    dayOfEra -
    (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  return {
    year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0),
    month,
    dayOfMonth: dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1,
  };
}

export function dayOfCivil(
  year: number,
  month: number,
  dayOfMonth: number,
): Day {
  const marchYear = month <= 2 ? year - 1 : year;
  const era = Math.floor(marchYear / 400);
  const yearOfEra = marchYear - era * 400;
  const dayOfYear =
    Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) +
    dayOfMonth -
    1;
  const dayOfEra =
    yearOfEra * 365 +
    Math.floor(yearOfEra / 4) -
    Math.floor(yearOfEra / 100) +
    dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

export { daysInMonth };

/**
 * The same day of the month `months` later; a day the target month lacks
 * falls back to its last day (Jan 31 + 1 month = Feb 28 or 29).
 */
export function addMonths(day: Day, months: number): Day {
  const { year, month, dayOfMonth } = civilOf(day);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  return dayOfCivil(
    targetYear,
    targetMonth,
    Math.min(dayOfMonth, daysInMonth(targetYear, targetMonth)),
  );
}

/** The first day of the month holding `day`. */
export function monthStart(day: Day): Day {
  const { year, month } = civilOf(day);
  return dayOfCivil(year, month, 1);
}

/** The first day of the calendar quarter holding `day`. */
export function quarterStart(day: Day): Day {
  const { year, month } = civilOf(day);
  return dayOfCivil(year, month - ((month - 1) % 3), 1);
}

export function yearOf(day: Day): number {
  return civilOf(day).year;
}
