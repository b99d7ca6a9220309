// The whole metric catalogue: every metric the product computes, defined
// once, with the words shown beside its number.
import { ACQUISITION_METRICS } from './acquisition.js';
import { CASH_METRICS } from './cash.js';
import { CUSTOMER_METRICS } from './customers.js';
import { PIPELINE_METRICS } from './pipeline.js';
import { RECURRING_METRICS } from './recurring.js';
import { SALES_CATALOGUE } from './sales.js';
import type { MetricEntry } from './types.js';

export const METRIC_CATALOGUE: readonly MetricEntry[] = [
  ...RECURRING_METRICS,
  ...ACQUISITION_METRICS,
  ...CASH_METRICS,
  ...CUSTOMER_METRICS,
  ...SALES_CATALOGUE,
  ...PIPELINE_METRICS,
];

export const METRIC_IDS: readonly string[] = METRIC_CATALOGUE.map(
  (entry) => entry.id,
);

const BY_ID = new Map(METRIC_CATALOGUE.map((entry) => [entry.id, entry]));

export function metricEntry(id: string): MetricEntry | undefined {
  return BY_ID.get(id);
}

export type { MetricEntry } from './types.js';
