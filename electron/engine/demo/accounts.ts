// Customer accounts and their contacts. Accounts are planned in memory
// first because deals, subscriptions, invoices and tickets all hang off
// them.
import type { BulkWriter } from './bulkWriter.js';
import {
  HISTORY_START,
  TODAY,
  isoDate,
  isoInstant,
  type Day,
} from './calendar.js';
import {
  ACQUISITION_CHANNELS,
  EMPLOYEE_RANGE,
  INDUSTRIES,
  REGIONS,
  SEGMENTS,
  type Region,
  type Segment,
} from './catalogue.js';
import {
  COMPANY_FIRST_WORDS,
  COMPANY_SECOND_WORDS,
  COMPANY_SUFFIXES,
  CONTACT_TITLES,
  FIRST_NAMES,
  LAST_NAMES,
} from './names.js';
import { emailOf, nameKeyOf, type Organisation } from './organisation.js';
import { Random, WeightedPicker } from './random.js';

export type PayerProfile = 'prompt' | 'slow' | 'poor';

export type DemoAccount = {
  id: number;
  name: string;
  nameKey: string;
  domain: string;
  region: Region;
  country: string;
  segment: Segment;
  industry: string;
  employees: number;
  channel: string;
  signupDay: Day;
  ownerId: number;
  teamId: number;
  parent: DemoAccount | null;
  payer: PayerProfile;
};

/**
 * Some accounts signed up in the half year before the window, so that the
 * company already has recurring revenue on the window's first day.
 */
const INSTALLED_BASE_SHARE = 0.2;
const INSTALLED_BASE_DAYS = 182;
const LATEST_SIGNUP: Day = TODAY - 14;

/** New business at the end of the window against its start. */
export const BUSINESS_GROWTH = 1.2;

/** Makes company names that stay unique across a large run. */
export class CompanyNames {
  private readonly random: Random;
  private readonly used = new Set<string>();

  constructor(random: Random) {
    this.random = random;
  }

  next(): { name: string; stem: string } {
    for (let attempt = 0; ; attempt += 1) {
      const words = [this.random.pick(COMPANY_FIRST_WORDS)];
      if (this.random.chance(0.35)) {
        words.push(this.random.pick(COMPANY_FIRST_WORDS));
      }
      words.push(this.random.pick(COMPANY_SECOND_WORDS));
      // Past this point the word lists are nearly spent; a number keeps
      // very large runs unique without looping for long.
      if (attempt > 20) words.push(String(this.used.size));
      const stem = words.join(' ');
      const name = `${stem} ${this.random.pick(COMPANY_SUFFIXES)}`;
      const key = nameKeyOf(name);
      if (!this.used.has(key)) {
        this.used.add(key);
        return { name, stem };
      }
    }
  }
}

export function planAccounts(
  count: number,
  seed: number,
  organisation: Organisation,
): DemoAccount[] {
  const random = new Random(seed, 'accounts');
  const names = new CompanyNames(random);
  const regionPicker = new WeightedPicker(
    REGIONS.map(
      (entry) =>
        [
          {
            region: entry.region,
            countries: new WeightedPicker(entry.countries),
          },
          entry.weight,
        ] as const,
    ),
  );
  const segmentPicker = new WeightedPicker(SEGMENTS);
  const channelPicker = new WeightedPicker(ACQUISITION_CHANNELS);
  const payerPicker = new WeightedPicker<PayerProfile>([
    ['prompt', 70],
    ['slow', 25],
    ['poor', 5],
  ]);
  const possibleParents: DemoAccount[] = [];
  const accounts: DemoAccount[] = [];
  for (let index = 0; index < count; index += 1) {
    const { name, stem } = names.next();
    const regionEntry = regionPicker.pick(random);
    const segment = segmentPicker.pick(random);
    const [low, high] = EMPLOYEE_RANGE[segment];
    const team = organisation.teamOf(regionEntry.region);
    const signupDay = random.chance(INSTALLED_BASE_SHARE)
      ? HISTORY_START - random.int(1, INSTALLED_BASE_DAYS)
      : HISTORY_START +
        Math.floor(
          (LATEST_SIGNUP - HISTORY_START + 1) * random.rising(BUSINESS_GROWTH),
        );
    const hasParent =
      segment !== 'SMB' && possibleParents.length > 5 && random.chance(0.05);
    const account: DemoAccount = {
      id: index + 1,
      name,
      nameKey: nameKeyOf(name),
      domain: `${nameKeyOf(stem)}.example`,
      region: regionEntry.region,
      country: regionEntry.countries.pick(random),
      segment,
      industry: random.pick(INDUSTRIES),
      employees: Math.round(
        Math.exp(random.between(Math.log(low), Math.log(high))),
      ),
      channel: channelPicker.pick(random),
      signupDay,
      ownerId: random.pick(team.agents).id,
      teamId: team.id,
      parent: hasParent ? random.pick(possibleParents) : null,
      payer: payerPicker.pick(random),
    };
    if (segment === 'Enterprise') possibleParents.push(account);
    accounts.push(account);
  }
  return accounts;
}

export function writeAccounts(
  writer: BulkWriter,
  seed: number,
  accounts: readonly DemoAccount[],
): void {
  const random = new Random(seed, 'account-details');
  const insertAccount = writer.inserter(
    'accounts',
    `id external_id created_at updated_at name name_key domain industry
      country segment employees annual_revenue_minor year_established
      parent_name parent_account_id owner_user_id signup_on channel`,
    { source: 'demo', currency: 'USD' },
  );
  for (const account of accounts) {
    const createdAt = isoInstant(account.signupDay, random.int(28_800, 64_800));
    const revenuePerHead = random.logNormal(180_000, 0.4);
    const revenueDollars =
      Math.round((account.employees * revenuePerHead) / 1000) * 1000;
    insertAccount([
      account.id,
      `ACC-${String(account.id).padStart(6, '0')}`,
      createdAt,
      createdAt,
      account.name,
      account.nameKey,
      account.domain,
      account.industry,
      account.country,
      account.segment,
      account.employees,
      revenueDollars * 100,
      random.int(1950, 2021),
      account.parent?.name ?? null,
      account.parent?.id ?? null,
      account.ownerId,
      isoDate(account.signupDay),
      account.channel,
    ]);
  }
  writeContacts(writer, random, accounts);
}

function writeContacts(
  writer: BulkWriter,
  random: Random,
  accounts: readonly DemoAccount[],
): void {
  const insertContact = writer.inserter(
    'contacts',
    `id external_id created_at updated_at account_id first_name last_name
      email email_key phone title created_on`,
    { source: 'demo' },
  );
  const perAccount = new WeightedPicker([
    [1, 35],
    [2, 35],
    [3, 20],
    [4, 10],
  ]);
  let contactId = 0;
  for (const account of accounts) {
    const contacts = perAccount.pick(random);
    for (let index = 0; index < contacts; index += 1) {
      contactId += 1;
      const first = random.pick(FIRST_NAMES);
      const last = random.pick(LAST_NAMES);
      const email = emailOf(first, last, account.domain);
      const createdDay = Math.min(
        TODAY,
        account.signupDay + random.int(0, 120),
      );
      const createdAt = isoInstant(createdDay, random.int(28_800, 64_800));
      insertContact([
        contactId,
        `CON-${String(contactId).padStart(7, '0')}`,
        createdAt,
        createdAt,
        account.id,
        first,
        last,
        email,
        email.toLowerCase(),
        // 555-0100 to 555-0199 are set aside for fiction.
        `+1 555-01${String(random.int(0, 99)).padStart(2, '0')}`,
        random.pick(CONTACT_TITLES),
        isoDate(createdDay),
      ]);
    }
  }
}
