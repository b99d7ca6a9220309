// Layouts of churn-analysis exports: a subscriber churn table with one row
// per customer (the IBM Telco sample), and the churn events and feature
// usage of the RavenStack SaaS set, which link to that set's accounts and
// subscriptions by their ids.
import { nameKey } from '../values/numbers.js';
import { str, num } from './fieldValues.js';
import { defineLayout, inCurrency, type LayoutField } from './layout.js';
import type { Preset } from './types.js';

const asIs = (name: string, header: string): LayoutField => ({
  name,
  kind: 'text',
  headers: [header],
});

/** A service column with the store column it is kept in, as worded. */
const SERVICES = [
  ['PhoneService', 'phone_service'],
  ['MultipleLines', 'multiple_lines'],
  ['InternetService', 'internet_service'],
  ['OnlineSecurity', 'online_security'],
  ['OnlineBackup', 'online_backup'],
  ['DeviceProtection', 'device_protection'],
  ['TechSupport', 'tech_support'],
  ['StreamingTV', 'streaming_tv'],
  ['StreamingMovies', 'streaming_movies'],
] as const;

// Who the subscriber is (gender, age band, partner, dependants) is left
// out: revenue reports do not need it.
export const customerChurn = defineLayout({
  id: 'customer-churn',
  source: 'telco',
  entity: 'customer_snapshots',
  fields: [
    asIs('customerID', 'customerid'),
    { name: 'tenure', kind: 'integer', headers: ['tenure'] },
    asIs('Contract', 'contract'),
    asIs('PaymentMethod', 'paymentmethod'),
    { name: 'PaperlessBilling', kind: 'flag', headers: ['paperlessbilling'] },
    ...SERVICES.map(([column]) => asIs(column, column)),
    { name: 'MonthlyCharges', kind: 'money', headers: ['monthlycharges'] },
    // Blank for customers in their first month (tenure 0): nothing billed
    // yet, which is not the same as zero.
    { name: 'TotalCharges', kind: 'money', headers: ['totalcharges'] },
    { name: 'Churn', kind: 'flag', headers: ['churn'] },
  ],
  requires: [
    ['customerID'],
    ['tenure'],
    ['Contract'],
    ['MonthlyCharges'],
    ['Churn'],
  ],
  identity: (values) => str(values['customerID']),
  identityColumns: ['customerID'],
  // Each customer is an account of this source, known by its id: the
  // export names no company, and accounts are what churn and revenue are
  // counted over.
  relatedRecords(values) {
    const customer = str(values['customerID']);
    if (!customer) return [];
    return [
      {
        entity: 'accounts',
        externalId: customer,
        fields: { name: customer, name_key: nameKey(customer) },
      },
    ];
  },
  toRecord(values, context) {
    const monthly = inCurrency(
      values['MonthlyCharges'],
      null,
      'MonthlyCharges',
    );
    const total = inCurrency(values['TotalCharges'], null, 'TotalCharges');
    const services = Object.fromEntries(
      SERVICES.map(([column, stored]) => [stored, str(values[column])]),
    );
    return {
      account_key: str(values['customerID']),
      tenure_months: num(values['tenure']),
      contract: str(values['Contract']),
      payment_method: str(values['PaymentMethod']),
      is_paperless: num(values['PaperlessBilling']),
      ...services,
      monthly_charges_minor: monthly?.amountMinor ?? null,
      total_charges_minor: total?.amountMinor ?? null,
      currency: monthly?.currency ?? total?.currency ?? context.currency,
      is_churned: num(values['Churn']) ?? 0,
    };
  },
});

const churnEventsLayout = defineLayout({
  id: 'saas-churn-events',
  source: 'saas',
  entity: 'churn_events',
  fields: [
    asIs('churn_event_id', 'churn_event_id'),
    asIs('account_id', 'account_id'),
    { name: 'churn_date', kind: 'date', headers: ['churn_date'] },
    asIs('reason_code', 'reason_code'),
    {
      name: 'refund_amount_usd',
      kind: 'money',
      headers: ['refund_amount_usd'],
    },
    {
      name: 'preceding_upgrade_flag',
      kind: 'flag',
      headers: ['preceding_upgrade_flag'],
    },
    {
      name: 'preceding_downgrade_flag',
      kind: 'flag',
      headers: ['preceding_downgrade_flag'],
    },
    { name: 'is_reactivation', kind: 'flag', headers: ['is_reactivation'] },
    asIs('feedback_text', 'feedback_text'),
  ],
  requires: [['churn_event_id'], ['account_id'], ['churn_date']],
  required: ['churn_date'],
  identity: (values) => str(values['churn_event_id']),
  identityColumns: ['churn_event_id'],
  toRecord(values, context) {
    const refund = inCurrency(
      values['refund_amount_usd'],
      null,
      'refund_amount_usd',
    );
    return {
      account_key: str(values['account_id']),
      churned_on: str(values['churn_date']),
      reason: str(values['reason_code']),
      refund_minor: refund?.amountMinor ?? null,
      currency: refund?.currency ?? context.currency,
      is_reactivation: num(values['is_reactivation']) ?? 0,
      has_preceding_upgrade: num(values['preceding_upgrade_flag']),
      has_preceding_downgrade: num(values['preceding_downgrade_flag']),
      feedback: str(values['feedback_text']),
    };
  },
});

/** The refund column names its currency, whatever the workspace uses. */
export const saasChurnEvents: Preset = {
  ...churnEventsLayout,
  map: (row, context) =>
    churnEventsLayout.map(row, { ...context, currency: 'USD' }),
};

export const saasFeatureUsage = defineLayout({
  id: 'saas-feature-usage',
  source: 'saas',
  entity: 'feature_usage',
  fields: [
    asIs('usage_id', 'usage_id'),
    asIs('subscription_id', 'subscription_id'),
    { name: 'usage_date', kind: 'date', headers: ['usage_date'] },
    asIs('feature_name', 'feature_name'),
    { name: 'usage_count', kind: 'integer', headers: ['usage_count'] },
    {
      name: 'usage_duration_secs',
      kind: 'integer',
      headers: ['usage_duration_secs'],
    },
    { name: 'error_count', kind: 'integer', headers: ['error_count'] },
    { name: 'is_beta_feature', kind: 'flag', headers: ['is_beta_feature'] },
  ],
  requires: [
    ['usage_id'],
    ['subscription_id'],
    ['usage_date'],
    ['feature_name'],
  ],
  required: ['usage_date', 'feature_name'],
  // Usage ids are short random codes that repeat across subscriptions (21
  // times in the public set, each time a different use); within its
  // subscription a use is one.
  identity: (values) => {
    const usage = str(values['usage_id']);
    const subscription = str(values['subscription_id']);
    return usage && subscription ? `${subscription}/${usage}` : null;
  },
  identityColumns: ['usage_id', 'subscription_id'],
  toRecord(values) {
    return {
      subscription_key: str(values['subscription_id']),
      used_on: str(values['usage_date']),
      feature: str(values['feature_name']),
      usage_count: num(values['usage_count']),
      duration_seconds: num(values['usage_duration_secs']),
      error_count: num(values['error_count']),
      is_beta: num(values['is_beta_feature']) ?? 0,
    };
  },
});
