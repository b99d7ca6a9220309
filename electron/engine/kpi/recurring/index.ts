// Recurring-revenue metrics: MRR and its movements, retention, ARPA, CLV,
// quick ratio and renewal rate, with monthly series, the movement waterfall
// and cohort retention for the dashboard.
import { RECURRING_METRIC_IDS } from '../../../../shared/catalogue/recurring.js';
import type { MetricModule } from '../metricTypes.js';
import { computeRecurring } from './compute.js';
import { recurringDrill } from './drill.js';
export { COHORT_DRILL_METRICS, cohortDrill } from './drill.js';

export const recurringMetrics: MetricModule = {
  ids: RECURRING_METRIC_IDS,
  compute: (context, ids, period) => computeRecurring(context, ids, period),
  drill: recurringDrill,
};

export { computeRecurring } from './compute.js';
export { cohortRetention, type CohortGrid } from './cohorts.js';
export { RECURRING_FILTER_FIELDS } from './filters.js';
export {
  ensureMrrMonthEnds,
  rebuildMrrMonthEnds,
  subscriptionsFingerprint,
} from './monthEnds.js';
export {
  mrrMovementSeries,
  recurringMonthlySeries,
  type MovementSeries,
  type RecurringSeries,
} from './series.js';
