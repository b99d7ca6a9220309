// Campaigns with monthly spend, and the leads they bring in: one converted
// lead behind every account plus leads that never became customers, so the
// journey funnel has a top.
import { BUSINESS_GROWTH, CompanyNames, type DemoAccount } from './accounts.js';
import type { BulkWriter } from './bulkWriter.js';
import {
  HISTORY_START,
  TODAY,
  addMonths,
  isoDate,
  isoInstant,
  yearOf,
  type Day,
} from './calendar.js';
import { FIRST_NAMES, LAST_NAMES } from './names.js';
import { emailOf, nameKeyOf, type Organisation } from './organisation.js';
import { Random, WeightedPicker } from './random.js';

/** Leads that never converted, per account. */
export const OPEN_LEADS_PER_ACCOUNT = 3;

/** Spend is sized for the default demo and grows with the account count. */
const SPEND_BASE_ACCOUNTS = 300;

type CampaignPlan = {
  /** `{year}` is replaced by the calendar year the campaign starts in. */
  name: string;
  channel: string;
  /** Months after the start of the history window, inclusive. */
  fromMonth: number;
  toMonth: number;
  monthlySpend: number;
  /** Cost per thousand impressions in dollars, null where none are bought. */
  cpm: number | null;
};

const CAMPAIGNS: readonly CampaignPlan[] = [
  {
    name: 'Always-on search',
    channel: 'Paid Search',
    fromMonth: 0,
    toMonth: 35,
    monthlySpend: 9_000,
    cpm: 28,
  },
  {
    name: 'Account-based social {year}',
    channel: 'Paid Social',
    fromMonth: 6,
    toMonth: 17,
    monthlySpend: 7_000,
    cpm: 12,
  },
  {
    name: 'Partner co-marketing',
    channel: 'Partner',
    fromMonth: 9,
    toMonth: 35,
    monthlySpend: 3_000,
    cpm: null,
  },
  {
    name: 'RevOps Summit {year}',
    channel: 'Events',
    fromMonth: 14,
    toMonth: 15,
    monthlySpend: 25_000,
    cpm: null,
  },
  {
    name: 'Pipeline webinar series',
    channel: 'Webinar',
    fromMonth: 19,
    toMonth: 24,
    monthlySpend: 4_000,
    cpm: 20,
  },
  {
    name: 'Spring launch email {year}',
    channel: 'Email',
    fromMonth: 20,
    toMonth: 22,
    monthlySpend: 2_500,
    cpm: 4,
  },
  {
    name: 'RevOps Summit {year}',
    channel: 'Events',
    fromMonth: 26,
    toMonth: 27,
    monthlySpend: 30_000,
    cpm: null,
  },
  {
    name: 'Paid social {year}',
    channel: 'Paid Social',
    fromMonth: 30,
    toMonth: 35,
    monthlySpend: 8_000,
    cpm: 12,
  },
];

export type DemoCampaign = {
  id: number;
  channel: string;
  startDay: Day;
  endDay: Day;
};

export function writeCampaigns(
  writer: BulkWriter,
  seed: number,
  accountCount: number,
): DemoCampaign[] {
  const random = new Random(seed, 'campaigns');
  const spendFactor = Math.max(0.1, accountCount / SPEND_BASE_ACCOUNTS);
  const insertCampaign = writer.inserter(
    'campaigns',
    'id external_id created_at updated_at name channel start_on end_on',
    { source: 'demo' },
  );
  const insertSpend = writer.inserter(
    'campaign_spend',
    `id external_id created_at updated_at campaign_id spend_on amount_minor
      impressions clicks`,
    { source: 'demo', currency: 'USD' },
  );
  let spendId = 0;
  return CAMPAIGNS.map((plan, index) => {
    const id = index + 1;
    const startDay = addMonths(HISTORY_START, plan.fromMonth);
    const endDay = addMonths(HISTORY_START, plan.toMonth + 1) - 1;
    const createdAt = isoInstant(startDay - 14, 36_000);
    insertCampaign([
      id,
      `CMP-${String(id).padStart(3, '0')}`,
      createdAt,
      createdAt,
      plan.name.replace('{year}', String(yearOf(startDay))),
      plan.channel,
      isoDate(startDay),
      isoDate(endDay),
    ]);
    for (let month = plan.fromMonth; month <= plan.toMonth; month += 1) {
      spendId += 1;
      const spendOn = addMonths(HISTORY_START, month);
      const dollars =
        plan.monthlySpend * spendFactor * random.between(0.8, 1.2);
      const impressions =
        plan.cpm === null ? null : Math.round((dollars / plan.cpm) * 1000);
      const clicks =
        impressions === null
          ? null
          : Math.round(impressions * random.between(0.008, 0.035));
      const recordedAt = isoInstant(addMonths(spendOn, 1), 30_000);
      insertSpend([
        spendId,
        `CSP-${String(spendId).padStart(5, '0')}`,
        recordedAt,
        recordedAt,
        id,
        isoDate(spendOn),
        Math.round(dollars) * 100,
        impressions,
        clicks,
      ]);
    }
    return { id, channel: plan.channel, startDay, endDay };
  });
}

export function writeLeads(
  writer: BulkWriter,
  seed: number,
  accounts: readonly DemoAccount[],
  campaigns: readonly DemoCampaign[],
  organisation: Organisation,
): void {
  const random = new Random(seed, 'leads');
  const companies = new CompanyNames(new Random(seed, 'lead-companies'));
  const insertLead = writer.inserter(
    'leads',
    `id external_id created_at updated_at email email_key company status
      channel campaign_id owner_user_id created_on converted_on
      converted_account_id`,
    { source: 'demo' },
  );
  const campaignAt = (day: Day): DemoCampaign | null => {
    const running = campaigns.filter(
      (campaign) => campaign.startDay <= day && day <= campaign.endDay,
    );
    return running.length > 0 && random.chance(0.6)
      ? random.pick(running)
      : null;
  };
  const lateStatus = new WeightedPicker([
    ['Disqualified', 45],
    ['Nurture', 40],
    ['Working', 15],
  ]);
  let leadId = 0;
  const add = (
    company: string,
    domain: string,
    createdDay: Day,
    status: string,
    ownerId: number,
    converted: DemoAccount | null,
  ): void => {
    leadId += 1;
    const campaign = campaignAt(createdDay);
    const email = emailOf(
      random.pick(FIRST_NAMES),
      random.pick(LAST_NAMES),
      domain,
    );
    const createdAt = isoInstant(createdDay, random.int(0, 86_399));
    insertLead([
      leadId,
      `LEAD-${String(leadId).padStart(7, '0')}`,
      createdAt,
      converted ? isoInstant(converted.signupDay, 50_000) : createdAt,
      email,
      email.toLowerCase(),
      company,
      status,
      campaign?.channel ?? converted?.channel ?? 'Outbound',
      campaign?.id ?? null,
      ownerId,
      isoDate(createdDay),
      converted ? isoDate(converted.signupDay) : null,
      converted?.id ?? null,
    ]);
  };
  for (const account of accounts) {
    const createdDay = account.signupDay - random.int(5, 60);
    add(
      account.name,
      account.domain,
      createdDay,
      'Converted',
      account.ownerId,
      account,
    );
  }
  const openLeads = accounts.length * OPEN_LEADS_PER_ACCOUNT;
  for (let index = 0; index < openLeads; index += 1) {
    const { name, stem } = companies.next();
    const createdDay =
      HISTORY_START +
      Math.floor((TODAY - HISTORY_START + 1) * random.rising(BUSINESS_GROWTH));
    const isRecent = TODAY - createdDay < 30;
    const status = isRecent
      ? random.pick(['New', 'Working'])
      : lateStatus.pick(random);
    const team = random.pick(organisation.teams);
    add(
      name,
      `${nameKeyOf(stem)}.example`,
      createdDay,
      status,
      random.pick(team.agents).id,
      null,
    );
  }
}
