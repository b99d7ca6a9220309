// Home: the chosen revenue metrics with their views (MRR movements,
// cohorts, aging, CSAT), then the sales KPIs of the period with bookings
// and win rate by quarter and one breakdown. Every figure opens the rows
// behind it.
import { useEffect } from 'react';
import { ErrorNotice, LoadingNotice } from '../common/StatusNotice.js';
import { useT } from '../common/useT.js';
import { useStore } from '../store/index.js';
import { periodLabel } from '../workspace/periods.js';
import { KpiCards } from './KpiCards.js';
import { MetricsSection } from './MetricsSection.js';
import { BreakdownPanel, QuarterPanel } from './SalesPanels.js';

/** Tables whose rows feed some figure on Home. */
const FIGURE_TABLES = ['opportunities', 'subscriptions', 'invoices', 'tickets'];

function EmptyWorkspace() {
  const t = useT();
  const setPlace = useStore((state) => state.setPlace);
  return (
    <section className="empty-state" data-testid="home-empty">
      <h2>{t('home.emptyTitle')}</h2>
      <p>{t('home.emptyBody')}</p>
      <p>{t('home.emptyRecurring')}</p>
      <p className="muted">{t('home.emptyMaven')}</p>
      <button
        type="button"
        className="primary"
        onClick={() => setPlace('import')}
      >
        {t('home.goImport')}
      </button>
    </section>
  );
}

export function HomeScreen() {
  const t = useT();
  const locale = useStore((state) => state.locale);
  const workspace = useStore((state) => state.workspace);
  const period = useStore((state) => state.period);
  const dataVersion = useStore((state) => state.dataVersion);
  const kpis = useStore((state) => state.kpis);
  const loadDashboard = useStore((state) => state.loadDashboard);
  const reportingCurrency = useStore((state) => state.reportingCurrency);

  const counts = workspace?.counts ?? {};
  const hasDeals = (counts['opportunities'] ?? 0) > 0;
  const hasFigures = FIGURE_TABLES.some((table) => (counts[table] ?? 0) > 0);
  const segmentFilter = useStore((state) => state.segmentFilter);
  useEffect(() => {
    if (hasDeals) void loadDashboard();
  }, [
    hasDeals,
    period,
    dataVersion,
    segmentFilter,
    reportingCurrency,
    loadDashboard,
  ]);

  if (!workspace) return null;
  if (!hasFigures) return <EmptyWorkspace />;

  const currency = workspace.baseCurrency;
  const calendar = {
    startMonth: workspace.fiscalYearStartMonth,
    label: workspace.fiscalYearLabel,
  };
  const values = kpis.status === 'idle' ? null : kpis.data;
  const dealCount = (values ?? [])
    .filter((value) => value.group === null)
    .filter((value) =>
      ['deals_won', 'deals_lost', 'deals_open'].includes(value.id),
    )
    .reduce((sum, value) => sum + (value.value ?? 0), 0);

  return (
    <div className="home" data-testid="home">
      <header className="place-header">
        <h2>{t('home.title')}</h2>
        <p className="muted">
          {t('home.subtitle', {
            period: periodLabel(t, locale, period, calendar),
            currency: reportingCurrency ?? currency,
          })}
        </p>
      </header>
      <MetricsSection />
      <section className="sales-section" aria-label={t('home.salesTitle')}>
        <header className="section-header">
          <h3>{t('home.salesTitle')}</h3>
        </header>
        {!hasDeals && (
          <p className="muted empty-view" data-testid="sales-empty">
            {t('home.salesEmpty')}
          </p>
        )}
        {hasDeals && kpis.status === 'error' && (
          <ErrorNotice
            error={kpis.error}
            onRetry={() => void loadDashboard()}
          />
        )}
        {hasDeals && values === null && kpis.status === 'loading' && (
          <LoadingNotice />
        )}
        {hasDeals && values !== null && (
          <KpiCards
            values={values}
            currency={currency}
            isStale={kpis.status === 'loading'}
          />
        )}
        {hasDeals && kpis.status === 'ready' && dealCount === 0 && (
          <p className="notice">{t('home.noDealsInPeriod')}</p>
        )}
        {hasDeals && (
          <div className="chart-row">
            <QuarterPanel currency={currency} />
            <BreakdownPanel currency={currency} />
          </div>
        )}
      </section>
    </div>
  );
}
