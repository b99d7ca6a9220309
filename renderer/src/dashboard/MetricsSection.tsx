// The top of Home: the chosen metric cards with their picker and the
// targets editor, then the metric views, all over the shared scope.
import { useEffect, useState } from 'react';
import { ErrorNotice, LoadingNotice } from '../common/StatusNotice.js';
import { useT } from '../common/useT.js';
import { useStore } from '../store/index.js';
import { periodLabel } from '../workspace/periods.js';
import { CohortPanel } from './CohortPanel.js';
import { MetricCards } from './MetricCards.js';
import { defaultMetrics, MetricPicker } from './MetricPicker.js';
import { metricPeriodOf } from './metricsSlice.js';
import { AgingPanel, CsatPanel, WaterfallPanel } from './MetricViews.js';
import { TargetsEditor } from './TargetsEditor.js';

const VIEW_TABLES = ['subscriptions', 'invoices', 'tickets'];

export function MetricsSection() {
  const t = useT();
  const locale = useStore((state) => state.locale);
  const workspace = useStore((state) => state.workspace);
  const period = useStore((state) => state.period);
  const shownPeriod = useStore(metricPeriodOf);
  const dataVersion = useStore((state) => state.dataVersion);
  const segmentFilter = useStore((state) => state.segmentFilter);
  const currency = useStore((state) => state.reportingCurrency);
  const chosenMetrics = useStore((state) => state.chosenMetrics);
  const cards = useStore((state) => state.metricCards);
  const targets = useStore((state) => state.targets);
  const views = useStore((state) => state.views);
  const loadMetricCards = useStore((state) => state.loadMetricCards);
  const loadViews = useStore((state) => state.loadViews);
  const loadTargets = useStore((state) => state.loadTargets);
  const [isPicking, setIsPicking] = useState(false);
  const [isEditingTargets, setIsEditingTargets] = useState(false);

  const counts = workspace?.counts ?? {};
  // A workspace of deals alone gets one line, not four empty charts.
  const hasViewData = VIEW_TABLES.some((table) => (counts[table] ?? 0) > 0);
  const ids = chosenMetrics ?? defaultMetrics(counts);
  const idsKey = ids.join(',');
  useEffect(() => {
    void loadMetricCards(idsKey === '' ? [] : idsKey.split(','));
  }, [
    idsKey,
    shownPeriod,
    dataVersion,
    segmentFilter,
    currency,
    loadMetricCards,
  ]);
  useEffect(() => {
    void loadViews();
  }, [shownPeriod, dataVersion, segmentFilter, currency, loadViews]);
  useEffect(() => {
    void loadTargets();
  }, [dataVersion, workspace?.path, loadTargets]);

  if (!workspace) return null;
  const calendar = {
    startMonth: workspace.fiscalYearStartMonth,
    label: workspace.fiscalYearLabel,
  };
  const data = cards.status === 'idle' ? null : cards.data;
  const viewData = views.status === 'idle' ? null : views.data;
  const isViewsBusy = views.status === 'loading';
  const targetList = targets.status === 'idle' ? [] : (targets.data ?? []);

  return (
    <>
      <section className="metrics-section" aria-label={t('metrics.title')}>
        <header className="section-header">
          <h3>{t('metrics.title')}</h3>
          <p className="muted small" data-testid="metrics-period">
            {period === null
              ? t('metrics.asOf', {
                  period: periodLabel(t, locale, shownPeriod, calendar),
                })
              : t('metrics.comparedWith', {
                  previous: data
                    ? periodLabel(t, locale, data.previous, calendar)
                    : '',
                })}
          </p>
          <div className="section-actions">
            <button
              type="button"
              data-testid="metric-picker-open"
              aria-expanded={isPicking}
              onClick={() => setIsPicking((open) => !open)}
            >
              {t('metrics.choose')}
            </button>
            <button
              type="button"
              data-testid="targets-open"
              aria-expanded={isEditingTargets}
              onClick={() => setIsEditingTargets((open) => !open)}
            >
              {t('targets.open')}
            </button>
          </div>
        </header>
        {isPicking && (
          <MetricPicker chosen={ids} onClose={() => setIsPicking(false)} />
        )}
        {isEditingTargets && (
          <TargetsEditor
            period={shownPeriod}
            currency={data?.current.currency ?? workspace.baseCurrency}
            chosen={ids}
          />
        )}
        {cards.status === 'error' && (
          <ErrorNotice
            error={cards.error}
            onRetry={() => void loadMetricCards(ids)}
          />
        )}
        {ids.length === 0 && <p className="muted">{t('metrics.noneChosen')}</p>}
        {data === null && cards.status === 'loading' && <LoadingNotice />}
        {data !== null && ids.length > 0 && (
          <MetricCards
            ids={ids}
            data={data}
            targets={targetList}
            isStale={cards.status === 'loading'}
          />
        )}
      </section>
      {hasViewData ? (
        <>
          <div className="chart-row view-row">
            <WaterfallPanel data={viewData} isBusy={isViewsBusy} />
            <CohortPanel data={viewData} isBusy={isViewsBusy} />
          </div>
          <div className="chart-row view-row">
            <AgingPanel data={viewData} isBusy={isViewsBusy} />
            <CsatPanel data={viewData} isBusy={isViewsBusy} />
          </div>
        </>
      ) : (
        <p className="notice" data-testid="views-empty">
          {t('views.empty')}
        </p>
      )}
    </>
  );
}
