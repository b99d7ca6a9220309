// Layouts of public sample exports people use to try revenue tools: the
// RavenStack SaaS set (accounts, subscriptions, support tickets), the IBM
// accounts-receivable sample and the Olist marketing funnel (qualified
// leads and closed deals). Their headers are specific enough to be
// recognised before the general layouts.
import { nameKey } from '../values/numbers.js';
import { defineLayout, inCurrency } from './layout.js';
import { str, num, dateOf } from './fieldValues.js';

export const saasAccounts = defineLayout({
  id: 'saas-accounts',
  source: 'saas',
  entity: 'accounts',
  fields: [
    { name: 'account_id', kind: 'text', headers: ['account_id'] },
    { name: 'account_name', kind: 'text', headers: ['account_name'] },
    { name: 'industry', kind: 'text', headers: ['industry'] },
    { name: 'country', kind: 'text', headers: ['country'] },
    { name: 'signup_date', kind: 'date', headers: ['signup_date'] },
    { name: 'referral_source', kind: 'text', headers: ['referral_source'] },
    { name: 'plan_tier', kind: 'text', headers: ['plan_tier'] },
    { name: 'seats', kind: 'integer', headers: ['seats'] },
    { name: 'is_trial', kind: 'flag', headers: ['is_trial'] },
  ],
  requires: [['account_id'], ['account_name'], ['signup_date'], ['plan_tier']],
  identity: (values) => str(values['account_id']),
  identityColumns: ['account_id'],
  toRecord(values) {
    const name = str(values['account_name']) ?? str(values['account_id']) ?? '';
    return {
      name,
      name_key: nameKey(name),
      industry: str(values['industry']),
      country: str(values['country']),
      signup_on: str(values['signup_date']),
      channel: str(values['referral_source']),
      segment: str(values['plan_tier']),
    };
  },
});

export const saasSubscriptions = defineLayout({
  id: 'saas-subscriptions',
  source: 'saas',
  entity: 'subscriptions',
  fields: [
    { name: 'subscription_id', kind: 'text', headers: ['subscription_id'] },
    { name: 'account_id', kind: 'text', headers: ['account_id'] },
    { name: 'start_date', kind: 'date', headers: ['start_date'] },
    { name: 'end_date', kind: 'date', headers: ['end_date'] },
    { name: 'plan_tier', kind: 'text', headers: ['plan_tier'] },
    { name: 'seats', kind: 'integer', headers: ['seats'] },
    { name: 'mrr_amount', kind: 'money', headers: ['mrr_amount', 'mrr'] },
    { name: 'is_trial', kind: 'flag', headers: ['is_trial'] },
    { name: 'billing_frequency', kind: 'text', headers: ['billing_frequency'] },
    { name: 'auto_renew_flag', kind: 'flag', headers: ['auto_renew_flag'] },
  ],
  requires: [
    ['subscription_id'],
    ['account_id'],
    ['start_date'],
    ['mrr_amount'],
  ],
  identity: (values) => str(values['subscription_id']),
  identityColumns: ['subscription_id'],
  toRecord(values, context) {
    const mrr = inCurrency(values['mrr_amount'], null, 'mrr_amount');
    return {
      account_key: str(values['account_id']),
      start_on: str(values['start_date']),
      end_on: str(values['end_date']),
      plan: str(values['plan_tier']),
      seats: num(values['seats']),
      mrr_minor: mrr?.amountMinor ?? 0,
      currency: mrr?.currency ?? context.currency,
      is_trial: num(values['is_trial']) ?? 0,
      billing_period: str(values['billing_frequency']),
      auto_renew: num(values['auto_renew_flag']),
    };
  },
});

export const saasTickets = defineLayout({
  id: 'saas-tickets',
  source: 'saas',
  entity: 'tickets',
  fields: [
    { name: 'ticket_id', kind: 'text', headers: ['ticket_id'] },
    { name: 'account_id', kind: 'text', headers: ['account_id'] },
    { name: 'submitted_at', kind: 'instant', headers: ['submitted_at'] },
    { name: 'closed_at', kind: 'instant', headers: ['closed_at'] },
    {
      name: 'resolution_time_hours',
      kind: 'decimal',
      headers: ['resolution_time_hours'],
    },
    { name: 'priority', kind: 'text', headers: ['priority'] },
    {
      name: 'first_response_time_minutes',
      kind: 'decimal',
      headers: ['first_response_time_minutes'],
    },
    {
      name: 'satisfaction_score',
      kind: 'decimal',
      headers: ['satisfaction_score'],
    },
    { name: 'escalation_flag', kind: 'flag', headers: ['escalation_flag'] },
  ],
  requires: [['ticket_id'], ['submitted_at'], ['satisfaction_score']],
  identity: (values) => str(values['ticket_id']),
  identityColumns: ['ticket_id'],
  toRecord(values) {
    return {
      account_key: str(values['account_id']),
      opened_at: str(values['submitted_at']),
      closed_at: str(values['closed_at']),
      resolution_hours: num(values['resolution_time_hours']),
      priority: str(values['priority']),
      first_response_minutes: num(values['first_response_time_minutes']),
      satisfaction_score: num(values['satisfaction_score']),
      is_escalated: num(values['escalation_flag']) ?? 0,
    };
  },
});

export const receivables = defineLayout({
  id: 'receivables',
  source: 'receivables',
  entity: 'invoices',
  fields: [
    { name: 'invoiceNumber', kind: 'text', headers: ['invoicenumber'] },
    { name: 'customerID', kind: 'text', headers: ['customerid'] },
    { name: 'InvoiceDate', kind: 'date', headers: ['invoicedate'] },
    { name: 'DueDate', kind: 'date', headers: ['duedate'] },
    { name: 'SettledDate', kind: 'date', headers: ['settleddate'] },
    { name: 'PaperlessDate', kind: 'date', headers: ['paperlessdate'] },
    { name: 'InvoiceAmount', kind: 'money', headers: ['invoiceamount'] },
    { name: 'Disputed', kind: 'flag', headers: ['disputed'] },
  ],
  requires: [
    ['invoiceNumber'],
    ['InvoiceDate'],
    ['DueDate'],
    ['SettledDate'],
    ['InvoiceAmount'],
    ['Disputed'],
  ],
  // Spreadsheets re-save numeric invoice numbers without their leading
  // zeros; the identity ignores them so both copies name one invoice.
  identity: (values) =>
    str(values['invoiceNumber'])?.replace(/^0+(?=\d)/, '') ?? null,
  identityColumns: ['invoiceNumber'],
  keepsZeros: ['number'],
  toRecord(values, context) {
    const amount = inCurrency(values['InvoiceAmount'], null, 'InvoiceAmount');
    return {
      number: str(values['invoiceNumber']),
      account_key: str(values['customerID']),
      issued_on: str(values['InvoiceDate']),
      due_on: str(values['DueDate']),
      settled_on: str(values['SettledDate']),
      amount_minor: amount?.amountMinor ?? 0,
      currency: amount?.currency ?? context.currency,
      is_disputed: num(values['Disputed']) ?? 0,
    };
  },
});

export const funnelLeads = defineLayout({
  id: 'funnel-leads',
  source: 'funnel',
  entity: 'leads',
  fields: [
    { name: 'mql_id', kind: 'text', headers: ['mql_id'] },
    {
      name: 'first_contact_date',
      kind: 'date',
      headers: ['first_contact_date'],
    },
    { name: 'origin', kind: 'text', headers: ['origin'] },
  ],
  requires: [['mql_id'], ['first_contact_date']],
  identity: (values) => str(values['mql_id']),
  identityColumns: ['mql_id'],
  toRecord(values) {
    return {
      created_on: str(values['first_contact_date']),
      channel: str(values['origin']),
    };
  },
});

export const funnelDeals = defineLayout({
  id: 'funnel-deals',
  source: 'funnel',
  entity: 'opportunities',
  fields: [
    { name: 'mql_id', kind: 'text', headers: ['mql_id'] },
    { name: 'seller_id', kind: 'text', headers: ['seller_id'] },
    { name: 'sr_id', kind: 'text', headers: ['sr_id'] },
    { name: 'won_date', kind: 'instant', headers: ['won_date'] },
    { name: 'business_segment', kind: 'text', headers: ['business_segment'] },
    { name: 'lead_type', kind: 'text', headers: ['lead_type'] },
  ],
  requires: [['mql_id'], ['seller_id'], ['won_date']],
  identity: (values) => str(values['mql_id']),
  identityColumns: ['mql_id'],
  // The qualified lead this deal came from was converted on its won date.
  relatedRecords: (values) => {
    const lead = str(values['mql_id']);
    const won = dateOf(values['won_date']);
    if (!lead || !won) return [];
    return [
      {
        entity: 'leads',
        externalId: lead,
        fields: { converted_on: won, status: 'converted' },
      },
    ];
  },
  toRecord(values, context) {
    return {
      name: str(values['business_segment']),
      account_name: str(values['seller_id']),
      owner_name: str(values['sr_id']),
      stage: 'Won',
      status: 'won',
      closed_on: dateOf(values['won_date']),
      channel: str(values['lead_type']),
      currency: context.currency,
    };
  },
});
