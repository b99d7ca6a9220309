// Acquisition metrics: what it costs to win a customer or a lead.
import type { MetricEntry } from './types.js';

export const ACQUISITION_METRICS: readonly MetricEntry[] = [
  {
    id: 'cac',
    family: 'acquisition',
    name: 'Customer acquisition cost (CAC, CPA)',
    unit: 'currency',
    direction: 'lower_is_better',
    formula:
      'Sales and marketing spend in the period ÷ new customers in the period',
    convention:
      'Spend is campaign spend dated in the period. A new customer is an ' +
      'account whose first paying month end (a month end on which one of ' +
      'its subscriptions is active with MRR above zero, trials excluded) ' +
      'falls in the period.',
    inputs: [
      'campaign_spend.amount_minor',
      'campaign_spend.spend_on',
      'subscriptions.start_on',
      'subscriptions.end_on',
      'subscriptions.mrr_minor',
    ],
    settings: ['reportingCurrency', 'fiscalYearStartMonth'],
  },
  {
    id: 'cac_payback_months',
    family: 'acquisition',
    name: 'CAC payback',
    unit: 'months',
    direction: 'lower_is_better',
    formula: 'CAC ÷ (new-customer ARPA × gross margin)',
    convention:
      'New-customer ARPA is the MRR of the new customers on their first ' +
      'paying month end ÷ new customers.',
    inputs: [
      'campaign_spend.amount_minor',
      'subscriptions.mrr_minor',
      'subscriptions.start_on',
      'subscriptions.end_on',
    ],
    settings: ['grossMarginPct', 'reportingCurrency', 'fiscalYearStartMonth'],
  },
  {
    id: 'cost_per_lead',
    family: 'acquisition',
    name: 'Cost per lead',
    unit: 'currency',
    direction: 'lower_is_better',
    formula: 'Campaign spend in the period ÷ leads created in the period',
    convention:
      'By channel: spend of the campaigns of a channel ÷ leads of that ' +
      "channel, where a lead's channel is its own or else its campaign's.",
    inputs: [
      'campaign_spend.amount_minor',
      'campaigns.channel',
      'leads.created_on',
      'leads.channel',
    ],
    settings: ['reportingCurrency', 'fiscalYearStartMonth'],
  },
];
