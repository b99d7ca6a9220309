// The metric views on Home: the MRR movement waterfall, receivables aging
// and the CSAT trend. Each bar or point opens the rows behind it; each
// chart saves as PNG; an empty view says what to import to fill it.
import { useMemo, type ReactNode } from 'react';
import { AGING_BUCKET_IDS } from '../../../shared/metricSchemas.js';
import { Chart, type ChartOption, type ChartPick } from '../charts/Chart.js';
import { useColorScheme } from '../common/useColorScheme.js';
import { ErrorNotice } from '../common/StatusNotice.js';
import { useT } from '../common/useT.js';
import { useStore } from '../store/index.js';
import { scopeArgsOf } from './metricsSlice.js';
import { previousPeriod } from './metricMath.js';
import { showNote } from './metricText.js';
import {
  agingOption,
  csatOption,
  STEP_METRIC,
  WATERFALL_STEPS,
  waterfallOption,
  waterfallTotals,
} from './viewOptions.js';
import type { ViewAnswer, ViewsData } from './viewsSlice.js';

const COLOURS = {
  light: { up: '#13876b', down: '#c23b22', total: '#2f6fdf' },
  dark: { up: '#4fd1a5', down: '#ff7a66', total: '#6b9bff' },
};

type PanelProps = {
  testId: string;
  title: string;
  isBusy: boolean;
  answer: ViewAnswer<unknown> | undefined;
  onRetry(): void;
  children: ReactNode;
};

export function ViewPanel({
  testId,
  title,
  isBusy,
  answer,
  onRetry,
  children,
}: PanelProps) {
  return (
    <section className="panel" aria-busy={isBusy} data-testid={testId}>
      <header className="panel-header">
        <h3>{title}</h3>
      </header>
      {answer && 'error' in answer ? (
        <ErrorNotice error={answer.error} onRetry={onRetry} isCompact />
      ) : (
        children
      )}
    </section>
  );
}

function valueOf<T>(answer: ViewAnswer<T> | undefined): T | null {
  return answer && 'value' in answer ? answer.value : null;
}

type ChartBodyProps = {
  chart: { option: ChartOption; labels: string[]; summaries: string[] } | null;
  emptyText: string;
  title: string;
  testId: string;
  fileName: string;
  onPick(index: number): void;
};

function ChartBody({
  chart,
  emptyText,
  title,
  testId,
  fileName,
  onPick,
}: ChartBodyProps) {
  const t = useT();
  const pick = useMemo((): ChartPick | undefined => {
    if (!chart) return undefined;
    return {
      labels: chart.labels,
      summaries: chart.summaries,
      hint: t('views.pickHint'),
      onPick: (index) => onPick(index),
    };
  }, [chart, t, onPick]);
  if (!chart) return <p className="muted empty-view">{emptyText}</p>;
  return (
    <Chart
      option={chart.option}
      label={title}
      testId={testId}
      pick={pick}
      exportAs={{ fileName, buttonLabel: t('views.savePng') }}
    />
  );
}

export function WaterfallPanel({ data, isBusy }: ViewProps) {
  const t = useT();
  const locale = useStore((state) => state.locale);
  const scheme = useColorScheme();
  const loadViews = useStore((state) => state.loadViews);
  const drillMetric = useStore((state) => state.drillMetric);
  const value = valueOf(data?.waterfall);
  const totals = useMemo(
    () => (value ? waterfallTotals(value.steps) : null),
    [value],
  );
  const hasMovement =
    totals !== null &&
    WATERFALL_STEPS.some((step) => (totals[step] ?? 0) !== 0);
  const chart = useMemo(
    () =>
      value && totals && hasMovement
        ? waterfallOption(t, locale, totals, value.currency, COLOURS[scheme])
        : null,
    [t, locale, value, totals, hasMovement, scheme],
  );
  const title = t('waterfall.title');
  const period = data?.period ?? '';
  const onPick = (index: number) => {
    const step = WATERFALL_STEPS[index];
    if (!step || !period) return;
    // The starting MRR is the previous period's closing MRR.
    const at = step === 'start' ? previousPeriod(period) : period;
    const scope = scopeArgsOf(useStore.getState());
    drillMetric('subscriptions', {
      metric: STEP_METRIC[step],
      period: at,
      ...scope,
    });
  };
  return (
    <ViewPanel
      testId="panel-waterfall"
      title={title}
      isBusy={isBusy}
      answer={data?.waterfall}
      onRetry={() => void loadViews()}
    >
      {value?.steps.some((step) => step.note) && (
        <p className="notice small">
          {showNote(
            t,
            locale,
            value.steps.find((step) => step.note)?.note ?? '',
          )}
        </p>
      )}
      <ChartBody
        chart={chart}
        emptyText={t('waterfall.empty')}
        title={title}
        testId="chart-waterfall"
        fileName={`mrr-movements-${period}`}
        onPick={onPick}
      />
    </ViewPanel>
  );
}

type ViewProps = { data: ViewsData | null; isBusy: boolean };

const isAgingBucket = (
  bucket: string | undefined,
): bucket is (typeof AGING_BUCKET_IDS)[number] =>
  (AGING_BUCKET_IDS as readonly (string | undefined)[]).includes(bucket);

export function AgingPanel({ data, isBusy }: ViewProps) {
  const t = useT();
  const locale = useStore((state) => state.locale);
  const loadViews = useStore((state) => state.loadViews);
  const drillMetric = useStore((state) => state.drillMetric);
  const value = valueOf(data?.aging);
  const chart = useMemo(
    () => (value && value.invoices > 0 ? agingOption(t, locale, value) : null),
    [t, locale, value],
  );
  const title = t('aging.title');
  const period = data?.period ?? '';
  return (
    <ViewPanel
      testId="panel-aging"
      title={title}
      isBusy={isBusy}
      answer={data?.aging}
      onRetry={() => void loadViews()}
    >
      {value?.note && (
        <p className="notice small">{showNote(t, locale, value.note)}</p>
      )}
      <ChartBody
        chart={chart}
        emptyText={t('aging.empty')}
        title={title}
        testId="chart-aging"
        fileName={`receivables-aging-${period}`}
        onPick={(index) => {
          // A bar opens the invoices of its bucket.
          const bucket = value?.buckets[index]?.bucket;
          const scope = scopeArgsOf(useStore.getState());
          drillMetric('invoices', {
            metric: 'receivables',
            period,
            ...(isAgingBucket(bucket) ? { bucket } : {}),
            ...scope,
          });
        }}
      />
    </ViewPanel>
  );
}

export function CsatPanel({ data, isBusy }: ViewProps) {
  const t = useT();
  const locale = useStore((state) => state.locale);
  const loadViews = useStore((state) => state.loadViews);
  const drillMetric = useStore((state) => state.drillMetric);
  const value = valueOf(data?.csat);
  const built = useMemo(
    () => (value ? csatOption(t, locale, value) : null),
    [t, locale, value],
  );
  const chart = built?.hasData ? built : null;
  const title = t('csat.title');
  return (
    <ViewPanel
      testId="panel-csat"
      title={title}
      isBusy={isBusy}
      answer={data?.csat}
      onRetry={() => void loadViews()}
    >
      <ChartBody
        chart={chart}
        emptyText={t('csat.empty')}
        title={title}
        testId="chart-csat"
        fileName={`csat-trend-${data?.period ?? ''}`}
        onPick={(index) => {
          const month = value?.months[index];
          if (!month) return;
          const scope = scopeArgsOf(useStore.getState());
          drillMetric('tickets', { metric: 'csat', period: month, ...scope });
        }}
      />
    </ViewPanel>
  );
}
