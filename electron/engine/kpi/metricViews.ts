// The dashboard's views over the catalogue: monthly series for sparklines
// and trends, the MRR movement waterfall, cohort retention and receivables
// aging, each in the reporting currency with the segment filters applied.
import { monthRanges } from './common/results.js';
import {
  checkMetricIds,
  computeMetrics,
  metricContext,
  type MetricsRequest,
} from './metricEngine.js';
import type { MetricResult } from './metricTypes.js';
import type { Db } from '../store/database.js';
import { receivablesAging } from './cash/cashMetrics.js';
import {
  cohortRetention,
  ensureMrrMonthEnds,
  mrrMovementSeries,
  recurringMetrics,
  recurringMonthlySeries,
  type CohortGrid,
  type MovementSeries,
} from './recurring/index.js';
import { resolvePeriod } from '../../../shared/period.js';
import { fiscalCalendar, readSettings } from '../store/settings.js';

type Scope = Omit<MetricsRequest, 'metrics' | 'period' | 'range'>;
type Months = { from: string; to: string };

export function metricSeries(
  db: Db,
  request: Scope & Months & { metrics: readonly string[] },
): {
  months: string[];
  currency: string;
  series: Record<string, MetricResult[]>;
} {
  checkMetricIds(request.metrics);
  const context = metricContext(db, request);
  const recurring = request.metrics.filter((id) =>
    recurringMetrics.ids.includes(id),
  );
  const others = request.metrics.filter((id) => !recurring.includes(id));
  const months = monthRanges(request.from, request.to);
  const series: Record<string, MetricResult[]> = {};
  if (recurring.length) {
    ensureMrrMonthEnds(db);
    Object.assign(
      series,
      recurringMonthlySeries(context, recurring, request).series,
    );
  }
  if (others.length) {
    others.forEach((id) => (series[id] = []));
    for (const month of months) {
      const { metrics } = computeMetrics(db, {
        ...request,
        metrics: others,
        range: undefined,
        period: month.label,
      });
      for (const result of metrics) series[result.id]?.push(result);
    }
  }
  return {
    months: months.map((month) => month.label),
    currency: context.rates.reporting,
    series,
  };
}

export function movementWaterfall(
  db: Db,
  request: Scope & Months,
): MovementSeries {
  ensureMrrMonthEnds(db);
  return mrrMovementSeries(metricContext(db, request), request);
}

export function retentionCohorts(db: Db, request: Scope & Months): CohortGrid {
  ensureMrrMonthEnds(db);
  return cohortRetention(metricContext(db, request), request);
}

export function agingAtPeriodEnd(
  db: Db,
  request: Scope & { period?: string; range?: { start: string; end: string } },
) {
  const context = metricContext(db, request);
  const period = request.range
    ? { label: 'range', ...request.range }
    : resolvePeriod(
        request.period ?? new Date().toISOString().slice(0, 7),
        fiscalCalendar(readSettings(db)),
      );
  return receivablesAging(context, period);
}
