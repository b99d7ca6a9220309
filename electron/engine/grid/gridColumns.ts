// What each grid shows: a fixed list of columns and the SQL behind each.
// Sorting, filtering and search only ever name columns from this list.
import type { GridColumn, GridEntity } from '../../../shared/contract.js';
import { THREE_DECIMAL, ZERO_DECIMAL } from '../../../shared/money.js';

export type ColumnSpec = GridColumn & {
  sql: string;
  /** For money: the SQL of its currency code. */
  currencySql?: string;
};

export type GridSpec = {
  from: string;
  /** A unique key of the base table, the last sort key for stable pages. */
  key: string;
  /** The base table alone: counting all rows needs none of the joins. */
  table: string;
  columns: ColumnSpec[];
};

const quoted = (codes: Set<string>) =>
  [...codes].map((code) => `'${code}'`).join(', ');

/** 10^exponent of a currency column, in SQL. */
export function minorPerMajorSql(currencySql: string): string {
  return `(CASE WHEN ${currencySql} IN (${quoted(ZERO_DECIMAL)}) THEN 1
    WHEN ${currencySql} IN (${quoted(THREE_DECIMAL)}) THEN 1000 ELSE 100 END)`;
}

const text = (id: string, sql: string): ColumnSpec => ({
  id,
  type: 'text',
  sql,
});
const num = (id: string, sql: string): ColumnSpec => ({
  id,
  type: 'number',
  sql,
});
const date = (id: string, sql: string): ColumnSpec => ({
  id,
  type: 'date',
  sql,
});
const instant = (id: string, sql: string): ColumnSpec => ({
  id,
  type: 'instant',
  sql,
});
const money = (id: string, sql: string, currencySql: string): ColumnSpec => ({
  id,
  type: 'money',
  sql,
  currencySql,
});
const origin = (alias: string): ColumnSpec[] => [
  text('source', `${alias}.source`),
  num('batch', `${alias}.batch_id`),
];

export const GRID_SPECS: Record<GridEntity, GridSpec> = {
  opportunities: {
    key: 'o.id',
    table: 'opportunities o',
    from: `opportunities o
      LEFT JOIN accounts a ON a.id = o.account_id
      LEFT JOIN users u ON u.id = o.owner_user_id
      LEFT JOIN teams t ON t.id = u.team_id
      LEFT JOIN products p ON p.id = o.product_id`,
    columns: [
      text('id', 'o.external_id'),
      text('account', 'coalesce(a.name, o.account_name)'),
      text('owner', 'coalesce(u.name, o.owner_name)'),
      text('manager', 'u.manager_name'),
      text('region', 't.region'),
      text('product', 'coalesce(p.name, o.product_name)'),
      text('stage', 'o.stage'),
      text('status', 'o.status'),
      date('engagedOn', 'o.engaged_on'),
      date('createdOn', 'o.created_on'),
      date('closedOn', 'o.closed_on'),
      money('amount', 'o.amount_minor', 'o.currency'),
      text('currency', 'o.currency'),
      ...origin('o'),
    ],
  },
  accounts: {
    key: 'a.id',
    table: 'accounts a',
    from: 'accounts a LEFT JOIN accounts parent ON parent.id = a.parent_account_id',
    columns: [
      text('name', 'a.name'),
      text('industry', 'a.industry'),
      text('country', 'a.country'),
      text('segment', 'a.segment'),
      num('employees', 'a.employees'),
      money('annualRevenue', 'a.annual_revenue_minor', 'a.currency'),
      text('currency', 'a.currency'),
      num('yearEstablished', 'a.year_established'),
      text('parent', 'coalesce(parent.name, a.parent_name)'),
      text('city', 'a.city'),
      text('region', 'a.region'),
      text('postalCode', 'a.postal_code'),
      ...origin('a'),
    ],
  },
  products: {
    key: 'p.id',
    table: 'products p',
    from: 'products p',
    columns: [
      text('name', 'p.name'),
      text('family', 'p.family'),
      money('listPrice', 'p.list_price_minor', 'p.currency'),
      text('currency', 'p.currency'),
      ...origin('p'),
    ],
  },
  users: {
    key: 'u.id',
    table: 'users u',
    from: 'users u LEFT JOIN teams t ON t.id = u.team_id',
    columns: [
      text('name', 'u.name'),
      text('role', 'u.role'),
      text('manager', 'u.manager_name'),
      text('region', 't.region'),
      ...origin('u'),
    ],
  },
  subscriptions: {
    key: 's.id',
    table: 'subscriptions s',
    from: 'subscriptions s LEFT JOIN accounts a ON a.id = s.account_id',
    columns: [
      text('id', 's.external_id'),
      text('account', 'coalesce(a.name, s.account_key)'),
      text('plan', 's.plan'),
      date('startOn', 's.start_on'),
      date('endOn', 's.end_on'),
      money('mrr', 's.mrr_minor', 's.currency'),
      text('currency', 's.currency'),
      num('seats', 's.seats'),
      text('billing', 's.billing_period'),
      num('isTrial', 's.is_trial'),
      ...origin('s'),
    ],
  },
  invoices: {
    key: 'i.id',
    table: 'invoices i',
    from: 'invoices i LEFT JOIN accounts a ON a.id = i.account_id',
    columns: [
      text('number', 'i.number'),
      text('account', 'coalesce(a.name, i.account_key)'),
      date('issuedOn', 'i.issued_on'),
      date('dueOn', 'i.due_on'),
      date('settledOn', 'i.settled_on'),
      money('amount', 'i.amount_minor', 'i.currency'),
      text('currency', 'i.currency'),
      text('status', 'i.status'),
      num('isDisputed', 'i.is_disputed'),
      ...origin('i'),
    ],
  },
  tickets: {
    key: 'k.id',
    table: 'tickets k',
    from: 'tickets k LEFT JOIN accounts a ON a.id = k.account_id',
    columns: [
      text('id', 'k.external_id'),
      text('account', 'coalesce(a.name, k.account_key)'),
      instant('openedAt', 'k.opened_at'),
      instant('closedAt', 'k.closed_at'),
      text('priority', 'k.priority'),
      num('firstResponseMinutes', 'k.first_response_minutes'),
      num('resolutionHours', 'k.resolution_hours'),
      num('satisfaction', 'k.satisfaction_score'),
      ...origin('k'),
    ],
  },
  customer_snapshots: {
    key: 'c.id',
    table: 'customer_snapshots c',
    from: 'customer_snapshots c LEFT JOIN accounts a ON a.id = c.account_id',
    columns: [
      text('id', 'c.external_id'),
      text('account', 'coalesce(a.name, c.account_key)'),
      num('tenureMonths', 'c.tenure_months'),
      text('contract', 'c.contract'),
      text('paymentMethod', 'c.payment_method'),
      num('isPaperless', 'c.is_paperless'),
      money('monthlyCharges', 'c.monthly_charges_minor', 'c.currency'),
      money('totalCharges', 'c.total_charges_minor', 'c.currency'),
      text('currency', 'c.currency'),
      num('isChurned', 'c.is_churned'),
      text('phoneService', 'c.phone_service'),
      text('multipleLines', 'c.multiple_lines'),
      text('internetService', 'c.internet_service'),
      text('onlineSecurity', 'c.online_security'),
      text('onlineBackup', 'c.online_backup'),
      text('deviceProtection', 'c.device_protection'),
      text('techSupport', 'c.tech_support'),
      text('streamingTv', 'c.streaming_tv'),
      text('streamingMovies', 'c.streaming_movies'),
      ...origin('c'),
    ],
  },
  churn_events: {
    key: 'e.id',
    table: 'churn_events e',
    from: 'churn_events e LEFT JOIN accounts a ON a.id = e.account_id',
    columns: [
      text('id', 'e.external_id'),
      text('account', 'coalesce(a.name, e.account_key)'),
      date('churnedOn', 'e.churned_on'),
      text('reason', 'e.reason'),
      money('refund', 'e.refund_minor', 'e.currency'),
      text('currency', 'e.currency'),
      num('isReactivation', 'e.is_reactivation'),
      num('hasPrecedingUpgrade', 'e.has_preceding_upgrade'),
      num('hasPrecedingDowngrade', 'e.has_preceding_downgrade'),
      text('feedback', 'e.feedback'),
      ...origin('e'),
    ],
  },
  feature_usage: {
    key: 'f.id',
    table: 'feature_usage f',
    from: 'feature_usage f LEFT JOIN accounts a ON a.id = f.account_id',
    columns: [
      text('id', 'f.external_id'),
      text('subscription', 'f.subscription_key'),
      text('account', 'a.name'),
      date('usedOn', 'f.used_on'),
      text('feature', 'f.feature'),
      num('usageCount', 'f.usage_count'),
      num('durationSeconds', 'f.duration_seconds'),
      num('errorCount', 'f.error_count'),
      num('isBeta', 'f.is_beta'),
      ...origin('f'),
    ],
  },
  category_labels: {
    key: 'l.id',
    table: 'category_labels l',
    from: 'category_labels l',
    columns: [
      text('name', 'l.name'),
      text('label', 'l.label'),
      text('language', 'l.language'),
      ...origin('l'),
    ],
  },
  // The rate is shown as stored: decimal text, never rounded for display.
  exchange_rates: {
    key: 'r.id',
    table: 'exchange_rates r',
    from: 'exchange_rates r',
    columns: [
      date('rateOn', 'r.rate_on'),
      text('fromCurrency', 'r.from_currency'),
      text('toCurrency', 'r.to_currency'),
      text('rate', 'r.rate'),
      ...origin('r'),
    ],
  },
};
