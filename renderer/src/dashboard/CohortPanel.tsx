// Cohort retention as a heat-map table: one row per signup month, one
// column per month since signup, shaded by the share still kept, by logos
// or by revenue. A cell opens the subscriptions behind it.
import type { ResultOf } from '../../../shared/contract.js';
import { useT } from '../common/useT.js';
import { formatCount, formatMonth, formatPercent } from '../i18n/index.js';
import { useStore } from '../store/index.js';
import { scopeArgsOf } from './metricsSlice.js';
import { ViewPanel } from './MetricViews.js';
import type { CohortMeasure, ViewsData } from './viewsSlice.js';

type Cohorts = ResultOf<'metrics.cohorts'>;

/** Retention of one cell in the chosen measure. */
export function cohortShare(
  cell: Cohorts['cohorts'][number]['cells'][number],
  measure: CohortMeasure,
): number | null {
  return measure === 'logo' ? cell.logoRetention : cell.revenueRetention;
}

/** The widest months-since-signup any cohort reaches, plus one. */
export function cohortWidth(cohorts: Cohorts): number {
  let width = 0;
  for (const row of cohorts.cohorts) {
    for (const cell of row.cells) {
      width = Math.max(width, cell.monthsSinceSignup + 1);
    }
  }
  return width;
}

function shade(share: number | null): string | undefined {
  if (share === null) return undefined;
  // Revenue retention may pass 100%; the colour stops there.
  const alpha = Math.max(0.06, Math.min(share, 1)) * 0.85;
  return `rgb(47 111 223 / ${Math.round(alpha * 100)}%)`;
}

type CohortPanelProps = { data: ViewsData | null; isBusy: boolean };

export function CohortPanel({ data, isBusy }: CohortPanelProps) {
  const t = useT();
  const locale = useStore((state) => state.locale);
  const measure = useStore((state) => state.cohortMeasure);
  const setMeasure = useStore((state) => state.setCohortMeasure);
  const loadViews = useStore((state) => state.loadViews);
  const drillMetric = useStore((state) => state.drillMetric);
  const answer = data?.cohorts;
  // A cell opens the subscriptions of the cohort's customers paying at
  // that month's end: its customers, or its MRR.
  const onPick = (cohort: string, month: string) => {
    const scope = scopeArgsOf(useStore.getState());
    drillMetric('subscriptions', {
      metric: measure === 'logo' ? 'customers' : 'mrr',
      period: month,
      cohort,
      ...scope,
    });
  };
  const value = answer && 'value' in answer ? answer.value : null;
  const width = value ? cohortWidth(value) : 0;
  const columns = Array.from({ length: width }, (_, index) => index);
  return (
    <ViewPanel
      testId="panel-cohorts"
      title={t('cohorts.title')}
      isBusy={isBusy}
      answer={answer}
      onRetry={() => void loadViews()}
    >
      <div
        className="segmented"
        role="radiogroup"
        aria-label={t('cohorts.measure')}
      >
        {(['logo', 'revenue'] as const).map((item) => (
          <button
            key={item}
            type="button"
            role="radio"
            aria-checked={measure === item}
            className={measure === item ? 'active' : ''}
            data-testid={`cohorts-${item}`}
            onClick={() => setMeasure(item)}
          >
            {t(`cohorts.${item}`)}
          </button>
        ))}
      </div>
      {value?.missing.length ? (
        <p className="notice small">
          {t('cohorts.missingRates', { currencies: value.missing.join(', ') })}
        </p>
      ) : null}
      {!value || value.cohorts.length === 0 ? (
        <p className="muted empty-view">{t('cohorts.empty')}</p>
      ) : (
        <div className="cohort-scroll">
          <table className="cohort-table" data-testid="cohort-table">
            <caption className="visually-hidden">
              {t('cohorts.caption', {
                measure: t(`cohorts.${measure}`),
                currency: value.currency,
              })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('cohorts.signup')}</th>
                <th scope="col">{t('cohorts.size')}</th>
                {columns.map((index) => (
                  <th key={index} scope="col">
                    {t('cohorts.month', { index })}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {value.cohorts.map((row) => {
                const byAge = new Map(
                  row.cells.map((cell) => [cell.monthsSinceSignup, cell]),
                );
                return (
                  <tr key={row.cohort}>
                    <th scope="row">{formatMonth(locale, row.cohort)}</th>
                    <td className="number">
                      {formatCount(locale, row.customers)}
                    </td>
                    {columns.map((index) => {
                      const cell = byAge.get(index);
                      const share = cell ? cohortShare(cell, measure) : null;
                      return (
                        <td
                          key={index}
                          className="number heat"
                          style={{ background: shade(share) }}
                          title={
                            cell
                              ? t('cohorts.cellTitle', {
                                  customers: formatCount(
                                    locale,
                                    cell.customers,
                                  ),
                                  month: formatMonth(locale, cell.month),
                                })
                              : undefined
                          }
                        >
                          {cell && share !== null ? (
                            <button
                              type="button"
                              className="cohort-cell"
                              data-testid={`cohort-cell-${row.cohort}-${index}`}
                              aria-label={t('cohorts.cellDrill', {
                                cohort: formatMonth(locale, row.cohort),
                                month: formatMonth(locale, cell.month),
                                share: formatPercent(locale, share),
                              })}
                              onClick={() => onPick(row.cohort, cell.month)}
                            >
                              {formatPercent(locale, share)}
                            </button>
                          ) : (
                            ''
                          )}
                        </td>
                      );
                    })}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </ViewPanel>
  );
}
