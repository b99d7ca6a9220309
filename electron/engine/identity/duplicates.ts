// Likely duplicates across imports: the same company written with and
// without its legal form or punctuation (`Acme, Inc.` and `ACME Inc`), the
// same person under a tagged address (`jon+crm@…`), or under the same name
// at the same company. They are offered with the evidence, never merged
// silently.
import type { Db } from '../store/database.js';

const LEGAL_FORMS = new Set([
  'inc',
  'incorporated',
  'ltd',
  'limited',
  'llc',
  'llp',
  'plc',
  'corp',
  'corporation',
  'co',
  'company',
  'gmbh',
  'ag',
  'sa',
  'sarl',
  'bv',
  'nv',
  'kk',
  'pty',
  'oy',
  'ab',
]);

/** A company name with case, punctuation and legal form set aside. */
export function companyKey(name: string): string {
  const words = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s&]/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);
  while (words.length > 1 && LEGAL_FORMS.has(words[words.length - 1] ?? '')) {
    words.pop();
  }
  return words.join(' ');
}

/** An address with its `+tag` set aside: `jon+crm@x.org` is `jon@x.org`. */
export function untaggedEmail(email: string): string {
  const [local = '', domain = ''] = email.trim().toLowerCase().split('@');
  return `${local.replace(/\+.*$/, '')}@${domain}`;
}

export type DuplicateSuggestion = {
  entity: 'accounts' | 'contacts';
  ids: number[];
  labels: string[];
  evidence: string;
};

type AccountRow = {
  id: number;
  name: string;
  source: string;
  domain: string | null;
};
type ContactRow = {
  id: number;
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  company_name: string | null;
};

function groupBy<T>(rows: T[], key: (row: T) => string | null) {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const value = key(row);
    if (value === null || value === '') continue;
    groups.set(value, [...(groups.get(value) ?? []), row]);
  }
  return [...groups.values()].filter((group) => group.length > 1);
}

export function findDuplicates(db: Db): DuplicateSuggestion[] {
  const suggestions: DuplicateSuggestion[] = [];
  const accounts = db
    .prepare(
      `SELECT id, name, source, domain FROM accounts
        WHERE merged_into_id IS NULL ORDER BY id`,
    )
    .all() as AccountRow[];
  const offered = new Map<string, DuplicateSuggestion>();
  const offerAccounts = (group: AccountRow[], evidence: string) => {
    const key = group.map((row) => row.id).join(',');
    const earlier = offered.get(key);
    // The same records found twice: one suggestion with both reasons.
    if (earlier) {
      earlier.evidence += ` ${evidence}`;
      return;
    }
    const suggestion: DuplicateSuggestion = {
      entity: 'accounts',
      ids: group.map((row) => row.id),
      labels: group.map((row) => `${row.name} (${row.source})`),
      evidence,
    };
    offered.set(key, suggestion);
    suggestions.push(suggestion);
  };
  for (const group of groupBy(accounts, (row) => companyKey(row.name))) {
    offerAccounts(
      group,
      'The names match once case, punctuation and legal form are set aside.',
    );
  }
  for (const group of groupBy(accounts, (row) => row.domain)) {
    offerAccounts(
      group,
      `The same web domain (${group[0]?.domain ?? ''}) once "www." and ` +
        'the address around it are set aside.',
    );
  }
  const contacts = db
    .prepare(
      'SELECT id, email, first_name, last_name, company_name FROM contacts WHERE merged_into_id IS NULL ORDER BY id',
    )
    .all() as ContactRow[];
  const label = (row: ContactRow) =>
    [row.first_name, row.last_name].filter(Boolean).join(' ') +
    (row.email ? ` <${row.email.trim()}>` : '') +
    (row.company_name ? `, ${row.company_name}` : '');
  const seen = new Set<string>();
  const offer = (group: ContactRow[], evidence: string) => {
    const key = group.map((row) => row.id).join(',');
    if (seen.has(key)) return;
    seen.add(key);
    suggestions.push({
      entity: 'contacts',
      ids: group.map((row) => row.id),
      labels: group.map(label),
      evidence,
    });
  };
  for (const group of groupBy(contacts, (row) =>
    row.email ? untaggedEmail(row.email) : null,
  )) {
    offer(group, 'The e-mail addresses are the same apart from a +tag.');
  }
  for (const group of groupBy(contacts, (row) =>
    row.last_name && row.company_name
      ? `${row.last_name.toLowerCase()}|${companyKey(row.company_name)}`
      : null,
  )) {
    offer(group, 'Same last name at the same company.');
  }
  return suggestions;
}
