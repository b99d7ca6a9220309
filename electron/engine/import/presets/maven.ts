// The Maven Analytics "CRM Sales Opportunities" export: four files joined by
// names rather than ids. Its quirks: deals without account or close date,
// the product written `GTXPro` in the pipeline but `GTX Pro` in the product
// list (joined by name key), and account revenue in millions of USD.
import { nameKey } from '../values/numbers.js';
import { calendarDate, integer, money, requiredText, text } from './cells.js';
import {
  bindExact,
  type EntityRecord,
  type MappedRow,
  type Preset,
} from './types.js';

const SOURCE = 'maven-crm';
const MILLIONS = 6;

const MAVEN_STAGES = new Set(['prospecting', 'engaging', 'won', 'lost']);

function reject(column: string, value: string, reason: string): MappedRow {
  return { kind: 'rejected', problem: { column, value, reason } };
}

function statusOfStage(stage: string): 'open' | 'won' | 'lost' {
  const key = stage.toLowerCase();
  if (key === 'won' || key === 'closed won') return 'won';
  if (key === 'lost' || key === 'closed lost') return 'lost';
  return 'open';
}

export const mavenPipeline: Preset = {
  id: 'maven-pipeline',
  source: SOURCE,
  entity: 'opportunities',
  columns: [
    'opportunity_id',
    'sales_agent',
    'product',
    'account',
    'deal_stage',
    'engage_date',
    'close_date',
    'close_value',
  ],
  dateColumns: ['engage_date', 'close_date'],
  moneyColumns: ['close_value'],
  bind(header) {
    return bindExact(this.columns)(header);
  },
  map(row, context) {
    const stage = requiredText(row, 'deal_stage');
    if (!MAVEN_STAGES.has(stage.toLowerCase())) {
      return reject(
        'deal_stage',
        stage,
        'Not a stage of this export (Prospecting, Engaging, Won or Lost).',
      );
    }
    const status = statusOfStage(stage);
    const engagedOn = calendarDate(row, 'engage_date', context);
    const closedOn = calendarDate(row, 'close_date', context);
    const amount = money(row, 'close_value', context);
    if (status !== 'open' && closedOn === null) {
      return reject('close_date', '', `A ${stage} deal needs a close date.`);
    }
    if (status === 'open' && closedOn !== null) {
      return reject(
        'close_date',
        closedOn,
        `A deal still ${stage} cannot have a close date.`,
      );
    }
    if (engagedOn !== null && closedOn !== null && closedOn < engagedOn) {
      return reject(
        'close_date',
        closedOn,
        `The deal closes before it was engaged (${engagedOn}).`,
      );
    }
    if (amount !== null && amount.amountMinor < 0) {
      return reject(
        'close_value',
        row.get('close_value'),
        'A deal value cannot be negative.',
      );
    }
    return {
      kind: 'records',
      records: [
        {
          entity: 'opportunities',
          externalId: requiredText(row, 'opportunity_id'),
          fields: {
            owner_name: text(row, 'sales_agent'),
            product_name: text(row, 'product'),
            account_name: text(row, 'account'),
            stage,
            status,
            engaged_on: engagedOn,
            closed_on: closedOn,
            amount_minor: amount?.amountMinor ?? null,
            currency: amount?.currency ?? context.currency,
          },
        },
      ],
    };
  },
};

export const mavenAccounts: Preset = {
  id: 'maven-accounts',
  source: SOURCE,
  entity: 'accounts',
  columns: [
    'account',
    'sector',
    'year_established',
    'revenue',
    'employees',
    'office_location',
    'subsidiary_of',
  ],
  dateColumns: [],
  moneyColumns: ['revenue'],
  bind(header) {
    return bindExact(this.columns)(header);
  },
  map(row, context) {
    const name = requiredText(row, 'account');
    const revenue = money(row, 'revenue', context, MILLIONS);
    return {
      kind: 'records',
      records: [
        {
          entity: 'accounts',
          externalId: name,
          fields: {
            name,
            name_key: nameKey(name),
            industry: text(row, 'sector'),
            year_established: integer(row, 'year_established', context),
            annual_revenue_minor: revenue?.amountMinor ?? null,
            currency: revenue?.currency ?? null,
            employees: integer(row, 'employees', context),
            country: text(row, 'office_location'),
            parent_name: text(row, 'subsidiary_of'),
          },
        },
      ],
    };
  },
};

export const mavenProducts: Preset = {
  id: 'maven-products',
  source: SOURCE,
  entity: 'products',
  columns: ['product', 'series', 'sales_price'],
  dateColumns: [],
  moneyColumns: ['sales_price'],
  bind(header) {
    return bindExact(this.columns)(header);
  },
  map(row, context) {
    const name = requiredText(row, 'product');
    const price = money(row, 'sales_price', context);
    return {
      kind: 'records',
      records: [
        {
          entity: 'products',
          externalId: name,
          fields: {
            name,
            name_key: nameKey(name),
            family: text(row, 'series'),
            list_price_minor: price?.amountMinor ?? null,
            currency: price?.currency ?? null,
          },
        },
      ],
    };
  },
};

export const mavenTeams: Preset = {
  id: 'maven-teams',
  source: SOURCE,
  entity: 'users',
  columns: ['sales_agent', 'manager', 'regional_office'],
  dateColumns: [],
  moneyColumns: [],
  bind(header) {
    return bindExact(this.columns)(header);
  },
  map(row) {
    const agent = requiredText(row, 'sales_agent');
    const manager = text(row, 'manager');
    const region = text(row, 'regional_office');
    const records: EntityRecord[] = [
      {
        entity: 'users',
        externalId: agent,
        fields: { name: agent, role: 'sales agent', manager_name: manager },
      },
    ];
    if (manager) {
      records.push({
        entity: 'teams',
        externalId: manager,
        fields: { name: manager, region, manager_name: manager },
      });
    }
    return { kind: 'records', records };
  },
};
