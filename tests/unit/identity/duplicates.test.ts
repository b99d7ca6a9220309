import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import {
  companyKey,
  findDuplicates,
  untaggedEmail,
} from '../../../electron/engine/identity/duplicates.js';
import { importFile } from '../../../electron/engine/import/runImport.js';
import {
  importCasesDir,
  tempWorkspace,
  type TempDir,
} from '../../support/workspace.js';

let temp: TempDir | undefined;
afterEach(() => temp?.remove());

describe('duplicate suggestions', () => {
  it('sets aside case, punctuation and legal form of company names', () => {
    expect(companyKey('Kestrel Labs, Inc.')).toBe('kestrel labs');
    expect(companyKey('ACME Inc')).toBe(companyKey('Acme, Inc.'));
    expect(companyKey('Müller & Söhne GmbH')).toBe('müller & söhne');
    expect(companyKey('Co')).toBe('co');
    expect(untaggedEmail(' Jon.Sample+crm@Example.org')).toBe(
      'jon.sample@example.org',
    );
  });

  it.skipIf(!existsSync(join(importCasesDir, '14-duplicate-contacts.csv')))(
    'offers the tagged address and the company variant of case 14, merging nothing',
    async () => {
      const workspace = tempWorkspace();
      temp = workspace.temp;
      const path = join(importCasesDir, '14-duplicate-contacts.csv');
      await importFile(
        workspace.db,
        { path, name: '14-duplicate-contacts.csv', preset: null },
        { isCancelled: () => false, onProgress: () => undefined },
      );
      // The companies the contacts name become accounts, spelled as read.
      const suggestions = findDuplicates(workspace.db);
      expect(suggestions).toEqual([
        {
          entity: 'accounts',
          ids: [1, 2],
          labels: ['Kestrel Labs (crm)', 'Kestrel Labs, Inc. (crm)'],
          evidence:
            'The names match once case, punctuation and legal form are set aside.',
        },
        {
          entity: 'accounts',
          ids: [3, 4],
          labels: ['Orchard Row Ltd (crm)', 'Orchard Row (crm)'],
          evidence:
            'The names match once case, punctuation and legal form are set aside.',
        },
        {
          entity: 'contacts',
          ids: [2, 3],
          labels: [
            'Jon Sample <jon.sample@example.org>, Orchard Row Ltd',
            'Jonathan Sample <jon.sample+crm@example.org>, Orchard Row',
          ],
          evidence: 'The e-mail addresses are the same apart from a +tag.',
        },
      ]);
      // Each contact is linked to the account its company names.
      expect(
        workspace.db
          .prepare(
            `SELECT c.email, a.name FROM contacts c
               LEFT JOIN accounts a ON a.id = c.account_id ORDER BY c.id`,
          )
          .all(),
      ).toEqual([
        {
          email: 'Mira.Testwell@Example.com',
          name: 'Kestrel Labs, Inc.',
        },
        { email: 'jon.sample@example.org', name: 'Orchard Row Ltd' },
        { email: 'jon.sample+crm@example.org', name: 'Orchard Row' },
        { email: null, name: 'Bluefin Analytics' },
      ]);
      // Suggestions only: all four contacts are still there.
      expect(
        workspace.db.prepare('SELECT count(*) AS n FROM contacts').get(),
      ).toEqual({ n: 4 });
    },
  );
});
