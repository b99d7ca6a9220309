// Fiscal calendar arithmetic on calendar dates (`YYYY-MM-DD`). Pure and
// time-zone free: a calendar date never passes through a Date object.

export type FiscalCalendar = {
  /** 1 = January. The month in which the fiscal year starts. */
  startMonth: number;
  /** Which calendar year names a fiscal year that spans two. */
  label: 'start' | 'end';
};

export const CALENDAR_YEAR: FiscalCalendar = { startMonth: 1, label: 'end' };

export type PeriodRange = {
  /** As asked, e.g. `2017`, `2017-Q2`, `2017-03`. */
  label: string;
  /** First day, inclusive. */
  start: string;
  /** Last day, inclusive. */
  end: string;
};

const PERIOD_PATTERN = /^(\d{4})(?:-(?:Q([1-4])|(\d{2})))?$/;

export function isPeriodText(text: string): boolean {
  const match = PERIOD_PATTERN.exec(text);
  if (!match) return false;
  const month = match[3];
  return month === undefined || (Number(month) >= 1 && Number(month) <= 12);
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month of the proleptic Gregorian calendar, month 1-based. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2 && isLeapYear(year)) return 29;
  return MONTH_DAYS[month - 1] ?? Number.NaN;
}

function monthStart(year: number, month: number): string {
  return `${pad(year, 4)}-${pad(month)}-01`;
}

function monthEnd(year: number, month: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(daysInMonth(year, month))}`;
}

/** Adds whole months to a (year, month) pair, month 1-based. */
function addMonths(year: number, month: number, count: number) {
  const index = year * 12 + (month - 1) + count;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

/** The calendar year and month in which fiscal year `fiscalYear` starts. */
function fiscalYearStart(fiscalYear: number, calendar: FiscalCalendar) {
  const spansTwo = calendar.startMonth !== 1;
  const year =
    spansTwo && calendar.label === 'end' ? fiscalYear - 1 : fiscalYear;
  return { year, month: calendar.startMonth };
}

/**
 * Resolves `YYYY` (fiscal year), `YYYY-Qn` (fiscal quarter) or `YYYY-MM`
 * (calendar month) into an inclusive date range.
 */
export function resolvePeriod(
  text: string,
  calendar: FiscalCalendar = CALENDAR_YEAR,
): PeriodRange {
  const match = PERIOD_PATTERN.exec(text);
  if (!match || !isPeriodText(text)) {
    throw new RangeError(`Period "${text}" is not YYYY, YYYY-Qn or YYYY-MM`);
  }
  const year = Number(match[1]);
  if (match[3] !== undefined) {
    const month = Number(match[3]);
    return {
      label: text,
      start: monthStart(year, month),
      end: monthEnd(year, month),
    };
  }
  const first = fiscalYearStart(year, calendar);
  const quarter = match[2] === undefined ? null : Number(match[2]);
  const offset = quarter === null ? 0 : (quarter - 1) * 3;
  const length = quarter === null ? 12 : 3;
  const from = addMonths(first.year, first.month, offset);
  const to = addMonths(from.year, from.month, length - 1);
  return {
    label: text,
    start: monthStart(from.year, from.month),
    end: monthEnd(to.year, to.month),
  };
}

/** The fiscal year and quarter a calendar date falls in. */
export function fiscalQuarterOf(
  date: string,
  calendar: FiscalCalendar = CALENDAR_YEAR,
): { fiscalYear: number; quarter: number; label: string } {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const monthsIntoYear = (month - calendar.startMonth + 12) % 12;
  const startYear = month >= calendar.startMonth ? year : year - 1;
  const spansTwo = calendar.startMonth !== 1;
  const fiscalYear =
    spansTwo && calendar.label === 'end' ? startYear + 1 : startYear;
  const quarter = Math.floor(monthsIntoYear / 3) + 1;
  return { fiscalYear, quarter, label: `${fiscalYear}-Q${quarter}` };
}

/** Whole days from `from` to `to`, both calendar dates. */
export function daysBetween(from: string, to: string): number {
  const utc = (d: string) =>
    Date.UTC(
      Number(d.slice(0, 4)),
      Number(d.slice(5, 7)) - 1,
      Number(d.slice(8, 10)),
    );
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}
