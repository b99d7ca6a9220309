// The sales metrics over opportunities, by close date on the workspace's
// fiscal calendar.
import type { MetricEntry } from './types.js';

const DEAL_INPUTS = [
  'opportunities.status',
  'opportunities.closed_on',
] as const;

const CYCLE_CONVENTION =
  'A deal starts at its creation date; where the source has none, at its ' +
  'engagement date. Deals without either are left out.';

export const SALES_CATALOGUE: readonly MetricEntry[] = [
  {
    id: 'deals_won',
    family: 'sales',
    name: 'Deals won',
    unit: 'count',
    direction: 'higher_is_better',
    formula: 'Opportunities won whose close date falls in the period',
    inputs: DEAL_INPUTS,
    settings: ['fiscalYearStartMonth'],
  },
  {
    id: 'deals_lost',
    family: 'sales',
    name: 'Deals lost',
    unit: 'count',
    direction: 'lower_is_better',
    formula: 'Opportunities lost whose close date falls in the period',
    inputs: DEAL_INPUTS,
    settings: ['fiscalYearStartMonth'],
  },
  {
    id: 'deals_open',
    family: 'sales',
    name: 'Open deals',
    unit: 'count',
    direction: 'neutral',
    formula: 'Deals open at the end of the period',
    convention:
      'Open at a day: started on or before it (or with no start date) and ' +
      'not won or lost by then. Without a period: open now.',
    inputs: [...DEAL_INPUTS, 'opportunities.created_on'],
    settings: ['fiscalYearStartMonth'],
  },
  {
    id: 'win_rate',
    family: 'sales',
    name: 'Win rate',
    unit: 'ratio',
    direction: 'higher_is_better',
    formula: 'won ÷ (won + lost), deals by close date in the period',
    inputs: DEAL_INPUTS,
    settings: ['fiscalYearStartMonth'],
  },
  {
    id: 'bookings',
    family: 'sales',
    name: 'Bookings',
    unit: 'currency',
    direction: 'higher_is_better',
    formula: 'Σ amount of deals won in the period, by close date',
    convention:
      'Amounts in several currencies are not added; the value is then ' +
      'empty with a note.',
    inputs: [...DEAL_INPUTS, 'opportunities.amount_minor'],
    settings: ['fiscalYearStartMonth'],
  },
  {
    id: 'avg_won_deal_size',
    family: 'sales',
    name: 'Average deal size',
    unit: 'currency',
    direction: 'higher_is_better',
    formula: 'bookings ÷ deals won with an amount',
    inputs: [...DEAL_INPUTS, 'opportunities.amount_minor'],
    settings: ['fiscalYearStartMonth'],
  },
  {
    id: 'median_sales_cycle_days',
    family: 'sales',
    name: 'Median sales cycle',
    unit: 'days',
    direction: 'lower_is_better',
    formula: 'median of (close date − start date) over deals won in the period',
    convention: CYCLE_CONVENTION,
    inputs: [
      ...DEAL_INPUTS,
      'opportunities.created_on',
      'opportunities.engaged_on',
    ],
    settings: ['fiscalYearStartMonth'],
  },
  {
    id: 'mean_sales_cycle_days',
    family: 'sales',
    name: 'Mean sales cycle',
    unit: 'days',
    direction: 'lower_is_better',
    formula: 'mean of (close date − start date) over deals won in the period',
    convention: CYCLE_CONVENTION,
    inputs: [
      ...DEAL_INPUTS,
      'opportunities.created_on',
      'opportunities.engaged_on',
    ],
    settings: ['fiscalYearStartMonth'],
  },
];
