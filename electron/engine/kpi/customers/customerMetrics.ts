// The customer metric module: csat, csat_mean, adoption_rate and the two
// metrics of the customer snapshot table.
import { CUSTOMER_METRICS } from '../../../../shared/catalogue/customers.js';
import type { PeriodRange } from '../../../../shared/period.js';
import type {
  MetricContext,
  MetricDrill,
  MetricModule,
  MetricResult,
} from '../metricTypes.js';
import { checkIds, ratio, resultMaker } from '../common/results.js';
import { adoption, adoptionDrill } from './adoption.js';
import { satisfaction, satisfactionDrill } from './satisfaction.js';
import { snapshotDrill, snapshotFigures } from './snapshots.js';

export const CUSTOMER_METRIC_IDS = CUSTOMER_METRICS.map((entry) => entry.id);

function computeCustomers(
  context: MetricContext,
  ids: readonly string[],
  period: PeriodRange,
): MetricResult[] {
  checkIds('customer', CUSTOMER_METRIC_IDS, ids);
  const make = resultMaker(CUSTOMER_METRICS, context, period);
  const wants = (...wanted: string[]) => ids.some((id) => wanted.includes(id));
  const scores = wants('csat', 'csat_mean')
    ? satisfaction(context, period)
    : null;
  const snapshots = wants('snapshot_churn_rate', 'snapshot_arpu')
    ? snapshotFigures(context)
    : null;
  return ids.map((id) => {
    if (scores && (id === 'csat' || id === 'csat_mean')) {
      const inputs = {
        answered: scores.answered,
        satisfied: scores.satisfied,
        scoreSum: scores.scoreSum,
      };
      const value =
        id === 'csat'
          ? ratio(scores.satisfied, scores.answered)
          : ratio(scores.scoreSum, scores.answered);
      return make(id, { value, note: scores.note, inputs });
    }
    if (id === 'adoption_rate') {
      const figures = adoption(context, period);
      return make(id, {
        value: ratio(figures.activeAccounts, figures.payingAccounts),
        note: figures.note,
        inputs: {
          activeAccounts: figures.activeAccounts,
          payingAccounts: figures.payingAccounts,
        },
      });
    }
    if (snapshots && id === 'snapshot_churn_rate') {
      return make(id, {
        value: ratio(snapshots.churned, snapshots.customers),
        note: snapshots.note,
        inputs: {
          churned: snapshots.churned,
          customers: snapshots.customers,
        },
      });
    }
    if (snapshots && id === 'snapshot_arpu') {
      return make(id, {
        value: ratio(snapshots.monthlyCharges, snapshots.charged),
        note: snapshots.note,
        inputs: {
          monthlyCharges: snapshots.monthlyCharges,
          customersCharged: snapshots.charged,
        },
      });
    }
    return make(id, { value: null });
  });
}

function drillCustomers(
  context: MetricContext,
  id: string,
  period: PeriodRange,
): MetricDrill | null {
  switch (id) {
    case 'csat':
    case 'csat_mean':
      return satisfactionDrill(context, period);
    case 'adoption_rate':
      return adoptionDrill(context, period);
    case 'snapshot_churn_rate':
    case 'snapshot_arpu':
      return snapshotDrill(context, id);
    default:
      return null;
  }
}

export const customerMetrics: MetricModule = {
  ids: CUSTOMER_METRIC_IDS,
  compute: computeCustomers,
  drill: drillCustomers,
};

export { featureUseByAccount, type FeatureUse } from './adoption.js';
