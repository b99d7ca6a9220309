// Contacts keep the company name as the export wrote it, so that the same
// person under `Kestrel Labs` and `Kestrel Labs, Inc.` can be shown with
// the evidence, and linked to an account once one matches.
import type { Migration } from './index.js';

export const contactCompany: Migration = {
  version: 2,
  name: 'contact company name',
  sql: `
ALTER TABLE contacts ADD COLUMN company_name TEXT;
CREATE INDEX contacts_company ON contacts(company_name);
`,
};
