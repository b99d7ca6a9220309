// Ad-platform exports name a spend row's campaign by name; the key is kept
// so the row links to its campaign whichever file arrives first.
import type { Migration } from './index.js';

export const spendCampaignKey: Migration = {
  version: 4,
  name: 'campaign key on spend',
  sql: `
ALTER TABLE campaign_spend ADD COLUMN campaign_key TEXT;
CREATE INDEX campaign_spend_day ON campaign_spend(spend_on);
`,
};
