// Subscriptions follow a customer journey per account: an optional trial,
// a paid platform plan that may churn, an add-on bought later (expansion)
// and sometimes dropped early (contraction), and a return after churn
// (reactivation). Planned in memory because invoices and tickets follow
// them.
import type { DemoAccount } from './accounts.js';
import type { BulkWriter } from './bulkWriter.js';
import { TODAY, addMonths, isoDate, isoInstant, type Day } from './calendar.js';
import { SEATS_BY_SEGMENT, type Segment } from './catalogue.js';
import { platformPickers, type DemoProduct } from './organisation.js';
import { Random, WeightedPicker } from './random.js';

export type SubscriptionStatus =
  'active' | 'cancelled' | 'trialing' | 'converted' | 'expired';

export type BillingPeriod = 'monthly' | 'annual';

export type PlannedSubscription = {
  id: number;
  account: DemoAccount;
  product: DemoProduct;
  plan: string;
  status: SubscriptionStatus;
  startDay: Day;
  /** The first day no longer covered; null while it runs. */
  endDay: Day | null;
  quantity: number;
  unitPriceMinor: number;
  mrrMinor: number;
  billing: BillingPeriod | null;
  isTrial: boolean;
};

const TRIAL_DAYS = 14;
const TRIAL_SHARE = 0.3;
const TRIAL_CONVERSION = 0.6;
const ADDON_SHARE = 0.35;
const ADDON_DROP_SHARE = 0.25;
const REACTIVATION_SHARE = 0.25;

const MONTHLY_CHURN: Record<Segment, number> = {
  SMB: 0.025,
  'Mid-Market': 0.012,
  Enterprise: 0.006,
};

const ANNUAL_SHARE: Record<Segment, number> = {
  SMB: 0.2,
  'Mid-Market': 0.45,
  Enterprise: 0.75,
};

export function planSubscriptions(
  count: number,
  seed: number,
  accounts: readonly DemoAccount[],
  products: readonly DemoProduct[],
): PlannedSubscription[] {
  if (count > 0 && accounts.length === 0) {
    throw new RangeError('planSubscriptions: need at least one account');
  }
  const planner = new JourneyPlanner(new Random(seed, 'subscriptions'), {
    count,
    products,
  });
  const random = new Random(seed, 'subscription-order');
  const order = random.shuffle(accounts.slice());
  // Accounts are visited in a random order; when there are more
  // subscriptions than one journey per account, later visits open further
  // subscriptions, as another department of the same customer would.
  for (let visit = 0; !planner.isFull(); visit += 1) {
    const account = order[visit % order.length] as DemoAccount;
    planner.journey(account, visit >= order.length);
  }
  return planner.planned;
}

class JourneyPlanner {
  readonly planned: PlannedSubscription[] = [];
  private readonly random: Random;
  private readonly count: number;
  private readonly platform: Record<Segment, WeightedPicker<DemoProduct>>;
  private readonly addons: DemoProduct[];

  constructor(
    random: Random,
    options: { count: number; products: readonly DemoProduct[] },
  ) {
    this.random = random;
    this.count = options.count;
    this.platform = platformPickers(options.products);
    this.addons = options.products.filter(
      (product) => product.kind === 'addon',
    );
  }

  isFull(): boolean {
    return this.planned.length >= this.count;
  }

  journey(account: DemoAccount, isRepeat: boolean): void {
    const random = this.random;
    const room = TODAY - account.signupDay;
    let start = Math.min(
      TODAY,
      account.signupDay +
        (isRepeat ? random.int(0, room) : random.int(0, Math.min(45, room))),
    );
    const product = this.platform[account.segment].pick(random);
    if (!isRepeat && random.chance(TRIAL_SHARE)) {
      const trialEnd = start + TRIAL_DAYS;
      const isRunning = trialEnd > TODAY;
      const converts = !isRunning && random.chance(TRIAL_CONVERSION);
      this.add({
        account,
        product,
        plan: 'Trial',
        status: isRunning ? 'trialing' : converts ? 'converted' : 'expired',
        startDay: start,
        endDay: trialEnd,
        quantity: 0,
        unitPriceMinor: 0,
        billing: null,
        isTrial: true,
      });
      if (!converts) return;
      start = trialEnd;
    }
    const primary = this.paid(account, product, start);
    if (!primary) return;
    if (random.chance(ADDON_SHARE)) this.addon(primary);
    if (primary.endDay !== null && random.chance(REACTIVATION_SHARE)) {
      const returnDay = primary.endDay + random.int(60, 240);
      if (returnDay <= TODAY) this.paid(account, product, returnDay);
    }
  }

  private paid(
    account: DemoAccount,
    product: DemoProduct,
    startDay: Day,
  ): PlannedSubscription | null {
    const random = this.random;
    const [fewest, most] = SEATS_BY_SEGMENT[account.segment];
    const seats = Math.round(
      Math.exp(random.between(Math.log(fewest), Math.log(most))),
    );
    const billing: BillingPeriod = random.chance(ANNUAL_SHARE[account.segment])
      ? 'annual'
      : 'monthly';
    return this.add({
      account,
      product,
      plan: planName(product, billing),
      status: 'active',
      startDay,
      endDay: this.lifetimeEnd(startDay, billing, account.segment),
      quantity: seats,
      unitPriceMinor: this.discounted(product),
      billing,
      isTrial: false,
    });
  }

  private addon(primary: PlannedSubscription): void {
    const random = this.random;
    const limit = primary.endDay ?? TODAY;
    const startDay = primary.startDay + random.int(30, 400);
    if (startDay >= limit) return;
    const product = random.pick(this.addons);
    const quantity = product.isFlat
      ? 1
      : Math.max(1, Math.round(primary.quantity * random.between(0.3, 1)));
    const isDropped = random.chance(ADDON_DROP_SHARE) && limit - startDay > 60;
    this.add({
      account: primary.account,
      product,
      plan: planName(product, primary.billing ?? 'monthly'),
      status: 'active',
      startDay,
      endDay: isDropped
        ? startDay + random.int(30, limit - startDay - 1)
        : primary.endDay,
      quantity,
      unitPriceMinor: this.discounted(product),
      billing: primary.billing,
      isTrial: false,
    });
  }

  /** Churn is checked at each renewal: monthly, or yearly on annual plans. */
  private lifetimeEnd(
    startDay: Day,
    billing: BillingPeriod,
    segment: Segment,
  ): Day | null {
    const monthly = MONTHLY_CHURN[segment];
    const end =
      billing === 'monthly'
        ? addMonths(startDay, this.random.geometric(monthly))
        : addMonths(
            startDay,
            12 * this.random.geometric(1 - (1 - monthly) ** 12),
          );
    return end > TODAY ? null : end;
  }

  private discounted(product: DemoProduct): number {
    return Math.round(
      product.listPriceMinor * (1 - this.random.between(0, 0.2)),
    );
  }

  private add(
    fields: Omit<PlannedSubscription, 'id' | 'mrrMinor'>,
  ): PlannedSubscription | null {
    if (this.isFull()) return null;
    const ended = fields.endDay !== null && fields.endDay <= TODAY;
    const subscription: PlannedSubscription = {
      ...fields,
      id: this.planned.length + 1,
      status: fields.status === 'active' && ended ? 'cancelled' : fields.status,
      mrrMinor: fields.quantity * fields.unitPriceMinor,
    };
    this.planned.push(subscription);
    return subscription;
  }
}

function planName(product: DemoProduct, billing: BillingPeriod): string {
  return `${product.name} ${billing === 'annual' ? 'Annual' : 'Monthly'}`;
}

export function writeSubscriptions(
  writer: BulkWriter,
  seed: number,
  subscriptions: readonly PlannedSubscription[],
): void {
  const random = new Random(seed, 'subscription-rows');
  const insertSubscription = writer.inserter(
    'subscriptions',
    `id external_id created_at updated_at account_id account_key product_id
      plan status start_on end_on mrr_minor seats billing_period is_trial
      auto_renew`,
    { source: 'demo', currency: 'USD' },
  );
  const insertLine = writer.inserter(
    'contract_lines',
    `id external_id created_at updated_at subscription_id product_id quantity
      unit_price_minor start_on end_on`,
    { source: 'demo', currency: 'USD' },
  );
  let lineId = 0;
  for (const subscription of subscriptions) {
    const createdAt = isoInstant(subscription.startDay, random.int(0, 86_399));
    const endDay = subscription.endDay;
    const updatedAt =
      endDay !== null && endDay <= TODAY
        ? isoInstant(endDay, random.int(0, 86_399))
        : createdAt;
    const isRunning = subscription.status === 'active';
    const endOn = endDay === null ? null : isoDate(endDay);
    insertSubscription([
      subscription.id,
      `SUB-${String(subscription.id).padStart(7, '0')}`,
      createdAt,
      updatedAt,
      subscription.account.id,
      subscription.account.nameKey,
      subscription.product.id,
      subscription.plan,
      subscription.status,
      isoDate(subscription.startDay),
      endOn,
      subscription.mrrMinor,
      subscription.isTrial || subscription.product.isFlat
        ? null
        : subscription.quantity,
      subscription.billing,
      subscription.isTrial ? 1 : 0,
      isRunning ? 1 : 0,
    ]);
    if (subscription.isTrial) continue;
    lineId += 1;
    insertLine([
      lineId,
      `CTL-${String(lineId).padStart(7, '0')}`,
      createdAt,
      updatedAt,
      subscription.id,
      subscription.product.id,
      subscription.quantity,
      subscription.unitPriceMinor,
      isoDate(subscription.startDay),
      endOn,
    ]);
  }
}
