// The read-only questions answered off the main thread: metrics, views,
// sales KPIs and grid pages. Each takes the worker's own connection to the
// workspace; the in-memory figures they keep live in that worker.
import type { ParsedArgsOf, ResultOf } from '../../../shared/contract.js';
import { gridRows } from '../grid/gridQuery.js';
import { gridScope } from '../grid/gridScope.js';
import { computeMetrics, scopeChoices } from '../kpi/metricEngine.js';
import {
  agingAtPeriodEnd,
  metricSeries,
  movementWaterfall,
  retentionCohorts,
} from '../kpi/metricViews.js';
import { segmentCondition, unansweredNote } from '../kpi/common/segments.js';
import { loadRateBook } from '../kpi/fx.js';
import { computeSalesKpis } from '../kpi/salesKpis.js';
import type { Db } from '../store/database.js';
import { readSettings } from '../store/settings.js';

export const QUERY_METHODS = [
  'metrics.compute',
  'metrics.series',
  'metrics.waterfall',
  'metrics.cohorts',
  'metrics.aging',
  'metrics.scopeChoices',
  'kpi.compute',
  'grid.rows',
] as const;

export type QueryMethod = (typeof QUERY_METHODS)[number];

/**
 * Sales KPIs under the segment filters and in the reporting currency the
 * metrics take; a filter deals cannot follow leaves no values, and says
 * why.
 */
function salesKpis(db: Db, args: ParsedArgsOf<'kpi.compute'>) {
  const { where, currency, ...rest } = args;
  const segment = segmentCondition(where, 'opportunities', 'seg');
  const rates = currency === undefined ? undefined : loadRateBook(db, currency);
  const result = computeSalesKpis(db, readSettings(db), {
    ...rest,
    ...(where.length > 0 ? { scope: segment } : {}),
    ...(rates ? { rates } : {}),
  });
  if (segment.unanswered.length === 0) return result;
  const note = unansweredNote('opportunities', segment.unanswered);
  return {
    metrics: result.metrics.map((value) => ({ ...value, value: null, note })),
  };
}

export const QUERIES: {
  [M in QueryMethod]: (db: Db, args: ParsedArgsOf<M>) => ResultOf<M>;
} = {
  'metrics.compute': (db, args) => computeMetrics(db, args),
  'metrics.series': (db, args) => metricSeries(db, args),
  'metrics.waterfall': (db, args) => movementWaterfall(db, args),
  'metrics.cohorts': (db, args) => retentionCohorts(db, args),
  'metrics.aging': (db, args) => agingAtPeriodEnd(db, args),
  'metrics.scopeChoices': (db) => scopeChoices(db),
  'kpi.compute': (db, args) => salesKpis(db, args),
  'grid.rows': (db, args) => gridRows(db, args, gridScope(db, args)),
};
