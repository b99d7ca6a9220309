// The sales views kept on Home: bookings and win rate by quarter and one
// breakdown chosen by the user. Every bar and point opens the deals behind
// it.
import { useMemo, useState } from 'react';
import type { KpiValue } from '../../../shared/contract.js';
import { Chart, type ChartPick } from '../charts/Chart.js';
import { ErrorNotice, LoadingNotice } from '../common/StatusNotice.js';
import { useT } from '../common/useT.js';
import { drillOf } from '../grids/drill.js';
import { useStore } from '../store/index.js';
import { breakdownOption, quarterOption } from './chartOptions.js';
import {
  BREAKDOWN_DIMENSIONS,
  BREAKDOWN_MEASURES,
  type BreakdownDimension,
  type BreakdownMeasure,
} from './dashboardSlice.js';
import { metricNameKey } from './kpiFormat.js';
import { scopeArgsOf } from './metricsSlice.js';

function isDimension(value: string): value is BreakdownDimension {
  return (BREAKDOWN_DIMENSIONS as readonly string[]).includes(value);
}

function isMeasure(value: string): value is BreakdownMeasure {
  return (BREAKDOWN_MEASURES as readonly string[]).includes(value);
}

/** The period figures were computed for; null for all time. */
function shownPeriod(values: readonly KpiValue[] | null): string | null {
  return values?.[0]?.period ?? null;
}

export function QuarterPanel({ currency }: { currency: string }) {
  const t = useT();
  const locale = useStore((state) => state.locale);
  const series = useStore((state) => state.quarterSeries);
  const loadDashboard = useStore((state) => state.loadDashboard);
  const drillInto = useStore((state) => state.drillInto);
  const data = series.status === 'idle' ? null : series.data;
  const chart = useMemo(
    () => (data ? quarterOption(t, locale, data, currency) : null),
    [t, locale, data, currency],
  );
  const pick = useMemo((): ChartPick | undefined => {
    if (!chart) return undefined;
    const { groups } = chart.items;
    // The period the bars were computed for, which may lag the picker's
    // while a new one loads.
    const period = shownPeriod(data);
    return {
      ...chart.items,
      hint: t('chart.pickHint'),
      onPick: (dataIndex, seriesIndex) => {
        const group = groups[dataIndex];
        if (group === undefined) return;
        // The bars are bookings (won deals); the line is the win rate,
        // whose deals are the won and the lost.
        const metric = seriesIndex === 1 ? 'win_rate' : 'bookings';
        drillInto(
          drillOf(
            metric,
            period,
            { by: 'quarter', group },
            scopeArgsOf(useStore.getState()).where,
          ),
        );
      },
    };
  }, [chart, data, t, drillInto]);
  const title = t('chart.quarterTitle');
  return (
    <section
      className="panel"
      aria-busy={series.status === 'loading'}
      data-testid="panel-quarters"
    >
      <header className="panel-header">
        <h3>{title}</h3>
      </header>
      {series.status === 'error' && (
        <ErrorNotice
          error={series.error}
          onRetry={() => void loadDashboard()}
          isCompact
        />
      )}
      {chart === null && series.status === 'loading' && <LoadingNotice />}
      {chart?.isEmpty && <p className="muted">{t('chart.noData')}</p>}
      {chart && !chart.isEmpty && (
        <Chart
          option={chart.option}
          label={title}
          testId="chart-quarters"
          pick={pick}
          exportAs={{
            fileName: 'bookings-win-rate-by-quarter',
            buttonLabel: t('views.savePng'),
          }}
        />
      )}
    </section>
  );
}

/** Groups shown before the user asks for all of them. */
const BREAKDOWN_TOP = 12;

export function BreakdownPanel({ currency }: { currency: string }) {
  const t = useT();
  const locale = useStore((state) => state.locale);
  const breakdown = useStore((state) => state.breakdown);
  const by = useStore((state) => state.breakdownBy);
  const measure = useStore((state) => state.breakdownMeasure);
  const setBy = useStore((state) => state.setBreakdownBy);
  const setMeasure = useStore((state) => state.setBreakdownMeasure);
  const loadBreakdown = useStore((state) => state.loadBreakdown);
  const dataBy = useStore((state) => state.breakdownDataBy);
  const drillInto = useStore((state) => state.drillInto);
  const [isShowingAll, setIsShowingAll] = useState(false);
  const data = breakdown.status === 'idle' ? null : breakdown.data;
  const limit = isShowingAll ? null : BREAKDOWN_TOP;
  const chart = useMemo(
    () =>
      data ? breakdownOption(t, locale, data, measure, currency, limit) : null,
    [t, locale, data, measure, currency, limit],
  );
  const pick = useMemo((): ChartPick | undefined => {
    if (!chart) return undefined;
    const { groups } = chart.items;
    // While another dimension or period loads, the bars are the old ones.
    const period = shownPeriod(data);
    return {
      ...chart.items,
      hint: t('chart.pickHintBars'),
      onPick: (dataIndex) => {
        const group = groups[dataIndex];
        if (group === undefined) return;
        drillInto(
          drillOf(
            measure,
            period,
            { by: dataBy, group },
            scopeArgsOf(useStore.getState()).where,
          ),
        );
      },
    };
  }, [chart, data, t, measure, dataBy, drillInto]);
  const title = t('chart.breakdownTitle', {
    measure: t(metricNameKey(measure)),
    by: t(`dimension.${by}`),
  });
  return (
    <section
      className="panel"
      aria-busy={breakdown.status === 'loading'}
      data-testid="panel-breakdown"
    >
      <header className="panel-header">
        <h3>{title}</h3>
        <div className="panel-controls">
          <label>
            {t('chart.measure')}
            <select
              data-testid="breakdown-measure"
              value={measure}
              onChange={(event) => {
                if (isMeasure(event.target.value))
                  setMeasure(event.target.value);
              }}
            >
              {BREAKDOWN_MEASURES.map((item) => (
                <option key={item} value={item}>
                  {t(metricNameKey(item))}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('chart.by')}
            <select
              data-testid="breakdown-by"
              value={by}
              onChange={(event) => {
                if (isDimension(event.target.value)) setBy(event.target.value);
              }}
            >
              {BREAKDOWN_DIMENSIONS.map((item) => (
                <option key={item} value={item}>
                  {t(`dimension.${item}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
      </header>
      {breakdown.status === 'error' && (
        <ErrorNotice
          error={breakdown.error}
          onRetry={() => void loadBreakdown()}
          isCompact
        />
      )}
      {chart === null && breakdown.status === 'loading' && <LoadingNotice />}
      {chart?.groupCount === 0 && <p className="muted">{t('chart.noData')}</p>}
      {chart && chart.groupCount > 0 && (
        <Chart
          option={chart.option}
          label={title}
          height={chart.height}
          testId="chart-breakdown"
          pick={pick}
          exportAs={{
            fileName: `${measure}-by-${by}`,
            buttonLabel: t('views.savePng'),
          }}
        />
      )}
      {chart && chart.groupCount > BREAKDOWN_TOP && (
        <button
          type="button"
          className="link"
          data-testid="breakdown-toggle"
          onClick={() => setIsShowingAll((value) => !value)}
        >
          {isShowingAll
            ? t('chart.showTop', { count: BREAKDOWN_TOP })
            : t('chart.showAll', { count: chart.groupCount })}
        </button>
      )}
    </section>
  );
}
