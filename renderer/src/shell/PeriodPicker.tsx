// The period every place shares: all time, a fiscal year, a fiscal quarter
// or a month. Two selects keep the list short however many years there are.
import type { FiscalCalendar } from '../../../shared/period.js';
import { useT } from '../common/useT.js';
import { useStore } from '../store/index.js';
import {
  isPeriodKind,
  PERIOD_KINDS,
  periodKindOf,
  periodLabel,
  periodValues,
  type PeriodKind,
} from '../workspace/periods.js';

const KIND_KEYS = {
  all: 'period.all',
  year: 'period.year',
  quarter: 'period.quarter',
  month: 'period.month',
} as const satisfies Record<PeriodKind, string>;

export function PeriodPicker() {
  const t = useT();
  const locale = useStore((state) => state.locale);
  const period = useStore((state) => state.period);
  const setPeriod = useStore((state) => state.setPeriod);
  const knownQuarters = useStore((state) => state.knownQuarters);
  const workspace = useStore((state) => state.workspace);
  const calendar: FiscalCalendar = {
    startMonth: workspace?.fiscalYearStartMonth ?? 1,
    label: workspace?.fiscalYearLabel ?? 'end',
  };
  const kind = periodKindOf(period);
  const values = periodValues(kind, knownQuarters, calendar);

  const chooseKind = (next: string) => {
    if (!isPeriodKind(next) || next === 'all') return setPeriod(null);
    setPeriod(periodValues(next, knownQuarters, calendar)[0] ?? null);
  };

  return (
    <div className="period-picker" role="group" aria-label={t('period.label')}>
      <label className="visually-hidden" htmlFor="period-kind">
        {t('period.kind')}
      </label>
      <select
        id="period-kind"
        data-testid="period-kind"
        value={kind}
        onChange={(event) => chooseKind(event.target.value)}
      >
        {PERIOD_KINDS.map((item) => (
          <option
            key={item}
            value={item}
            disabled={
              item !== 'all' &&
              periodValues(item, knownQuarters, calendar).length === 0
            }
          >
            {t(KIND_KEYS[item])}
          </option>
        ))}
      </select>
      {kind !== 'all' && (
        <>
          <label className="visually-hidden" htmlFor="period-value">
            {t('period.value')}
          </label>
          <select
            id="period-value"
            data-testid="period-value"
            value={period ?? ''}
            onChange={(event) => setPeriod(event.target.value)}
          >
            {values.map((value) => (
              <option key={value} value={value}>
                {periodLabel(t, locale, value, calendar)}
              </option>
            ))}
          </select>
        </>
      )}
    </div>
  );
}
