// Column mappings made by hand: for a file no layout recognises, the user
// names the field each column holds. A mapping re-binds the general layout
// of its entity, so a mapped file is read, checked and written by exactly
// the rules a recognised one is.
import type { ColumnMapping } from '../../../../shared/contract.js';
import { WorkbenchError } from '../../../../shared/envelope.js';
import { crmContacts, crmDeals, billingInvoices } from './common.js';
import {
  billingPayments,
  catalogueProducts,
  crmActivities,
  crmCompanies,
  crmLeads,
  crmUsers,
  marketingCampaigns,
} from './generic.js';
import {
  defineLayout,
  headerKey,
  type FieldKind,
  type LayoutSpec,
} from './layout.js';
import {
  adSpend,
  billingSubscriptions,
  helpdeskTickets,
} from './operations.js';
import type { Preset } from './types.js';

/** The layout a mapping of each entity re-binds. */
const TARGETS = {
  accounts: crmCompanies,
  contacts: crmContacts,
  leads: crmLeads,
  opportunities: crmDeals,
  products: catalogueProducts,
  subscriptions: billingSubscriptions,
  invoices: billingInvoices,
  payments: billingPayments,
  tickets: helpdeskTickets,
  campaigns: marketingCampaigns,
  campaign_spend: adSpend,
  activities: crmActivities,
  users: crmUsers,
} as const satisfies Record<ColumnMapping['entity'], Preset>;

function layoutOf(entity: ColumnMapping['entity']): LayoutSpec {
  const layout = TARGETS[entity].layout;
  if (!layout) {
    throw new WorkbenchError(
      'internal',
      `layoutOf: the ${entity} target has no layout data`,
    );
  }
  return layout;
}

function requiredGroups(layout: LayoutSpec) {
  return layout.mappingRequires ?? layout.requires;
}

export type MappingTarget = {
  entity: ColumnMapping['entity'];
  source: string;
  fields: {
    name: string;
    kind: FieldKind;
    /** The usual header for the field, as a label. */
    label: string;
  }[];
  /** Groups of fields of which a mapping must give one each. */
  requires: string[][];
};

/** What a mapping of each entity can fill, for the mapping screen. */
export function mappingTargets(): MappingTarget[] {
  return Object.entries(TARGETS).map(([entity, preset]) => {
    const layout = layoutOf(entity as ColumnMapping['entity']);
    return {
      entity: entity as ColumnMapping['entity'],
      source: preset.source,
      fields: layout.fields.map((field) => ({
        name: field.name,
        kind: field.kind,
        label: field.headers[0] ?? field.name,
      })),
      requires: requiredGroups(layout).map((group) => [...group]),
    };
  });
}

/** A guess to start the mapping screen from: the layout's own synonyms. */
export function suggestMapping(
  entity: ColumnMapping['entity'],
  header: readonly string[],
): Record<string, string> {
  const layout = layoutOf(entity);
  const byKey = new Map<string, string>();
  for (const field of layout.fields) {
    for (const name of field.headers) {
      if (!byKey.has(headerKey(name))) byKey.set(headerKey(name), field.name);
    }
  }
  const taken = new Set<string>();
  const columns: Record<string, string> = {};
  for (const column of header) {
    const field = byKey.get(headerKey(column));
    if (field && !taken.has(field)) {
      taken.add(field);
      columns[column] = field;
    }
  }
  return columns;
}

/**
 * The preset a mapping makes. Every mapped column must be in the file, every
 * field named must exist, and the fields that identify a record must be
 * given; each fault is named.
 */
export function presetFromMapping(
  mapping: ColumnMapping,
  header: readonly string[],
  label: string,
): Preset {
  const layout = layoutOf(mapping.entity);
  const fields = new Map(layout.fields.map((field) => [field.name, field]));
  const fileKeys = new Set(header.map(headerKey));
  const headersOf = new Map<string, string>();
  for (const [column, fieldName] of Object.entries(mapping.columns)) {
    if (fieldName === '') continue;
    if (!fields.has(fieldName)) {
      throw new WorkbenchError(
        'invalid_argument',
        `The mapping sends column ${column} to ${fieldName}, which ` +
          `${mapping.entity} do not have. Fields: ` +
          `${[...fields.keys()].join(', ')}.`,
      );
    }
    if (!fileKeys.has(headerKey(column))) {
      throw new WorkbenchError(
        'invalid_argument',
        `The mapping names column ${column}, which the file's header ` +
          'does not have.',
      );
    }
    if (headersOf.has(fieldName)) {
      throw new WorkbenchError(
        'invalid_argument',
        `The mapping sends both ${headersOf.get(fieldName) ?? ''} and ` +
          `${column} to ${fieldName}; choose one.`,
      );
    }
    headersOf.set(fieldName, column);
  }
  const missing = requiredGroups(layout).filter(
    (group) => !group.some((name) => headersOf.has(name)),
  );
  if (missing.length > 0) {
    const named = missing.map((group) => group.join(' or ')).join('; ');
    throw new WorkbenchError(
      'invalid_argument',
      `A mapping of ${mapping.entity} needs a column for: ${named}.`,
    );
  }
  return defineLayout({
    ...layout,
    id: label,
    source: mapping.source ?? layout.source,
    fields: layout.fields
      .filter((field) => headersOf.has(field.name))
      .map((field) => ({
        ...field,
        headers: [headersOf.get(field.name) ?? field.name],
      })),
    requires: requiredGroups(layout),
  });
}
