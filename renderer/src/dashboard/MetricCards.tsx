// The chosen metric cards: value, sparkline of the last twelve months,
// change against the previous period, progress toward its target, and the
// math behind it. Pressing the number lists the rows behind it.
import { useState } from 'react';
import { metricEntry } from '../../../shared/catalogue/index.js';
import type { MetricValue } from '../../../shared/contract.js';
import type { MetricTarget } from '../../../shared/metricSchemas.js';
import { useT } from '../common/useT.js';
import { formatPercent } from '../i18n/index.js';
import { useStore } from '../store/index.js';
import { MathPopover } from './MathPopover.js';
import {
  changeOf,
  drillEntityOf,
  sparklinePoints,
  targetProgress,
} from './metricMath.js';
import type { MetricCardsData } from './metricsSlice.js';
import { scopeArgsOf } from './metricsSlice.js';
import {
  metricName,
  showDelta,
  showMetricValue,
  showNote,
} from './metricText.js';

const SPARK_WIDTH = 120;
const SPARK_HEIGHT = 28;

type CardProps = {
  id: string;
  value: MetricValue | undefined;
  prior: MetricValue | undefined;
  spark: readonly (number | null)[];
  target: MetricTarget | undefined;
  data: MetricCardsData;
};

function MetricCard({ id, value, prior, spark, target, data }: CardProps) {
  const t = useT();
  const locale = useStore((state) => state.locale);
  const drillMetric = useStore((state) => state.drillMetric);
  const [isMathOpen, setIsMathOpen] = useState(false);
  const entry = metricEntry(id);
  if (!entry) return null;
  const name = metricName(locale, id);
  const currency = value?.currency ?? data.current.currency;
  const shown = showMetricValue(
    t,
    locale,
    id,
    value?.value ?? null,
    entry.unit,
    currency,
  );
  const change = changeOf(
    value?.value ?? null,
    prior?.value ?? null,
    entry.direction,
  );
  const progress = target
    ? targetProgress(
        value?.value ?? null,
        target.target,
        target.baseline,
        entry.direction,
      )
    : null;
  const entity = drillEntityOf(entry);
  const points = sparklinePoints(spark, SPARK_WIDTH, SPARK_HEIGHT);
  const changeClass =
    change?.isBetter === true
      ? 'metric-change better'
      : change?.isBetter === false
        ? 'metric-change worse'
        : 'metric-change';
  const drill = () => {
    if (entity === null) return;
    const scope = scopeArgsOf(useStore.getState());
    drillMetric(entity, { metric: id, period: data.period, ...scope });
  };
  return (
    <article className="metric-card" data-testid={`metric-card-${id}`}>
      <header className="metric-card-head">
        <h3 className="kpi-name">{name}</h3>
        <button
          type="button"
          className="metric-math-toggle"
          data-testid={`metric-math-${id}`}
          aria-expanded={isMathOpen}
          title={t('math.show')}
          aria-label={t('math.showFor', { name })}
          onClick={() => setIsMathOpen((open) => !open)}
        >
          ƒ
        </button>
      </header>
      <button
        type="button"
        className="metric-value"
        data-testid={`metric-value-${id}`}
        title={shown.exact}
        disabled={entity === null}
        aria-label={t('metrics.valueButton', { name, value: shown.text })}
        onClick={drill}
      >
        {shown.text}
      </button>
      {value?.note && (
        <p className="kpi-note">{showNote(t, locale, value.note)}</p>
      )}
      <div className="metric-card-foot">
        {points !== '' && (
          <svg
            className="sparkline"
            width={SPARK_WIDTH}
            height={SPARK_HEIGHT}
            viewBox={`-2 -2 ${SPARK_WIDTH + 4} ${SPARK_HEIGHT + 4}`}
            role="img"
            aria-label={t('metrics.sparkline')}
          >
            <polyline points={points} />
          </svg>
        )}
        <span className={changeClass} data-testid={`metric-change-${id}`}>
          {change
            ? t('metrics.change', {
                delta: showDelta(
                  t,
                  locale,
                  id,
                  change.delta,
                  entry.unit,
                  currency,
                ),
                ratio:
                  change.ratio === null
                    ? ''
                    : ` (${formatPercent(locale, change.ratio)})`,
              })
            : t('metrics.noChange')}
        </span>
      </div>
      {target && (
        <div className="metric-target" data-testid={`metric-target-${id}`}>
          <div
            className="progress-track"
            role="progressbar"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(Math.min(progress?.share ?? 0, 1) * 100)}
            aria-label={t('targets.progress')}
          >
            <div
              className={
                progress?.isMet ? 'progress-fill met' : 'progress-fill'
              }
              style={{
                width: `${Math.min(progress?.share ?? 0, 1) * 100}%`,
              }}
            />
          </div>
          <span className="small muted">
            {t('targets.against', {
              target: showMetricValue(
                t,
                locale,
                id,
                target.target,
                entry.unit,
                currency,
              ).text,
              share:
                progress === null
                  ? t('value.none')
                  : formatPercent(locale, progress.share),
            })}
          </span>
        </div>
      )}
      {isMathOpen && (
        <MathPopover
          id={id}
          value={value}
          data={data}
          onClose={() => setIsMathOpen(false)}
        />
      )}
    </article>
  );
}

type MetricCardsProps = {
  ids: readonly string[];
  data: MetricCardsData;
  targets: readonly MetricTarget[];
  isStale: boolean;
};

export function MetricCards({ ids, data, targets, isStale }: MetricCardsProps) {
  const t = useT();
  const byId = new Map(data.current.metrics.map((value) => [value.id, value]));
  const priorById = new Map(
    (data.prior?.metrics ?? []).map((value) => [value.id, value]),
  );
  return (
    <section
      className={isStale ? 'metric-grid stale' : 'metric-grid'}
      aria-label={t('metrics.cardsLabel')}
      aria-busy={isStale}
      data-testid="metric-cards"
    >
      {ids.map((id) => (
        <MetricCard
          key={id}
          id={id}
          value={byId.get(id)}
          prior={priorById.get(id)}
          spark={(data.series?.series[id] ?? []).map((value) => value.value)}
          target={targets.find(
            (target) => target.metric === id && target.period === data.period,
          )}
          data={data}
        />
      ))}
    </section>
  );
}
