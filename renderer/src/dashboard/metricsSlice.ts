// The metric cards on Home and the scope every metric view shares: the
// segment filter, the reporting currency, the chosen metrics (remembered
// per workspace on this computer) and the targets. Requests are numbered
// so that a slow answer for an old scope never overwrites a newer one.
import {
  SEGMENT_FIELDS,
  type SegmentField,
} from '../../../shared/metricSchemas.js';
import type { ArgsOf, ResultOf } from '../../../shared/contract.js';
import type { MetricTarget } from '../../../shared/metricSchemas.js';
import { resolvePeriod } from '../../../shared/period.js';
import { api } from '../api/index.js';
import { IDLE, type Loadable, type SliceCreator } from '../store/types.js';
import type { Store } from '../store/types.js';
import type { MonthSpan } from './dataSpan.js';
import { previousPeriod, trailingMonths } from './metricMath.js';

export { SEGMENT_FIELDS, type SegmentField };
export type SegmentFilter = { field: SegmentField; value: string };

export type MetricCardsData = {
  /** The period the figures are for and the one they are compared with. */
  period: string;
  previous: string;
  current: ResultOf<'metrics.compute'>;
  prior: ResultOf<'metrics.compute'> | null;
  series: ResultOf<'metrics.series'> | null;
};

export type TargetInput = ArgsOf<'targets.save'>;

export type MetricsSlice = {
  segmentFilter: SegmentFilter | null;
  reportingCurrency: string | null;
  /** Null until the user chooses; the defaults then follow the data. */
  chosenMetrics: string[] | null;
  dataSpan: MonthSpan | null;
  metricCards: Loadable<MetricCardsData>;
  targets: Loadable<MetricTarget[]>;
  setSegmentFilter(filter: SegmentFilter | null): void;
  setReportingCurrency(currency: string | null): void;
  setChosenMetrics(ids: string[]): void;
  setDataSpan(span: MonthSpan | null): void;
  loadMetricCards(ids: readonly string[]): Promise<void>;
  loadTargets(): Promise<void>;
  saveTarget(input: TargetInput): Promise<unknown>;
  deleteTarget(id: number): Promise<unknown>;
};

const SPARK_MONTHS = 12;
const CHOSEN_KEY = 'revops.dashboard.metrics:';

function readChosen(path: string | undefined): string[] | null {
  if (!path) return null;
  try {
    const text = window.localStorage.getItem(CHOSEN_KEY + path);
    const parsed: unknown = text === null ? null : JSON.parse(text);
    return Array.isArray(parsed) && parsed.every((id) => typeof id === 'string')
      ? parsed
      : null;
  } catch {
    return null;
  }
}

function writeChosen(path: string | undefined, ids: readonly string[]) {
  if (!path) return;
  try {
    window.localStorage.setItem(CHOSEN_KEY + path, JSON.stringify(ids));
  } catch {
    // Private windows may refuse storage; the choice then lasts a session.
  }
}

/**
 * The period the metric views show: the picker's, or for "all time" the
 * latest month holding data (these figures need a period to stand in).
 */
export function metricPeriodOf(state: Store): string {
  return (
    state.period ??
    state.dataSpan?.last ??
    state.knownQuarters[state.knownQuarters.length - 1] ??
    new Date().toISOString().slice(0, 7)
  );
}

/** The filter and currency arguments every metric method takes. */
export function scopeArgsOf(state: Store): {
  where: { field: string; value: string }[];
  currency?: string;
} {
  const filter = state.segmentFilter;
  return {
    where: filter && filter.value !== '' ? [filter] : [],
    ...(state.reportingCurrency ? { currency: state.reportingCurrency } : {}),
  };
}

function previousData<T>(loadable: Loadable<T>): T | null {
  return loadable.status === 'idle' ? null : loadable.data;
}

export const createMetricsSlice: SliceCreator<MetricsSlice> = (set, get) => {
  const latest = { cards: 0, targets: 0 };

  const calendarOf = () => ({
    startMonth: get().workspace?.fiscalYearStartMonth ?? 1,
    label: get().workspace?.fiscalYearLabel ?? ('end' as const),
  });

  return {
    segmentFilter: null,
    reportingCurrency: null,
    chosenMetrics: null,
    dataSpan: null,
    metricCards: IDLE,
    targets: IDLE,

    setSegmentFilter: (filter) => set({ segmentFilter: filter }),
    setReportingCurrency: (currency) => set({ reportingCurrency: currency }),
    setChosenMetrics: (ids) => {
      writeChosen(get().workspace?.path, ids);
      set({ chosenMetrics: ids });
    },
    setDataSpan: (span) =>
      set({ dataSpan: span, chosenMetrics: readChosen(get().workspace?.path) }),

    loadMetricCards: async (ids) => {
      const ticket = ++latest.cards;
      set((state) => ({
        metricCards: {
          status: 'loading',
          data: previousData(state.metricCards),
        },
      }));
      const state = get();
      const period = metricPeriodOf(state);
      const previous = previousPeriod(period);
      const scope = scopeArgsOf(state);
      const lastMonth = resolvePeriod(period, calendarOf()).end.slice(0, 7);
      const metrics = [...ids];
      try {
        const [current, prior, series] = await Promise.all([
          api.call('metrics.compute', { ...scope, metrics, period }),
          api
            .call('metrics.compute', { ...scope, metrics, period: previous })
            .catch(() => null),
          metrics.length === 0
            ? Promise.resolve(null)
            : api
                .call('metrics.series', {
                  ...scope,
                  ...trailingMonths(lastMonth, SPARK_MONTHS),
                  metrics: metrics.slice(0, 40),
                })
                .catch(() => null),
        ]);
        if (ticket !== latest.cards) return;
        set({
          metricCards: {
            status: 'ready',
            data: { period, previous, current, prior, series },
          },
        });
      } catch (error) {
        if (ticket === latest.cards) {
          set({ metricCards: { status: 'error', error, data: null } });
        }
      }
    },

    loadTargets: async () => {
      const ticket = ++latest.targets;
      set((state) => ({
        targets: { status: 'loading', data: previousData(state.targets) },
      }));
      try {
        const targets = await api.call('targets.list', {});
        if (ticket === latest.targets) {
          set({ targets: { status: 'ready', data: targets } });
        }
      } catch (error) {
        if (ticket === latest.targets) {
          set({ targets: { status: 'error', error, data: null } });
        }
      }
    },

    saveTarget: async (input) => {
      try {
        await api.call('targets.save', input);
        await get().loadTargets();
        return null;
      } catch (error) {
        return error;
      }
    },

    deleteTarget: async (id) => {
      try {
        await api.call('targets.delete', { id });
        await get().loadTargets();
        return null;
      } catch (error) {
        return error;
      }
    },
  };
};
