// Numbered schema migrations. Each runs in one transaction together with the
// bump of `user_version`, so a failed step leaves the file as it was.
import { initialSchema } from './001-initial-schema.js';
import { contactCompany } from './002-contact-company.js';
import { importRollbacks } from './003-import-rollbacks.js';
import { spendCampaignKey } from './004-spend-campaign-key.js';
import { closingIndex } from './005-closing-index.js';
import { identityAndMappings } from './006-identity-and-mappings.js';
import { datasetTables } from './007-dataset-tables.js';
import { mrrMonthEnds } from './008-mrr-month-ends.js';
import { metricTargets } from './009-metric-targets.js';
import { dealAggregates } from './010-deal-aggregates.js';
import { cashSums } from './011-cash-sums.js';

export type Migration = {
  version: number;
  name: string;
  sql: string;
};

export const MIGRATIONS: readonly Migration[] = [
  initialSchema,
  contactCompany,
  importRollbacks,
  spendCampaignKey,
  closingIndex,
  identityAndMappings,
  datasetTables,
  mrrMonthEnds,
  metricTargets,
  dealAggregates,
  cashSums,
];

export const LATEST_SCHEMA_VERSION = checkedLatest(MIGRATIONS);

function checkedLatest(migrations: readonly Migration[]): number {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(
        `checkedLatest: migration "${migration.name}" has version ` +
          `${migration.version}, expected ${index + 1}`,
      );
    }
  });
  return migrations.length;
}
