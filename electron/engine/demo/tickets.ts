// Support tickets, opened while the customer had a subscription. Response
// and resolution times depend on priority; slow resolutions earn lower
// satisfaction scores, and many surveys go unanswered.
import type { DemoAccount } from './accounts.js';
import type { BulkWriter } from './bulkWriter.js';
import {
  HISTORY_START,
  SECONDS_PER_DAY,
  TODAY,
  instantOfSeconds,
  type Day,
} from './calendar.js';
import { Random, WeightedPicker } from './random.js';
import type { PlannedSubscription } from './subscriptions.js';

type Priority = 'Low' | 'Normal' | 'High' | 'Urgent';

const PRIORITY = new WeightedPicker<Priority>([
  ['Low', 35],
  ['Normal', 40],
  ['High', 18],
  ['Urgent', 7],
]);

/** Median minutes to first response and hours to resolution. */
const SERVICE_LEVEL: Record<Priority, { response: number; hours: number }> = {
  Low: { response: 480, hours: 60 },
  Normal: { response: 180, hours: 30 },
  High: { response: 60, hours: 12 },
  Urgent: { response: 20, hours: 4 },
};

const SURVEY_ANSWER_RATE = 0.6;

/** The moment "now" stands for on the anchor day. */
const NOW_SECONDS = TODAY * SECONDS_PER_DAY + 18 * 3600;

export type TicketOptions = {
  count: number;
  subscriptions: readonly PlannedSubscription[];
  accounts: readonly DemoAccount[];
};

export function writeTickets(
  writer: BulkWriter,
  seed: number,
  options: TicketOptions,
): void {
  if (options.count > 0 && options.accounts.length === 0) {
    throw new RangeError('writeTickets: tickets need at least one account');
  }
  const random = new Random(seed, 'tickets');
  const insertTicket = writer.inserter(
    'tickets',
    `id external_id created_at updated_at account_id account_key opened_at
      closed_at priority status first_response_minutes resolution_hours
      satisfaction_score is_escalated`,
    { source: 'demo' },
  );
  const subscriptions = options.subscriptions;
  for (let index = 0; index < options.count; index += 1) {
    const id = index + 1;
    const { account, openedDay } =
      subscriptions.length > 0
        ? whileSubscribed(random, random.pick(subscriptions))
        : anyTime(random, random.pick(options.accounts));
    const priority = PRIORITY.pick(random);
    const level = SERVICE_LEVEL[priority];
    // Working hours in the customer's day, roughly, rather than at night.
    const openedSeconds = Math.min(
      NOW_SECONDS - 600,
      openedDay * SECONDS_PER_DAY + random.int(6 * 3600, 22 * 3600),
    );
    const responseMinutes = round1(random.logNormal(level.response, 0.7));
    const hours = round1(Math.max(0.2, random.logNormal(level.hours, 0.9)));
    const closedSeconds = openedSeconds + hours * 3600;
    const isClosed = closedSeconds <= NOW_SECONDS;
    const hasResponded = openedSeconds + responseMinutes * 60 <= NOW_SECONDS;
    const isEscalated =
      priority === 'Urgent'
        ? random.chance(0.3)
        : hours > level.hours * 3 && random.chance(0.5);
    const openedAt = instantOfSeconds(openedSeconds);
    const closedAt = isClosed ? instantOfSeconds(closedSeconds) : null;
    insertTicket([
      id,
      `TCK-${String(id).padStart(7, '0')}`,
      openedAt,
      closedAt ?? openedAt,
      account.id,
      account.nameKey,
      openedAt,
      closedAt,
      priority,
      isClosed ? 'closed' : hasResponded ? 'pending' : 'open',
      hasResponded ? responseMinutes : null,
      isClosed ? hours : null,
      isClosed && random.chance(SURVEY_ANSWER_RATE)
        ? satisfaction(random, hours / level.hours)
        : null,
      isEscalated ? 1 : 0,
    ]);
  }
}

function whileSubscribed(
  random: Random,
  subscription: PlannedSubscription,
): { account: DemoAccount; openedDay: Day } {
  const last = Math.min(subscription.endDay ?? TODAY, TODAY);
  const first = Math.min(subscription.startDay, last);
  return {
    account: subscription.account,
    openedDay: first + random.int(0, last - first),
  };
}

function anyTime(
  random: Random,
  account: DemoAccount,
): { account: DemoAccount; openedDay: Day } {
  const first = Math.max(account.signupDay, HISTORY_START);
  return {
    account,
    openedDay: first + random.int(0, Math.max(0, TODAY - first)),
  };
}

/** 1 to 5; a resolution far slower than usual pulls the score down. */
function satisfaction(random: Random, slowness: number): number {
  const shift = slowness > 2 ? 1.2 : slowness > 1 ? 0.5 : 0;
  const raw = random.normal() * 1.1 + 4.4 - shift;
  return Math.min(5, Math.max(1, Math.round(raw)));
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
