// Layouts for the exports users bring most: deals from CRMs (HubSpot-,
// Salesforce- and Pipedrive-style headers), invoices from billing systems,
// and contacts. Any header spelling below binds, whatever its case,
// spacing or punctuation.
import { nameKey } from '../values/numbers.js';
import { defineLayout, inCurrency, type LayoutField } from './layout.js';
import { str } from './fieldValues.js';

function stageStatus(stage: string | null): 'open' | 'won' | 'lost' {
  const key = (stage ?? '').toLowerCase();
  if (/\bwon\b|closedwon/.test(key)) return 'won';
  if (/\blost\b|closedlost/.test(key)) return 'lost';
  return 'open';
}

/** Trimmed and lower-cased: how two spellings of one address meet. */
export function emailKey(email: string | null): string | null {
  const trimmed = email?.trim().toLowerCase();
  return trimmed ? trimmed : null;
}

const CURRENCY: LayoutField = {
  name: 'currency',
  kind: 'text',
  headers: [
    'currency',
    'currency code',
    'deal currency',
    'opportunity currency',
    'amount currency',
  ],
};

export const crmDeals = defineLayout({
  id: 'crm-deals',
  source: 'crm',
  entity: 'opportunities',
  fields: [
    {
      name: 'id',
      kind: 'text',
      headers: ['deal id', 'record id', 'opportunity id', 'deal_id', 'id'],
    },
    {
      name: 'name',
      kind: 'text',
      headers: [
        'deal name',
        'deal title',
        'opportunity name',
        'deal',
        'opportunity',
        'title',
        'name',
      ],
    },
    {
      name: 'amount',
      kind: 'money',
      headers: [
        'amount',
        'deal value',
        'value',
        'deal amount',
        'close value',
        'amount usd',
      ],
    },
    CURRENCY,
    {
      name: 'stage',
      kind: 'text',
      headers: ['stage', 'deal stage', 'dealstage', 'status', 'pipeline stage'],
    },
    {
      name: 'close',
      kind: 'date',
      headers: [
        'close date',
        'closedate',
        'expected close date',
        'deal expected close date',
        'deal close date',
        'won date',
        'won time',
        'deal won time',
        'closed on',
      ],
    },
    {
      name: 'created',
      kind: 'date',
      headers: [
        'create date',
        'created date',
        'created',
        'deal created',
        'created on',
        'created at',
        'deal add time',
        'add time',
      ],
    },
    {
      name: 'owner',
      kind: 'text',
      headers: [
        'deal owner',
        'opportunity owner',
        'owner',
        'owner name',
        'sales rep',
        'sales agent',
      ],
    },
    {
      name: 'account',
      kind: 'text',
      headers: [
        'company',
        'company name',
        'account name',
        'account',
        'organization',
        'organisation',
        'deal organization',
        'organization name',
        'associated company',
      ],
    },
  ],
  requires: [['amount'], ['id', 'name']],
  idField: 'id',
  onlyWhenPresent: {
    name: ['name'],
    stage: ['stage', 'status', 'closed_on', 'expected_close_on'],
    close: ['closed_on', 'expected_close_on'],
    created: ['created_on'],
    owner: ['owner_name'],
    account: ['account_name'],
  },
  identity: (values) => str(values['id']) ?? str(values['name']),
  identityColumns: ['id', 'name'],
  toRecord(values, context) {
    const status = stageStatus(str(values['stage']));
    const amount = inCurrency(
      values['amount'],
      str(values['currency']),
      'amount',
    );
    return {
      name: str(values['name']),
      stage: str(values['stage']) ?? 'Open',
      status,
      closed_on: status === 'open' ? null : str(values['close']),
      expected_close_on: status === 'open' ? str(values['close']) : null,
      created_on: str(values['created']),
      owner_name: str(values['owner']),
      account_name: str(values['account']),
      amount_minor: amount?.amountMinor ?? null,
      currency: amount?.currency ?? str(values['currency']) ?? context.currency,
    };
  },
});

export const billingInvoices = defineLayout({
  id: 'billing-invoices',
  source: 'billing',
  entity: 'invoices',
  fields: [
    {
      name: 'number',
      kind: 'text',
      headers: [
        'invoice id',
        'invoice_id',
        'invoice number',
        'invoicenumber',
        'invoice no',
        'number',
        'id',
      ],
    },
    {
      name: 'customer',
      kind: 'text',
      headers: [
        'customer',
        'customer id',
        'customerid',
        'customer name',
        'account',
        'client',
      ],
    },
    {
      name: 'issued',
      kind: 'date',
      headers: [
        'invoice date',
        'invoicedate',
        'date',
        'issue date',
        'issued',
        'created',
        'created utc',
      ],
    },
    { name: 'due', kind: 'date', headers: ['due date', 'duedate', 'due'] },
    {
      name: 'settled',
      kind: 'date',
      headers: [
        'paid date',
        'paid at',
        'settled date',
        'settleddate',
        'paid on',
        'payment date',
      ],
    },
    {
      name: 'amount',
      kind: 'money',
      headers: [
        'amount',
        'total',
        'amount due',
        'invoice amount',
        'invoiceamount',
        'amount paid',
      ],
    },
    CURRENCY,
    { name: 'disputed', kind: 'flag', headers: ['disputed', 'is disputed'] },
  ],
  requires: [['number'], ['issued'], ['amount']],
  required: ['issued', 'amount'],
  onlyWhenPresent: {
    customer: ['account_key'],
    due: ['due_on'],
    settled: ['settled_on'],
    disputed: ['is_disputed'],
  },
  keepsZeros: ['number'],
  identity: (values) => str(values['number']),
  identityColumns: ['number'],
  toRecord(values, context) {
    const amount = inCurrency(
      values['amount'],
      str(values['currency']),
      'amount',
    );
    return {
      number: str(values['number']),
      account_key: str(values['customer']),
      issued_on: str(values['issued']),
      due_on: str(values['due']),
      settled_on: str(values['settled']),
      amount_minor: amount?.amountMinor ?? 0,
      currency: amount?.currency ?? context.currency,
      is_disputed:
        typeof values['disputed'] === 'number' ? values['disputed'] : 0,
    };
  },
});

export const crmContacts = defineLayout({
  id: 'crm-contacts',
  source: 'crm',
  entity: 'contacts',
  fields: [
    {
      name: 'email',
      kind: 'text',
      headers: ['email', 'e-mail', 'email address', 'work email'],
    },
    {
      name: 'first',
      kind: 'text',
      headers: ['first name', 'firstname', 'first_name', 'given name'],
    },
    {
      name: 'last',
      kind: 'text',
      headers: ['last name', 'lastname', 'last_name', 'surname', 'family name'],
    },
    {
      name: 'company',
      kind: 'text',
      headers: [
        'company',
        'company name',
        'account name',
        'account',
        'organization',
      ],
    },
    {
      name: 'phone',
      kind: 'text',
      headers: ['phone', 'phone number', 'mobile'],
    },
    { name: 'title', kind: 'text', headers: ['job title', 'title'] },
  ],
  requires: [['email'], ['first', 'last']],
  onlyWhenPresent: {
    first: ['first_name'],
    last: ['last_name'],
    company: ['company_name'],
    phone: ['phone'],
    title: ['title'],
  },
  // A contact without an address is kept, known by name and company.
  identity: (values) =>
    emailKey(str(values['email'])) ??
    nameKey(
      [values['first'], values['last'], values['company']]
        .filter(Boolean)
        .join(' '),
    ) ??
    null,
  identityColumns: ['email', 'first name and last name'],
  toRecord(values) {
    return {
      email: str(values['email']),
      email_key: emailKey(str(values['email'])),
      first_name: str(values['first']),
      last_name: str(values['last']),
      company_name: str(values['company']),
      phone: str(values['phone']),
      title: str(values['title']),
    };
  },
  // The company a contact names is an account of the same source, as the
  // CRM exported it; spelling variants stay apart and are offered as
  // likely duplicates rather than merged silently.
  relatedRecords(values) {
    const company = str(values['company']);
    if (!company) return [];
    return [
      {
        entity: 'accounts',
        externalId: company,
        fields: {},
        insertOnly: { name: company, name_key: nameKey(company) },
      },
    ];
  },
});
