// Recurring-revenue metrics: MRR, its movements, retention and the values
// derived from them, as defined in the product design.
import type { MetricEntry } from './types.js';

export const RECURRING_METRIC_IDS = [
  'mrr',
  'arr',
  'mrr_new',
  'mrr_expansion',
  'mrr_contraction',
  'mrr_churn',
  'mrr_reactivation',
  'net_new_mrr',
  'customers',
  'logo_churn_rate',
  'gross_mrr_churn_rate',
  'grr',
  'nrr',
  'arpa',
  'clv',
  'quick_ratio',
  'renewal_rate',
] as const;

export type RecurringMetricId = (typeof RECURRING_METRIC_IDS)[number];

const SUBSCRIPTIONS = [
  'subscriptions.account_id',
  'subscriptions.account_key',
  'subscriptions.start_on',
  'subscriptions.end_on',
  'subscriptions.mrr_minor',
  'subscriptions.currency',
  'subscriptions.is_trial',
  'exchange_rates',
] as const;

const MONTH_END =
  'A month counts at its last day: a subscription is active when ' +
  'start_on <= day and (no end_on or end_on > day), trials excluded; a ' +
  'customer is an account (its account key where the link is missing). ' +
  'Each currency is converted at the rate of that month end.';

const AT_PERIOD_END =
  `${MONTH_END} For a quarter, year or range: the value at its last ` +
  'month end.';

const MOVEMENT =
  'Each customer’s MRR at the previous month end is compared with this ' +
  'month end: 0 -> x is new (reactivation when the customer paid at any ' +
  'earlier month end), x -> 0 churn, up expansion, down contraction. A ' +
  'customer dropping one of several subscriptions contracts. Amounts are ' +
  'converted at the rate of the month end of the movement; for a quarter, ' +
  'year or range the months whose last day lies in it are summed. ' +
  MONTH_END;

const CHAINED =
  'For a quarter, year or range the monthly rates are chained: ' +
  'retention rates multiply, churn rates compound as 1 - product(1 - ' +
  'monthly rate); months with nothing at their start are skipped.';

const CURRENCY = ['reportingCurrency'] as const;

function movement(
  id: RecurringMetricId,
  name: string,
  formula: string,
  direction: MetricEntry['direction'],
): MetricEntry {
  return {
    id,
    family: 'recurring',
    name,
    unit: 'currency',
    direction,
    formula,
    convention: MOVEMENT,
    inputs: SUBSCRIPTIONS,
    settings: CURRENCY,
  };
}

export const RECURRING_METRICS: readonly MetricEntry[] = [
  {
    id: 'mrr',
    family: 'recurring',
    name: 'Monthly recurring revenue (MRR)',
    unit: 'currency',
    direction: 'higher_is_better',
    formula: 'Sum of the MRR of subscriptions active at the month end',
    convention: AT_PERIOD_END,
    inputs: SUBSCRIPTIONS,
    settings: CURRENCY,
  },
  {
    id: 'arr',
    family: 'recurring',
    name: 'Annual recurring revenue (ARR)',
    unit: 'currency',
    direction: 'higher_is_better',
    formula: 'ARR = MRR × 12',
    convention: AT_PERIOD_END,
    inputs: SUBSCRIPTIONS,
    settings: CURRENCY,
  },
  movement(
    'mrr_new',
    'New MRR',
    'MRR of customers going from 0 to above 0 who never paid before',
    'higher_is_better',
  ),
  movement(
    'mrr_expansion',
    'Expansion MRR',
    'Increase of MRR of customers paying at both month ends',
    'higher_is_better',
  ),
  movement(
    'mrr_contraction',
    'Contraction MRR',
    'Decrease of MRR of customers paying at both month ends',
    'lower_is_better',
  ),
  movement(
    'mrr_churn',
    'Churned MRR',
    'MRR of customers whose last paying subscription ended',
    'lower_is_better',
  ),
  movement(
    'mrr_reactivation',
    'Reactivation MRR',
    'MRR of former customers paying again',
    'higher_is_better',
  ),
  movement(
    'net_new_mrr',
    'Net new MRR',
    'Net new MRR = new + expansion + reactivation − contraction − churn',
    'higher_is_better',
  ),
  {
    id: 'customers',
    family: 'recurring',
    name: 'Paying customers',
    unit: 'count',
    direction: 'higher_is_better',
    formula: 'Customers with MRR above 0 at the month end',
    convention: AT_PERIOD_END,
    inputs: SUBSCRIPTIONS,
    settings: [],
  },
  {
    id: 'logo_churn_rate',
    family: 'recurring',
    name: 'Logo churn rate',
    unit: 'ratio',
    direction: 'lower_is_better',
    formula:
      'Logo churn rate = customers lost in the period ÷ customers at its start',
    convention: `${CHAINED} ${MOVEMENT}`,
    inputs: SUBSCRIPTIONS,
    settings: [],
  },
  {
    id: 'gross_mrr_churn_rate',
    family: 'recurring',
    name: 'Gross MRR churn rate',
    unit: 'ratio',
    direction: 'lower_is_better',
    formula: 'Gross MRR churn = (churn + contraction) ÷ starting MRR',
    convention: `${CHAINED} ${MOVEMENT}`,
    inputs: SUBSCRIPTIONS,
    settings: CURRENCY,
  },
  {
    id: 'grr',
    family: 'recurring',
    name: 'Gross revenue retention (GRR)',
    unit: 'ratio',
    direction: 'higher_is_better',
    formula: 'GRR = (starting MRR − contraction − churn) ÷ starting MRR',
    convention: `${CHAINED} ${MOVEMENT}`,
    inputs: SUBSCRIPTIONS,
    settings: CURRENCY,
  },
  {
    id: 'nrr',
    family: 'recurring',
    name: 'Net revenue retention (NRR)',
    unit: 'ratio',
    direction: 'higher_is_better',
    formula:
      'NRR = (starting MRR + expansion − contraction − churn) ÷ starting MRR',
    convention:
      'Reactivation is added to the numerator only when the setting ' +
      `"reactivation counts in NRR" is on. ${CHAINED} ${MOVEMENT}`,
    inputs: SUBSCRIPTIONS,
    settings: ['isReactivationInNrr', 'reportingCurrency'],
  },
  {
    id: 'arpa',
    family: 'recurring',
    name: 'Average revenue per account (ARPA)',
    unit: 'currency',
    direction: 'higher_is_better',
    formula: 'ARPA = MRR ÷ paying customers',
    convention: AT_PERIOD_END,
    inputs: SUBSCRIPTIONS,
    settings: CURRENCY,
  },
  {
    id: 'clv',
    family: 'recurring',
    name: 'Customer lifetime value (CLV)',
    unit: 'currency',
    direction: 'higher_is_better',
    formula: 'CLV = ARPA × gross margin ÷ logo churn rate',
    convention:
      'ARPA at the period’s last month end; the logo churn rate is the mean ' +
      'of the monthly logo churn rates over the churn window ending at that ' +
      'month end (months with no customers at their start are skipped). ' +
      MONTH_END,
    inputs: SUBSCRIPTIONS,
    settings: ['grossMarginPct', 'churnWindowMonths', 'reportingCurrency'],
  },
  {
    id: 'quick_ratio',
    family: 'recurring',
    name: 'SaaS quick ratio',
    unit: 'multiple',
    direction: 'higher_is_better',
    formula:
      'Quick ratio = (new + expansion + reactivation) ÷ (contraction + churn)',
    convention: MOVEMENT,
    inputs: SUBSCRIPTIONS,
    settings: CURRENCY,
  },
  {
    id: 'renewal_rate',
    family: 'recurring',
    name: 'Renewal rate',
    unit: 'ratio',
    direction: 'higher_is_better',
    formula: 'Renewal rate = renewed ÷ up for renewal',
    convention:
      'Up for renewal: paying subscriptions (not trials, MRR above 0) whose ' +
      'end_on falls in the period. Renewed: the same customer started ' +
      'another paying subscription within 30 days before or after that ' +
      'end (a new term, an upgrade or a downgrade). Open-ended ' +
      'subscriptions have no term ending and are not counted; the ' +
      'auto-renew flag is not read, since an end date records what happened.',
    inputs: [
      'subscriptions.end_on',
      'subscriptions.start_on',
      'subscriptions.account_id',
      'subscriptions.mrr_minor',
      'subscriptions.is_trial',
    ],
    settings: [],
  },
];
