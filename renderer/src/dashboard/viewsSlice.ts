// The metric views on Home: the MRR movement waterfall of the period, the
// cohort retention grid, receivables aging at the period end and the CSAT
// trend, all in the shared scope (period, segment filter, currency).
import type { ResultOf } from '../../../shared/contract.js';
import { api } from '../api/index.js';
import { IDLE, type Loadable, type SliceCreator } from '../store/types.js';
import { monthsOfPeriod, trailingMonths } from './metricMath.js';
import { metricPeriodOf, scopeArgsOf } from './metricsSlice.js';

export type CohortMeasure = 'logo' | 'revenue';

/** Signup months the cohort grid covers, ending with the period's last. */
const COHORT_MONTHS = 12;
const TREND_MONTHS = 12;

/** Each view's answer, or why it failed; one failure hides no other. */
export type ViewAnswer<T> = { value: T } | { error: unknown };

export type ViewsData = {
  waterfall: ViewAnswer<ResultOf<'metrics.waterfall'>>;
  cohorts: ViewAnswer<ResultOf<'metrics.cohorts'>>;
  aging: ViewAnswer<ResultOf<'metrics.aging'>>;
  csat: ViewAnswer<ResultOf<'metrics.series'>>;
  /** The period the views were computed for. */
  period: string;
};

async function answer<T>(call: Promise<T>): Promise<ViewAnswer<T>> {
  try {
    return { value: await call };
  } catch (error) {
    return { error };
  }
}

export type ViewsSlice = {
  views: Loadable<ViewsData>;
  cohortMeasure: CohortMeasure;
  setCohortMeasure(measure: CohortMeasure): void;
  loadViews(): Promise<void>;
};

export const createViewsSlice: SliceCreator<ViewsSlice> = (set, get) => {
  let latest = 0;
  return {
    views: IDLE,
    cohortMeasure: 'logo',
    setCohortMeasure: (measure) => set({ cohortMeasure: measure }),

    loadViews: async () => {
      const ticket = ++latest;
      set((state) => ({
        views: {
          status: 'loading',
          data: state.views.status === 'idle' ? null : state.views.data,
        },
      }));
      const state = get();
      const period = metricPeriodOf(state);
      const scope = scopeArgsOf(state);
      const months = monthsOfPeriod(period, {
        startMonth: state.workspace?.fiscalYearStartMonth ?? 1,
        label: state.workspace?.fiscalYearLabel ?? 'end',
      });
      const [waterfall, cohorts, aging, csat] = await Promise.all([
        answer(api.call('metrics.waterfall', { ...scope, ...months })),
        answer(
          api.call('metrics.cohorts', {
            ...scope,
            ...trailingMonths(months.to, COHORT_MONTHS),
          }),
        ),
        answer(api.call('metrics.aging', { ...scope, period })),
        answer(
          api.call('metrics.series', {
            ...scope,
            ...trailingMonths(months.to, TREND_MONTHS),
            metrics: ['csat', 'csat_mean'],
          }),
        ),
      ]);
      if (ticket !== latest) return;
      set({
        views: {
          status: 'ready',
          data: { waterfall, cohorts, aging, csat, period },
        },
      });
    },
  };
};
