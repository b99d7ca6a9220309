// General layouts for the entities the specific exports do not cover:
// companies, leads, products, users, payments, campaigns and activities
// as CRMs and billing systems export them. They are recognised only when a
// header names enough of their fields, and they are what a column mapping
// re-binds when the user maps a file by hand.
import { nameKey } from '../values/numbers.js';
import { emailKey } from './common.js';
import { str, num, dateOf } from './fieldValues.js';
import { defineLayout, inCurrency, type LayoutField } from './layout.js';
import type { FieldValue } from './types.js';

const CURRENCY: LayoutField = {
  name: 'currency',
  kind: 'text',
  headers: ['currency', 'currency code'],
};

/** A domain as people type it, reduced to the host name. */
export function domainKey(value: string | null): string | null {
  const text = value?.trim().toLowerCase();
  if (!text) return null;
  const host = text
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/^www\./, '')
    .split(/[/?#:]/)[0];
  return host ? host : null;
}

export const crmCompanies = defineLayout({
  id: 'crm-companies',
  source: 'crm',
  entity: 'accounts',
  fields: [
    {
      name: 'id',
      kind: 'text',
      headers: ['company id', 'account id', 'organization id', 'record id'],
    },
    {
      name: 'name',
      kind: 'text',
      headers: [
        'company name',
        'account name',
        'organization name',
        'organization - name',
        'name',
      ],
    },
    {
      name: 'domain',
      kind: 'text',
      headers: ['company domain name', 'domain', 'website', 'web site'],
    },
    { name: 'industry', kind: 'text', headers: ['industry', 'sector'] },
    {
      name: 'country',
      kind: 'text',
      headers: ['country', 'country/region', 'billing country'],
    },
    {
      name: 'employees',
      kind: 'integer',
      headers: ['number of employees', 'employees', 'headcount'],
    },
    {
      name: 'revenue',
      kind: 'money',
      headers: ['annual revenue', 'revenue'],
    },
    CURRENCY,
    {
      name: 'owner',
      kind: 'text',
      headers: ['company owner', 'account owner'],
    },
    { name: 'created', kind: 'date', headers: ['create date', 'created date'] },
    {
      name: 'channel',
      kind: 'text',
      headers: ['original source', 'lead source', 'source'],
    },
  ],
  requires: [['id'], ['name'], ['domain', 'industry', 'employees']],
  mappingRequires: [['name']],
  onlyWhenPresent: {
    domain: ['domain'],
    industry: ['industry'],
    country: ['country'],
    employees: ['employees'],
    revenue: ['annual_revenue_minor', 'currency'],
    created: ['signup_on'],
    channel: ['channel'],
  },
  identity: (values) => str(values['id']) ?? str(values['name']),
  identityColumns: ['id', 'name'],
  idField: 'id',
  toRecord(values) {
    const name = str(values['name']) ?? '';
    const revenue = inCurrency(
      values['revenue'],
      str(values['currency'])?.toUpperCase() ?? null,
      'revenue',
    );
    return {
      name,
      name_key: nameKey(name),
      domain: domainKey(str(values['domain'])),
      industry: str(values['industry']),
      country: str(values['country']),
      employees: num(values['employees']),
      annual_revenue_minor: revenue?.amountMinor ?? null,
      currency: revenue?.currency ?? null,
      signup_on: str(values['created']),
      channel: str(values['channel']),
    };
  },
});

export const crmLeads = defineLayout({
  id: 'crm-leads',
  source: 'crm',
  entity: 'leads',
  fields: [
    { name: 'id', kind: 'text', headers: ['lead id', 'record id'] },
    { name: 'email', kind: 'text', headers: ['email', 'email address'] },
    { name: 'company', kind: 'text', headers: ['company', 'company name'] },
    { name: 'status', kind: 'text', headers: ['lead status', 'status'] },
    {
      name: 'channel',
      kind: 'text',
      headers: ['lead source', 'original source', 'source', 'channel'],
    },
    { name: 'owner', kind: 'text', headers: ['lead owner', 'owner'] },
    { name: 'created', kind: 'date', headers: ['create date', 'created date'] },
    {
      name: 'converted',
      kind: 'date',
      headers: ['converted date', 'conversion date'],
    },
  ],
  requires: [['id'], ['email'], ['status'], ['created']],
  mappingRequires: [['id', 'email']],
  onlyWhenPresent: {
    company: ['company'],
    status: ['status'],
    channel: ['channel'],
    created: ['created_on'],
    converted: ['converted_on'],
  },
  identity: (values) => str(values['id']) ?? emailKey(str(values['email'])),
  identityColumns: ['id', 'email'],
  idField: 'id',
  toRecord(values) {
    const email = str(values['email']);
    return {
      email,
      email_key: emailKey(email),
      company: str(values['company']),
      status: str(values['status']),
      channel: str(values['channel']),
      created_on: str(values['created']),
      converted_on: str(values['converted']),
    };
  },
});

export const catalogueProducts = defineLayout({
  id: 'catalogue-products',
  source: 'catalogue',
  entity: 'products',
  fields: [
    {
      name: 'id',
      kind: 'text',
      headers: ['product id', 'sku', 'product code'],
    },
    {
      name: 'name',
      kind: 'text',
      headers: ['product name', 'product', 'name'],
    },
    {
      name: 'family',
      kind: 'text',
      headers: ['product family', 'family', 'series', 'category'],
    },
    {
      name: 'price',
      kind: 'money',
      headers: ['list price', 'unit price', 'price', 'sales price'],
    },
    CURRENCY,
    {
      name: 'recurring',
      kind: 'flag',
      headers: ['recurring', 'is recurring', 'subscription'],
    },
  ],
  requires: [['id'], ['name'], ['price']],
  mappingRequires: [['name']],
  onlyWhenPresent: {
    family: ['family'],
    price: ['list_price_minor', 'currency'],
    recurring: ['is_recurring'],
  },
  identity: (values) => str(values['id']) ?? str(values['name']),
  identityColumns: ['id', 'name'],
  idField: 'id',
  toRecord(values, context) {
    const name = str(values['name']) ?? '';
    const price = inCurrency(
      values['price'],
      str(values['currency'])?.toUpperCase() ?? null,
      'price',
    );
    return {
      name,
      name_key: nameKey(name),
      family: str(values['family']),
      list_price_minor: price?.amountMinor ?? null,
      currency: price?.currency ?? context.currency,
      is_recurring: num(values['recurring']) ?? 0,
    };
  },
});

export const crmUsers = defineLayout({
  id: 'crm-users',
  source: 'crm',
  entity: 'users',
  fields: [
    { name: 'id', kind: 'text', headers: ['user id', 'owner id'] },
    { name: 'name', kind: 'text', headers: ['full name', 'user name', 'name'] },
    { name: 'email', kind: 'text', headers: ['email', 'email address'] },
    { name: 'role', kind: 'text', headers: ['role', 'title', 'job title'] },
    { name: 'manager', kind: 'text', headers: ['manager', 'reports to'] },
    { name: 'active', kind: 'flag', headers: ['active', 'is active'] },
  ],
  requires: [['id'], ['name'], ['email'], ['role', 'manager']],
  mappingRequires: [['name']],
  onlyWhenPresent: {
    email: ['email'],
    role: ['role'],
    manager: ['manager_name'],
    active: ['is_active'],
  },
  identity: (values) =>
    str(values['id']) ?? emailKey(str(values['email'])) ?? str(values['name']),
  identityColumns: ['id', 'email', 'name'],
  idField: 'id',
  toRecord(values) {
    return {
      name: str(values['name']) ?? '',
      email: str(values['email']),
      role: str(values['role']),
      manager_name: str(values['manager']),
      is_active: num(values['active']) ?? 1,
    };
  },
});

export const billingPayments = defineLayout({
  id: 'billing-payments',
  source: 'billing',
  entity: 'payments',
  fields: [
    {
      name: 'id',
      kind: 'text',
      headers: ['payment id', 'charge id', 'transaction id'],
    },
    {
      name: 'paid',
      kind: 'date',
      headers: ['payment date', 'paid on', 'paid'],
    },
    { name: 'amount', kind: 'money', headers: ['amount', 'amount paid'] },
    CURRENCY,
    { name: 'method', kind: 'text', headers: ['payment method', 'method'] },
  ],
  requires: [['id'], ['paid'], ['amount']],
  required: ['paid', 'amount'],
  identity: (values) => str(values['id']),
  identityColumns: ['id'],
  toRecord(values, context) {
    const amount = inCurrency(
      values['amount'],
      str(values['currency'])?.toUpperCase() ?? null,
      'amount',
    );
    return {
      paid_on: str(values['paid']),
      amount_minor: amount?.amountMinor ?? 0,
      currency: amount?.currency ?? context.currency,
      method: str(values['method']),
    };
  },
});

export const marketingCampaigns = defineLayout({
  id: 'marketing-campaigns',
  source: 'marketing',
  entity: 'campaigns',
  fields: [
    { name: 'id', kind: 'text', headers: ['campaign id'] },
    { name: 'name', kind: 'text', headers: ['campaign name', 'campaign'] },
    { name: 'channel', kind: 'text', headers: ['channel', 'type', 'medium'] },
    { name: 'start', kind: 'date', headers: ['start date', 'starts'] },
    { name: 'end', kind: 'date', headers: ['end date', 'ends'] },
  ],
  requires: [['id'], ['name'], ['start', 'end']],
  mappingRequires: [['name']],
  identity: (values) => str(values['id']) ?? str(values['name']),
  identityColumns: ['id', 'name'],
  idField: 'id',
  toRecord(values) {
    return {
      name: str(values['name']) ?? '',
      channel: str(values['channel']),
      start_on: str(values['start']),
      end_on: str(values['end']),
    };
  },
});

export const crmActivities = defineLayout({
  id: 'crm-activities',
  source: 'crm',
  entity: 'activities',
  fields: [
    {
      name: 'id',
      kind: 'text',
      headers: ['activity id', 'engagement id', 'task id'],
    },
    {
      name: 'type',
      kind: 'text',
      headers: ['activity type', 'engagement type', 'type'],
    },
    { name: 'subject', kind: 'text', headers: ['subject', 'title', 'note'] },
    {
      name: 'at',
      kind: 'instant',
      headers: ['activity date', 'date', 'timestamp', 'created at'],
    },
  ],
  requires: [['id'], ['type'], ['at']],
  required: ['at'],
  identity: (values) => str(values['id']),
  identityColumns: ['id'],
  toRecord(values) {
    return {
      type: str(values['type']) ?? 'activity',
      subject: str(values['subject']),
      occurred_at: str(values['at']) ?? dateOf(values['at']),
    };
  },
});

/**
 * Current MRR per customer, as a billing report lists it without dates: a
 * snapshot (no month can be told from it), with the plan kept on the
 * customer's account.
 */
const noFields: Record<string, FieldValue> = {};

export const customerMrr = defineLayout({
  id: 'customer-mrr',
  source: 'billing',
  entity: 'customer_snapshots',
  fields: [
    {
      name: 'customer',
      kind: 'text',
      headers: ['customer_id', 'customer id', 'customer', 'account id'],
    },
    { name: 'plan', kind: 'text', headers: ['plan', 'plan name', 'tier'] },
    {
      name: 'mrr',
      kind: 'money',
      headers: ['mrr', 'monthly recurring revenue'],
    },
    CURRENCY,
  ],
  requires: [['customer'], ['mrr']],
  required: ['mrr'],
  identity: (values) => str(values['customer']),
  identityColumns: ['customer'],
  toRecord(values, context) {
    const mrr = inCurrency(
      values['mrr'],
      str(values['currency'])?.toUpperCase() ?? null,
      'mrr',
    );
    return {
      account_key: str(values['customer']),
      monthly_charges_minor: mrr?.amountMinor ?? null,
      currency: mrr?.currency ?? context.currency,
    };
  },
  relatedRecords(values) {
    const customer = str(values['customer']);
    if (!customer) return [];
    const plan = str(values['plan']);
    return [
      {
        entity: 'accounts',
        externalId: customer,
        fields: plan ? { segment: plan } : noFields,
        insertOnly: { name: customer, name_key: nameKey(customer) },
      },
    ];
  },
});
