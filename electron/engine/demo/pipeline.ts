// Opportunities and their stage history. Deals are streamed straight to
// the database, never held, so a million of them fit in a small heap; only
// won bookings per rep and quarter are kept, for the quotas.
import { BUSINESS_GROWTH, type DemoAccount } from './accounts.js';
import type { BulkWriter } from './bulkWriter.js';
import {
  HISTORY_START,
  TODAY,
  isoDate,
  isoInstant,
  quarterStart,
  type Day,
} from './calendar.js';
import {
  ACQUISITION_CHANNELS,
  CHANNEL_WIN_SHIFT,
  OPEN_STAGES,
  SEATS_BY_SEGMENT,
  type Segment,
} from './catalogue.js';
import { shapeDeal, type DealShape } from './dealShape.js';
import {
  platformPickers,
  type DemoProduct,
  type Organisation,
  type SalesAgent,
} from './organisation.js';
import { Random, WeightedPicker } from './random.js';

/** Won amount in dollars per rep id, then per quarter start day. */
export type Bookings = Map<number, Map<Day, number>>;

const BASE_WIN_RATE = 0.42;
const LEAD_IN_DAYS = 75;

const CYCLE_MEDIAN_DAYS: Record<Segment, number> = {
  SMB: 35,
  'Mid-Market': 65,
  Enterprise: 105,
};

const PRODUCT_KIND = new WeightedPicker([
  ['platform', 72],
  ['addon', 18],
  ['service', 10],
] as const);

export function writePipeline(
  writer: BulkWriter,
  seed: number,
  count: number,
  accounts: readonly DemoAccount[],
  organisation: Organisation,
): Bookings {
  if (count > 0 && accounts.length === 0) {
    throw new RangeError('writePipeline: deals need at least one account');
  }
  const random = new Random(seed, 'opportunities');
  const insertDeal = writer.inserter(
    'opportunities',
    `id external_id created_at updated_at name account_name account_id
      owner_name owner_user_id product_name product_id stage status
      probability forecast_category created_on engaged_on closed_on
      expected_close_on amount_minor channel`,
    { source: 'demo', currency: 'USD' },
  );
  const insertStep = writer.inserter(
    'opportunity_stage_history',
    'opportunity_id from_stage to_stage changed_on recorded_at',
  );
  const products = new ProductChooser(organisation.products);
  const channels = new WeightedPicker(ACQUISITION_CHANNELS);
  const agentsById = new Map(
    organisation.agents.map((agent) => [agent.id, agent]),
  );
  const bookings: Bookings = new Map();

  const bySignup = [...accounts].sort(
    (left, right) => left.signupDay - right.signupDay || left.id - right.id,
  );
  // Deals opened shortly before the window close inside it, so that its
  // first quarter has bookings like any other.
  const firstDay = HISTORY_START - LEAD_IN_DAYS;
  const window = TODAY - firstDay + 1;

  for (let index = 0; index < count; index += 1) {
    const id = index + 1;
    const drawnDay =
      firstDay + Math.floor(window * random.rising(BUSINESS_GROWTH));
    // Only accounts that exist by then can have a deal opened.
    const known = Math.max(1, signedUpBy(bySignup, drawnDay));
    const account = bySignup[Math.floor(known * random.next())] as DemoAccount;
    const createdDay = Math.max(drawnDay, account.signupDay);
    const owner = random.chance(0.8)
      ? (agentsById.get(account.ownerId) as SalesAgent)
      : random.pick(organisation.teamOf(account.region).agents);
    const channel = random.chance(0.65)
      ? account.channel
      : channels.pick(random);
    const product = products.choose(random, account.segment);
    const winProbability =
      BASE_WIN_RATE + (CHANNEL_WIN_SHIFT[channel] ?? 0) + owner.winShift;
    const shape = shapeDeal(
      random,
      createdDay,
      CYCLE_MEDIAN_DAYS[account.segment],
      winProbability,
    );
    const dollars = dealDollars(random, product, account.segment);
    const firstSecond = random.int(28_800, 57_600);
    const recordedAt = shape.steps.map((step, stepIndex) =>
      isoInstant(step.day, firstSecond + stepIndex * 900),
    );
    insertDeal(
      dealRow(id, account, owner, product, shape, dollars, channel, {
        createdAt: recordedAt[0] ?? '',
        updatedAt: recordedAt[recordedAt.length - 1] ?? '',
      }),
    );
    let previousStage: string | null = null;
    for (const [stepIndex, step] of shape.steps.entries()) {
      insertStep([
        id,
        previousStage,
        step.stage,
        isoDate(step.day),
        recordedAt[stepIndex],
      ]);
      previousStage = step.stage;
    }
    if (shape.status === 'won' && shape.closedDay !== null) {
      addBooking(bookings, owner.id, shape.closedDay, dollars);
    }
  }
  return bookings;
}

/** How many accounts, sorted by signup, had signed up on `day`. */
function signedUpBy(bySignup: readonly DemoAccount[], day: Day): number {
  let low = 0;
  let high = bySignup.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((bySignup[middle] as DemoAccount).signupDay <= day) low = middle + 1;
    else high = middle;
  }
  return low;
}

function dealRow(
  id: number,
  account: DemoAccount,
  owner: SalesAgent,
  product: DemoProduct,
  shape: DealShape,
  dollars: number,
  channel: string,
  stamps: { createdAt: string; updatedAt: string },
): unknown[] {
  const current = shape.steps[shape.steps.length - 1];
  const openStage = OPEN_STAGES[shape.openStage];
  return [
    id,
    `OPP-${String(id).padStart(7, '0')}`,
    stamps.createdAt,
    stamps.updatedAt,
    `${account.name} - ${product.name}`,
    account.name,
    account.id,
    owner.name,
    owner.id,
    product.name,
    product.id,
    current?.stage,
    shape.status,
    openStage?.probability ?? (shape.status === 'won' ? 1 : 0),
    openStage?.forecastCategory ??
      (shape.status === 'won' ? 'Closed' : 'Omitted'),
    isoDate(shape.steps[0]?.day ?? TODAY),
    shape.engagedDay === null ? null : isoDate(shape.engagedDay),
    shape.closedDay === null ? null : isoDate(shape.closedDay),
    isoDate(shape.expectedCloseDay),
    dollars * 100,
    channel,
  ];
}

function addBooking(
  bookings: Bookings,
  ownerId: number,
  closedDay: Day,
  dollars: number,
): void {
  let byQuarter = bookings.get(ownerId);
  if (!byQuarter) {
    byQuarter = new Map();
    bookings.set(ownerId, byQuarter);
  }
  const quarter = quarterStart(closedDay);
  byQuarter.set(quarter, (byQuarter.get(quarter) ?? 0) + dollars);
}

/** Annual contract value in whole dollars: seats times price, then noise. */
function dealDollars(
  random: Random,
  product: DemoProduct,
  segment: Segment,
): number {
  const [fewest, most] = SEATS_BY_SEGMENT[segment];
  const seats = Math.round(
    Math.exp(random.between(Math.log(fewest), Math.log(most))),
  );
  const listDollars = product.listPriceMinor / 100;
  let value: number;
  if (product.kind === 'service') {
    value = listDollars * random.int(1, 3);
  } else {
    const units = product.isFlat ? 1 : seats;
    value = listDollars * units * 12 * (1 - random.between(0, 0.2));
  }
  const noisy = value * random.logNormal(1, 0.35);
  return Math.max(500, Math.round(noisy / 100) * 100);
}

class ProductChooser {
  private readonly platform: Record<Segment, WeightedPicker<DemoProduct>>;
  private readonly addons: DemoProduct[];
  private readonly services: DemoProduct[];

  constructor(products: readonly DemoProduct[]) {
    this.platform = platformPickers(products);
    this.addons = products.filter((product) => product.kind === 'addon');
    this.services = products.filter((product) => product.kind === 'service');
  }

  choose(random: Random, segment: Segment): DemoProduct {
    switch (PRODUCT_KIND.pick(random)) {
      case 'platform':
        return this.platform[segment].pick(random);
      case 'addon':
        return random.pick(this.addons);
      case 'service':
        return random.pick(this.services);
    }
  }
}
