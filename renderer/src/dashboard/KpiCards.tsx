// The KPI cards of the period. Each card is a button: pressing it lists
// exactly the deals behind its number in the opportunities grid.
import type { KpiValue } from '../../../shared/contract.js';
import { SALES_METRIC_IDS } from '../../../shared/metrics.js';
import { useT } from '../common/useT.js';
import { drillOf } from '../grids/drill.js';
import { useStore } from '../store/index.js';
import { metricFormulaKey, metricNameKey, showKpi } from './kpiFormat.js';
import { scopeArgsOf } from './metricsSlice.js';

type KpiCardsProps = {
  values: readonly KpiValue[];
  currency: string;
  isStale: boolean;
};

export function KpiCards({ values, currency, isStale }: KpiCardsProps) {
  const t = useT();
  const locale = useStore((state) => state.locale);
  const period = useStore((state) => state.period);
  const drillInto = useStore((state) => state.drillInto);
  const byId = new Map(
    values.filter((value) => value.group === null).map((v) => [v.id, v]),
  );
  return (
    <section
      className={isStale ? 'kpi-grid stale' : 'kpi-grid'}
      aria-label={t('home.kpiLabel')}
      aria-busy={isStale}
    >
      {SALES_METRIC_IDS.map((id) => {
        const kpi = byId.get(id);
        const shown = showKpi(t, locale, kpi, currency);
        // The period the shown number was computed for, which lags the
        // picker's while a new period loads.
        const drill = drillOf(
          id,
          kpi ? kpi.period : period,
          undefined,
          scopeArgsOf(useStore.getState()).where,
        );
        const name = t(metricNameKey(id));
        const definitionId = `kpi-definition-${id}`;
        return (
          <button
            key={id}
            type="button"
            className="kpi-card"
            data-testid={`kpi-card-${id}`}
            aria-label={t('home.kpiButton', { name, value: shown.text })}
            aria-describedby={definitionId}
            onClick={() => drillInto(drill)}
          >
            <span className="kpi-name">{name}</span>
            <span
              className="kpi-value"
              data-testid={`kpi-${id}`}
              title={shown.exact}
            >
              {shown.text}
            </span>
            {kpi?.note && (
              <span className="kpi-note" data-testid={`kpi-note-${id}`}>
                {t('home.mixedCurrencies')}
              </span>
            )}
            <span className="kpi-definition" id={definitionId}>
              {t(metricFormulaKey(id))}
            </span>
          </button>
        );
      })}
    </section>
  );
}
