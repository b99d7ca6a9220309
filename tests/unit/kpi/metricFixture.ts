// A metric context over a fresh workspace file, for the metric tests.
import { loadRateBook } from '../../../electron/engine/kpi/fx.js';
import {
  DEFAULT_METRIC_OPTIONS,
  type MetricContext,
  type MetricFilter,
  type MetricResult,
} from '../../../electron/engine/kpi/metricTypes.js';
import type { Db } from '../../../electron/engine/store/database.js';
import { readSettings } from '../../../electron/engine/store/settings.js';

export function metricContext(
  db: Db,
  filters: MetricFilter[] = [],
  reporting = 'USD',
): MetricContext {
  return {
    db,
    settings: readSettings(db),
    rates: loadRateBook(db, reporting),
    filters,
    options: DEFAULT_METRIC_OPTIONS,
  };
}

export function byId(results: MetricResult[]): Record<string, MetricResult> {
  return Object.fromEntries(results.map((result) => [result.id, result]));
}
