// Contracts and cash: contracted value, what is still to be recognised,
// and how quickly invoices turn into cash.
import type { MetricEntry } from './types.js';

const TERM_CONVENTION =
  'A term runs from start_on up to end_on, counted as whole months plus ' +
  'the remaining days as a share of the following month. A subscription ' +
  'without an end date is read as a twelve-month term. Trials and ' +
  'subscriptions without MRR are left out.';

export const CASH_METRICS: readonly MetricEntry[] = [
  {
    id: 'tcv',
    family: 'cash',
    name: 'Total contract value (TCV)',
    unit: 'currency',
    direction: 'higher_is_better',
    formula:
      'Σ MRR × months of term, over subscriptions starting in the period',
    convention: TERM_CONVENTION,
    inputs: [
      'subscriptions.mrr_minor',
      'subscriptions.start_on',
      'subscriptions.end_on',
    ],
    settings: ['reportingCurrency', 'fiscalYearStartMonth'],
  },
  {
    id: 'revenue_backlog',
    family: 'cash',
    name: 'Revenue backlog',
    unit: 'currency',
    direction: 'higher_is_better',
    formula:
      'Σ MRR × months of term left after the period end, over contracted ' +
      'subscriptions',
    convention:
      `${TERM_CONVENTION} Revenue is recognised evenly, one MRR a month; ` +
      'subscriptions not yet started count their whole term. Amounts are ' +
      'converted at the rate of the period end.',
    inputs: [
      'subscriptions.mrr_minor',
      'subscriptions.start_on',
      'subscriptions.end_on',
    ],
    settings: ['reportingCurrency', 'fiscalYearStartMonth'],
  },
  {
    id: 'dso',
    family: 'cash',
    name: 'Days sales outstanding (DSO)',
    unit: 'days',
    direction: 'lower_is_better',
    formula:
      'Receivables at period end ÷ credit sales in the period × days in the ' +
      'period',
    convention:
      'Receivables are invoices issued on or before the period end and not ' +
      'settled by it; credit sales are invoices issued in the period.',
    inputs: [
      'invoices.amount_minor',
      'invoices.issued_on',
      'invoices.settled_on',
    ],
    settings: ['reportingCurrency', 'fiscalYearStartMonth'],
  },
  {
    id: 'receivables',
    family: 'cash',
    name: 'Receivables',
    unit: 'currency',
    direction: 'lower_is_better',
    formula:
      'Σ invoices issued on or before the period end and not settled by it',
    convention:
      'Aged by days past due_on at the period end: current (not yet due, ' +
      'or no due date), 1–30, 31–60, 61–90 and over 90 days.',
    inputs: [
      'invoices.amount_minor',
      'invoices.issued_on',
      'invoices.due_on',
      'invoices.settled_on',
    ],
    settings: ['reportingCurrency', 'fiscalYearStartMonth'],
  },
];
