// Pipeline metrics beside the closed-deal sales KPIs: what the open
// pipeline is worth, how fast it turns into bookings, and whether it can
// cover what is left of the target.
import type { MetricEntry } from './types.js';

/** For deals without a probability of their own; stage names lower case. */
export const STAGE_PROBABILITIES: Readonly<Record<string, number>> = {
  prospecting: 0.1,
  qualification: 0.2,
  qualified: 0.2,
  discovery: 0.2,
  engaging: 0.3,
  'needs analysis': 0.3,
  proposal: 0.5,
  'proposal/price quote': 0.5,
  negotiation: 0.75,
  'negotiation/review': 0.75,
  commit: 0.9,
};

/** For a stage missing from the table. */
export const DEFAULT_STAGE_PROBABILITY = 0.1;

const OPEN =
  'A deal is open at a day when it started on or before it (or has no ' +
  'start date) and was not closed by then.';

export const PIPELINE_METRICS: readonly MetricEntry[] = [
  {
    id: 'weighted_pipeline',
    family: 'sales',
    name: 'Weighted pipeline',
    unit: 'currency',
    direction: 'higher_is_better',
    formula: 'Σ amount × stage probability, over deals open at the period end',
    convention:
      `${OPEN} The probability is the deal's own where it has one (0–1; ` +
      'values above 1 are read as percent), else from the stage: ' +
      'prospecting 10%, qualification 20%, engaging 30%, proposal 50%, ' +
      'negotiation 75%, commit 90%, any other stage 10%.',
    inputs: [
      'opportunities.amount_minor',
      'opportunities.probability',
      'opportunities.stage',
    ],
    settings: ['reportingCurrency', 'fiscalYearStartMonth'],
  },
  {
    id: 'sales_velocity',
    family: 'sales',
    name: 'Sales velocity (per day)',
    unit: 'currency',
    direction: 'higher_is_better',
    formula:
      'Open deals × average won deal size × win rate ÷ mean sales cycle days',
    convention:
      `${OPEN} Open deals are counted at the period end; the average won ` +
      'deal size, win rate and mean cycle (creation, or else engagement, ' +
      'to close) come from deals closed in the period. The value is money ' +
      'per day.',
    inputs: [
      'opportunities.status',
      'opportunities.amount_minor',
      'opportunities.created_on',
      'opportunities.engaged_on',
      'opportunities.closed_on',
    ],
    settings: ['reportingCurrency', 'fiscalYearStartMonth'],
  },
  {
    id: 'pipeline_coverage',
    family: 'sales',
    name: 'Pipeline coverage',
    unit: 'multiple',
    direction: 'higher_is_better',
    formula: 'Open pipeline ÷ (quota for the period − bookings so far)',
    convention:
      'Measured on the as-of day: the period end, or today while the ' +
      'period runs. Open pipeline is the amount of deals open on that day ' +
      'expected to close by the period end (or without an expected close). ' +
      'The quota is the team quotas inside the period, or the rep quotas ' +
      'where no team has one. No value when there is no quota or the ' +
      'quota is already met.',
    inputs: [
      'quotas.amount_minor',
      'opportunities.amount_minor',
      'opportunities.expected_close_on',
      'opportunities.closed_on',
    ],
    settings: ['reportingCurrency', 'fiscalYearStartMonth'],
  },
];
