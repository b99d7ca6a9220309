// Customer metrics: satisfaction, product adoption and the churn table of
// one-row-per-customer snapshots.
import type { MetricEntry } from './types.js';

const ANSWERED =
  'A ticket counts in the period of its close date (its opening date ' +
  'while it is open), in UTC; tickets without a score were not answered ' +
  'and are left out.';

export const CUSTOMER_METRICS: readonly MetricEntry[] = [
  {
    id: 'csat',
    family: 'customers',
    name: 'Customer satisfaction (CSAT)',
    unit: 'ratio',
    direction: 'higher_is_better',
    formula: 'Answered tickets scoring 4 or 5 of 5 ÷ answered tickets',
    convention: ANSWERED,
    inputs: [
      'tickets.satisfaction_score',
      'tickets.closed_at',
      'tickets.opened_at',
    ],
    settings: ['fiscalYearStartMonth'],
  },
  {
    id: 'csat_mean',
    family: 'customers',
    name: 'Mean satisfaction score',
    unit: 'score',
    direction: 'higher_is_better',
    formula: 'Σ scores of answered tickets ÷ answered tickets (1–5)',
    convention: ANSWERED,
    inputs: [
      'tickets.satisfaction_score',
      'tickets.closed_at',
      'tickets.opened_at',
    ],
    settings: ['fiscalYearStartMonth'],
  },
  {
    id: 'adoption_rate',
    family: 'customers',
    name: 'Adoption rate (active paying accounts using a feature)',
    unit: 'ratio',
    direction: 'higher_is_better',
    formula:
      'Paying accounts that used any feature in the period ÷ accounts with ' +
      'an active paying subscription in the period',
    convention:
      'A paying subscription has MRR above zero and is not a trial; it is ' +
      'active in the period when it starts on or before the period end and ' +
      'has no end or ends after the period start. Use is a feature_usage ' +
      'row dated in the period with a usage count above zero.',
    inputs: [
      'feature_usage.used_on',
      'feature_usage.usage_count',
      'subscriptions.mrr_minor',
      'subscriptions.start_on',
      'subscriptions.end_on',
    ],
    settings: ['fiscalYearStartMonth'],
  },
  {
    id: 'snapshot_churn_rate',
    family: 'customers',
    name: 'Churn rate (customer snapshot table)',
    unit: 'ratio',
    direction: 'lower_is_better',
    formula: 'Churned customers ÷ customers in the snapshot table',
    convention:
      'The snapshot table has one row per customer and no dates, so the ' +
      'value does not depend on the period.',
    inputs: ['customer_snapshots.is_churned'],
    settings: [],
  },
  {
    id: 'snapshot_arpu',
    family: 'customers',
    name: 'ARPU (customer snapshot table)',
    unit: 'currency',
    direction: 'higher_is_better',
    formula: 'Σ monthly charges ÷ customers in the snapshot table',
    convention:
      'Every customer in the table counts, churned or not; the table has ' +
      'no dates, so the value does not depend on the period. Charges in ' +
      "another currency are converted at today's latest rate.",
    inputs: [
      'customer_snapshots.monthly_charges_minor',
      'customer_snapshots.currency',
    ],
    settings: ['reportingCurrency'],
  },
];
