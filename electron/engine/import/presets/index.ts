// The preset registry: a file's layout is recognised from its header.
import { WorkbenchError } from '../../../../shared/envelope.js';
import {
  mavenAccounts,
  mavenPipeline,
  mavenProducts,
  mavenTeams,
} from './maven.js';
import { billingInvoices, crmContacts, crmDeals } from './common.js';
import {
  funnelDeals,
  funnelLeads,
  receivables,
  saasAccounts,
  saasSubscriptions,
  saasTickets,
} from './datasets.js';
import {
  adSpend,
  billingSubscriptions,
  helpdeskTickets,
} from './operations.js';
import { customerChurn, saasChurnEvents, saasFeatureUsage } from './churn.js';
import { categoryLabels, marketplaceSellers } from './marketplace.js';
import { exchangeRates } from './exchangeRates.js';
import {
  billingPayments,
  catalogueProducts,
  crmActivities,
  crmCompanies,
  crmLeads,
  crmUsers,
  customerMrr,
  marketingCampaigns,
} from './generic.js';
import type { Preset } from './types.js';

export const PRESETS: readonly Preset[] = [
  mavenPipeline,
  mavenAccounts,
  mavenProducts,
  mavenTeams,
  saasAccounts,
  saasSubscriptions,
  saasTickets,
  receivables,
  funnelLeads,
  funnelDeals,
  customerChurn,
  saasChurnEvents,
  saasFeatureUsage,
  marketplaceSellers,
  categoryLabels,
  exchangeRates,
  crmDeals,
  billingInvoices,
  crmContacts,
  billingSubscriptions,
  helpdeskTickets,
  adSpend,
  crmCompanies,
  crmLeads,
  catalogueProducts,
  crmUsers,
  billingPayments,
  marketingCampaigns,
  crmActivities,
  customerMrr,
];

export type BoundPreset = {
  preset: Preset;
  /** The preset's column name to its position in the file. */
  binding: Map<string, number>;
};

/**
 * The preset whose columns the header holds; the one that finds most of its
 * columns wins, so a specific layout beats a general one.
 */
export function recognisePreset(
  header: ReadonlyMap<string, number>,
  entity?: string,
): BoundPreset | null {
  let best: BoundPreset | null = null;
  for (const preset of PRESETS) {
    if (entity !== undefined && preset.entity !== entity) continue;
    const binding = preset.bind(header);
    if (binding && (!best || binding.size > best.binding.size)) {
      best = { preset, binding };
    }
  }
  return best;
}

export function presetById(id: string): Preset {
  const preset = PRESETS.find((candidate) => candidate.id === id);
  if (!preset) {
    const known = PRESETS.map((candidate) => candidate.id).join(', ');
    throw new WorkbenchError(
      'invalid_argument',
      `No import preset named ${id}. Known presets: ${known}.`,
    );
  }
  return preset;
}

export function listPresets() {
  return PRESETS.map((preset) => ({
    id: preset.id,
    entity: preset.entity,
    columns: [...preset.columns],
  }));
}
