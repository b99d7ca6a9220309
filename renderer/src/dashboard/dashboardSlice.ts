// The figures on Home: KPI cards for the period, the quarterly series and
// one breakdown. Each request is numbered so that a slow answer for an old
// period never overwrites the answer for the current one.
import type { KpiValue } from '../../../shared/contract.js';
import {
  SALES_METRIC_IDS,
  type KpiDimension,
  type SalesMetricId,
} from '../../../shared/metrics.js';
import { api } from '../api/index.js';
import { IDLE, type Loadable, type SliceCreator } from '../store/types.js';
import { loadDataSpan, quartersOfSpan } from './dataSpan.js';
import { scopeArgsOf } from './metricsSlice.js';

export type BreakdownDimension = Exclude<KpiDimension, 'quarter'>;
export const BREAKDOWN_DIMENSIONS = [
  'owner',
  'manager',
  'region',
  'product',
  'industry',
] as const satisfies readonly BreakdownDimension[];

export const BREAKDOWN_MEASURES = [
  'bookings',
  'win_rate',
  'deals_won',
  'avg_won_deal_size',
] as const satisfies readonly SalesMetricId[];
export type BreakdownMeasure = (typeof BREAKDOWN_MEASURES)[number];

const QUARTER_METRICS = [
  'bookings',
  'win_rate',
  'deals_won',
  'deals_lost',
] as const satisfies readonly SalesMetricId[];

export type DashboardSlice = {
  kpis: Loadable<KpiValue[]>;
  quarterSeries: Loadable<KpiValue[]>;
  /** Quarters with closed deals over all time; the period picker's list. */
  knownQuarters: string[];
  breakdownBy: BreakdownDimension;
  breakdownMeasure: BreakdownMeasure;
  breakdown: Loadable<KpiValue[]>;
  /** The dimension the breakdown's data was computed for. */
  breakdownDataBy: BreakdownDimension;
  loadDashboard(): Promise<void>;
  loadKnownQuarters(): Promise<void>;
  loadBreakdown(): Promise<void>;
  setBreakdownBy(by: BreakdownDimension): void;
  setBreakdownMeasure(measure: BreakdownMeasure): void;
};

function previousData<T>(loadable: Loadable<T>): T | null {
  return loadable.status === 'idle' ? null : loadable.data;
}

export const createDashboardSlice: SliceCreator<DashboardSlice> = (
  set,
  get,
) => {
  const latest = { kpis: 0, quarters: 0, breakdown: 0, known: 0 };

  // The period, and the segment filter and reporting currency the metric
  // cards above use, so that the two sections agree.
  const periodArgs = () => {
    const period = get().period;
    return {
      ...(period === null ? {} : { period }),
      ...scopeArgsOf(get()),
    };
  };

  return {
    kpis: IDLE,
    quarterSeries: IDLE,
    knownQuarters: [],
    breakdownBy: 'owner',
    breakdownMeasure: 'bookings',
    breakdown: IDLE,
    breakdownDataBy: 'owner',

    loadDashboard: async () => {
      const ticket = ++latest.kpis;
      set((state) => ({
        kpis: { status: 'loading', data: previousData(state.kpis) },
        quarterSeries: {
          status: 'loading',
          data: previousData(state.quarterSeries),
        },
      }));
      void get().loadBreakdown();
      const quarters = api.call('kpi.compute', {
        metrics: [...QUARTER_METRICS],
        by: 'quarter',
        ...periodArgs(),
      });
      try {
        const { metrics } = await api.call('kpi.compute', {
          metrics: [...SALES_METRIC_IDS],
          ...periodArgs(),
        });
        if (ticket === latest.kpis) {
          set({ kpis: { status: 'ready', data: metrics } });
        }
      } catch (error) {
        if (ticket === latest.kpis) {
          set({ kpis: { status: 'error', error, data: null } });
        }
      }
      try {
        const { metrics } = await quarters;
        if (ticket === latest.kpis) {
          set({ quarterSeries: { status: 'ready', data: metrics } });
        }
      } catch (error) {
        if (ticket === latest.kpis) {
          set({ quarterSeries: { status: 'error', error, data: null } });
        }
      }
    },

    loadKnownQuarters: async () => {
      const ticket = ++latest.known;
      const quarters = new Set<string>();
      try {
        const { metrics } = await api.call('kpi.compute', {
          metrics: ['deals_won', 'deals_lost'],
          by: 'quarter',
        });
        for (const value of metrics) {
          if (value.group !== null && (value.value ?? 0) > 0) {
            quarters.add(value.group);
          }
        }
      } catch {
        // Without the list the picker still offers all time.
      }
      // Subscriptions, invoices and tickets have months of their own.
      const workspace = get().workspace;
      const span = workspace ? await loadDataSpan().catch(() => null) : null;
      if (ticket !== latest.known) return;
      if (span && workspace) {
        const calendar = {
          startMonth: workspace.fiscalYearStartMonth,
          label: workspace.fiscalYearLabel,
        };
        for (const quarter of quartersOfSpan(span, calendar)) {
          quarters.add(quarter);
        }
      }
      get().setDataSpan(span);
      set({ knownQuarters: [...quarters].sort() });
    },

    loadBreakdown: async () => {
      const ticket = ++latest.breakdown;
      set((state) => ({
        breakdown: { status: 'loading', data: previousData(state.breakdown) },
      }));
      const by = get().breakdownBy;
      try {
        const { metrics } = await api.call('kpi.compute', {
          metrics: [...BREAKDOWN_MEASURES],
          by,
          ...periodArgs(),
        });
        if (ticket === latest.breakdown) {
          set({
            breakdown: { status: 'ready', data: metrics },
            breakdownDataBy: by,
          });
        }
      } catch (error) {
        if (ticket === latest.breakdown) {
          set({ breakdown: { status: 'error', error, data: null } });
        }
      }
    },

    setBreakdownBy: (by) => {
      set({ breakdownBy: by });
      void get().loadBreakdown();
    },

    setBreakdownMeasure: (measure) => set({ breakdownMeasure: measure }),
  };
};
