// The period picker's choices, derived from the quarters that hold deals,
// and how a period is written.
// Values are what `kpi.compute` takes: `YYYY` (fiscal year), `YYYY-Qn`
// (fiscal quarter) or `YYYY-MM` (calendar month).
import { resolvePeriod, type FiscalCalendar } from '../../../shared/period.js';
import { formatMonth, type Locale, type Translate } from '../i18n/index.js';

export const PERIOD_KINDS = ['all', 'year', 'quarter', 'month'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

export function isPeriodKind(value: string): value is PeriodKind {
  return (PERIOD_KINDS as readonly string[]).includes(value);
}

const QUARTER_LABEL = /^(\d{4})-Q([1-4])$/;

export function periodKindOf(period: string | null): PeriodKind {
  if (period === null) return 'all';
  if (/^\d{4}$/.test(period)) return 'year';
  if (/^\d{4}-Q[1-4]$/.test(period)) return 'quarter';
  return 'month';
}

/** Months `YYYY-MM` from the first day of a range to its last. */
function monthsOf(start: string, end: string): string[] {
  const months: string[] = [];
  let year = Number(start.slice(0, 4));
  let month = Number(start.slice(5, 7));
  const last = end.slice(0, 7);
  for (;;) {
    const label = `${year}-${String(month).padStart(2, '0')}`;
    months.push(label);
    if (label >= last) return months;
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
}

/** The periods of one kind, newest first. */
export function periodValues(
  kind: PeriodKind,
  knownQuarters: readonly string[],
  calendar: FiscalCalendar,
): string[] {
  const quarters = knownQuarters
    .filter((quarter) => QUARTER_LABEL.test(quarter))
    .sort()
    .reverse();
  switch (kind) {
    case 'all':
      return [];
    case 'quarter':
      return quarters;
    case 'year':
      return [...new Set(quarters.map((quarter) => quarter.slice(0, 4)))];
    case 'month': {
      const months = new Set<string>();
      for (const quarter of quarters) {
        const range = resolvePeriod(quarter, calendar);
        for (const month of monthsOf(range.start, range.end)) months.add(month);
      }
      return [...months].sort().reverse();
    }
  }
}

/** Year and quarter numbers of a `YYYY-Qn` label. */
export function splitQuarter(
  label: string,
): { year: string; quarter: string } | null {
  const match = QUARTER_LABEL.exec(label);
  if (!match) return null;
  return { year: match[1] ?? '', quarter: match[2] ?? '' };
}

/** A period as people read it: "2017 Q2", "FY2018 Q1", "Mar 2017". */
export function periodLabel(
  t: Translate,
  locale: Locale,
  period: string | null,
  calendar: FiscalCalendar,
): string {
  const isCalendarYear = calendar.startMonth === 1;
  switch (periodKindOf(period)) {
    case 'all':
      return t('period.all');
    case 'year':
      return t(isCalendarYear ? 'period.calendarYear' : 'period.fiscalYear', {
        year: period ?? '',
      });
    case 'quarter': {
      const parts = splitQuarter(period ?? '');
      return t(
        isCalendarYear ? 'period.calendarQuarter' : 'period.fiscalQuarter',
        { year: parts?.year ?? '', quarter: parts?.quarter ?? '' },
      );
    }
    case 'month':
      return formatMonth(locale, period ?? '');
  }
}
