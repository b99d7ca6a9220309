import type { KpiValue } from '../../../shared/contract.js';
import {
  SALES_METRIC_IDS,
  type SalesMetricId,
} from '../../../shared/metrics.js';
import { useT } from '../common/useT.js';
import type { MessageKey } from '../i18n/index.js';
import { useStore } from '../store/index.js';
import { showKpi } from './kpiFormat.js';

// The catalogue keys named by `SALES_METRICS`, checked against the catalogue.
export function metricNameKey(id: SalesMetricId): MessageKey {
  return `metric.${id}.name`;
}

export function metricFormulaKey(id: SalesMetricId): MessageKey {
  return `metric.${id}.formula`;
}

type KpiCardsProps = {
  values: readonly KpiValue[];
  currency: string;
  isStale: boolean;
};

export function KpiCards({ values, currency, isStale }: KpiCardsProps) {
  const t = useT();
  const locale = useStore((state) => state.locale);
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
        const shown = showKpi(t, locale, byId.get(id), currency);
        return (
          <article key={id} className="kpi-card" data-testid={`kpi-card-${id}`}>
            <h3>{t(metricNameKey(id))}</h3>
            <p
              className="kpi-value"
              data-testid={`kpi-${id}`}
              title={shown.exact}
            >
              {shown.text}
            </p>
            <p className="kpi-definition">
              <span className="visually-hidden">{t('home.definition')}: </span>
              {t(metricFormulaKey(id))}
            </p>
          </article>
        );
      })}
    </section>
  );
}
