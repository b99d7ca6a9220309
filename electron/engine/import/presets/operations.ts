// Layouts for subscription exports of billing systems (Stripe-style
// headers), help-desk tickets with satisfaction scores (Zendesk- and
// Freshdesk-style), and daily campaign spend from ad platforms.
import { nameKey } from '../values/numbers.js';
import { defineLayout, inCurrency } from './layout.js';
import { str, num, dateOf } from './fieldValues.js';
import type { FieldValue } from './types.js';

/** Months in one billing interval; MRR is the amount spread over them. */
const INTERVAL_MONTHS: Record<string, number> = {
  month: 1,
  monthly: 1,
  quarter: 3,
  quarterly: 3,
  year: 12,
  yearly: 12,
  annual: 12,
  annually: 12,
};

/**
 * Monthly recurring revenue of one line: the interval's amount times the
 * quantity, spread over the interval's months, rounded half away from zero
 * to the currency's minor unit (a yearly 100.00 is 8.33 a month).
 */
export function monthlyMinor(
  amountMinor: number,
  quantity: number,
  interval: string | null,
): number | null {
  const months = INTERVAL_MONTHS[(interval ?? 'month').toLowerCase()];
  if (months === undefined) return null;
  const total = amountMinor * quantity;
  return Math.sign(total) * Math.round(Math.abs(total) / months);
}

export const billingSubscriptions = defineLayout({
  id: 'billing-subscriptions',
  source: 'billing',
  entity: 'subscriptions',
  fields: [
    {
      name: 'id',
      kind: 'text',
      headers: ['id', 'subscription id', 'subscription'],
    },
    {
      name: 'customer',
      kind: 'text',
      headers: ['customer id', 'customer', 'customer_id'],
    },
    {
      name: 'plan',
      kind: 'text',
      headers: ['plan', 'plan name', 'product', 'price name'],
    },
    { name: 'quantity', kind: 'integer', headers: ['quantity', 'seats'] },
    {
      name: 'interval',
      kind: 'text',
      headers: ['interval', 'plan interval', 'billing interval'],
    },
    {
      name: 'amount',
      kind: 'money',
      headers: ['amount', 'plan amount', 'price', 'unit amount'],
    },
    {
      name: 'mrr',
      kind: 'money',
      headers: ['mrr', 'monthly recurring revenue', 'mrr amount'],
    },
    { name: 'currency', kind: 'text', headers: ['currency', 'plan currency'] },
    { name: 'status', kind: 'text', headers: ['status'] },
    {
      name: 'start',
      kind: 'instant',
      headers: [
        'start (utc)',
        'start date',
        'start',
        'started at',
        'created (utc)',
      ],
    },
    {
      name: 'ended',
      kind: 'instant',
      headers: [
        'ended at (utc)',
        'ended at',
        'end date',
        'canceled at (utc)',
        'cancelled at',
      ],
    },
  ],
  // An amount says per what only with its interval; an MRR column does not.
  requires: [
    ['id'],
    ['customer'],
    ['start'],
    ['amount', 'mrr'],
    ['interval', 'mrr'],
  ],
  mappingRequires: [['id'], ['start'], ['amount', 'mrr'], ['interval', 'mrr']],
  required: ['start'],
  onlyWhenPresent: {
    plan: ['plan'],
    quantity: ['seats'],
    status: ['status', 'is_trial'],
    ended: ['end_on'],
  },
  identity: (values) => str(values['id']),
  identityColumns: ['id'],
  toRecord(values, context) {
    const amount = inCurrency(
      values['amount'],
      str(values['currency'])?.toUpperCase() ?? null,
      'amount',
    );
    const status = str(values['status'])?.toLowerCase() ?? null;
    const given = inCurrency(
      values['mrr'],
      str(values['currency'])?.toUpperCase() ?? null,
      'mrr',
    );
    const mrr = given
      ? given.amountMinor
      : amount
        ? monthlyMinor(
            amount.amountMinor,
            num(values['quantity']) ?? 1,
            str(values['interval']),
          )
        : 0;
    return {
      account_key: str(values['customer']),
      plan: str(values['plan']),
      seats: num(values['quantity']),
      billing_period: str(values['interval']),
      status,
      start_on: dateOf(values['start']),
      end_on: dateOf(values['ended']),
      is_trial: status === 'trialing' ? 1 : 0,
      mrr_minor: status === 'trialing' ? 0 : (mrr ?? 0),
      currency: given?.currency ?? amount?.currency ?? context.currency,
    };
  },
});

/** Satisfaction as a score out of five; good/bad ratings become 5 and 1. */
function satisfaction(value: FieldValue | undefined): number | null {
  if (typeof value === 'number') return value;
  const word = str(value)?.toLowerCase();
  if (word === 'good' || word === 'satisfied') return 5;
  if (word === 'bad' || word === 'unsatisfied') return 1;
  return null;
}

export const helpdeskTickets = defineLayout({
  id: 'helpdesk-tickets',
  source: 'helpdesk',
  entity: 'tickets',
  fields: [
    { name: 'id', kind: 'text', headers: ['ticket id', 'id', 'ticket number'] },
    {
      name: 'organization',
      kind: 'text',
      headers: ['organization', 'company name', 'company', 'account'],
    },
    {
      name: 'created',
      kind: 'instant',
      headers: ['created at', 'created time', 'created', 'opened at'],
    },
    {
      name: 'solved',
      kind: 'instant',
      headers: [
        'solved at',
        'resolved time',
        'closed at',
        'closed time',
        'resolved at',
      ],
    },
    { name: 'priority', kind: 'text', headers: ['priority'] },
    { name: 'status', kind: 'text', headers: ['status'] },
    {
      name: 'rating',
      kind: 'text',
      headers: [
        'satisfaction score',
        'satisfaction rating',
        'csat',
        'customer satisfaction',
      ],
    },
  ],
  requires: [['id'], ['created'], ['rating']],
  required: ['created'],
  onlyWhenPresent: {
    organization: ['account_key'],
    solved: ['closed_at'],
    priority: ['priority'],
    status: ['status'],
  },
  identity: (values) => str(values['id']),
  identityColumns: ['id'],
  toRecord(values) {
    const rating = str(values['rating']);
    const score =
      rating !== null && /^\d+(\.\d+)?$/.test(rating)
        ? Number(rating)
        : satisfaction(rating);
    return {
      account_key: str(values['organization']),
      opened_at: str(values['created']),
      closed_at: str(values['solved']),
      priority: str(values['priority']),
      status: str(values['status']),
      satisfaction_score: score,
    };
  },
});

export const adSpend = defineLayout({
  id: 'ad-spend',
  source: 'ads',
  entity: 'campaign_spend',
  fields: [
    { name: 'campaign', kind: 'text', headers: ['campaign', 'campaign name'] },
    { name: 'day', kind: 'date', headers: ['day', 'date', 'reporting starts'] },
    {
      name: 'cost',
      kind: 'money',
      headers: ['cost', 'spend', 'amount spent', 'amount spent (usd)', 'spent'],
    },
    { name: 'currency', kind: 'text', headers: ['currency', 'currency code'] },
    { name: 'impressions', kind: 'integer', headers: ['impressions', 'impr.'] },
    { name: 'clicks', kind: 'integer', headers: ['clicks', 'link clicks'] },
    {
      name: 'channel',
      kind: 'text',
      headers: ['channel', 'platform', 'network'],
    },
  ],
  requires: [['campaign'], ['day'], ['cost']],
  required: ['day'],
  // One record per campaign and day.
  identity: (values) => {
    const campaign = str(values['campaign']);
    const day = str(values['day']);
    return campaign && day ? `${nameKey(campaign)}:${day}` : null;
  },
  identityColumns: ['campaign', 'day'],
  toRecord(values, context) {
    const cost = inCurrency(
      values['cost'],
      str(values['currency'])?.toUpperCase() ?? null,
      'cost',
    );
    return {
      campaign_key: str(values['campaign']),
      spend_on: str(values['day']),
      amount_minor: cost?.amountMinor ?? 0,
      currency: cost?.currency ?? context.currency,
      impressions: num(values['impressions']),
      clicks: num(values['clicks']),
    };
  },
  relatedRecords(values) {
    const campaign = str(values['campaign']);
    if (!campaign) return [];
    return [
      {
        entity: 'campaigns',
        externalId: campaign,
        fields: { name: campaign, channel: str(values['channel']) },
      },
    ];
  },
});
