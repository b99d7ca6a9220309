// Invoices follow the billing schedule of every paid subscription, and each
// account pays in its own habit: most on time, some late, a few never. A
// small share is disputed. Settled invoices get their payment row.
import type { DemoAccount, PayerProfile } from './accounts.js';
import type { BulkWriter } from './bulkWriter.js';
import {
  HISTORY_START,
  TODAY,
  addMonths,
  isoDate,
  isoInstant,
  type Day,
} from './calendar.js';
import type { DemoProduct } from './organisation.js';
import { Random } from './random.js';
import type { PlannedSubscription } from './subscriptions.js';

const DISPUTE_RATE = 0.015;

/** Calls `visit` with the issue day of every invoice the plan bills. */
function forEachBillingDay(
  subscription: PlannedSubscription,
  visit: (day: Day) => void,
): void {
  if (subscription.billing === null || subscription.mrrMinor === 0) return;
  const step = subscription.billing === 'annual' ? 12 : 1;
  const stop = Math.min(subscription.endDay ?? TODAY + 1, TODAY + 1);
  // Counting from the start each time keeps the 31st on the 31st.
  for (let period = 0; ; period += 1) {
    const day = addMonths(subscription.startDay, period * step);
    if (day >= stop) return;
    visit(day);
  }
}

/** How many invoices the subscriptions bill on their own. */
export function countBillingDays(
  subscriptions: readonly PlannedSubscription[],
): number {
  let count = 0;
  for (const subscription of subscriptions) {
    forEachBillingDay(subscription, () => {
      count += 1;
    });
  }
  return count;
}

export type InvoiceOptions = {
  subscriptions: readonly PlannedSubscription[];
  accounts: readonly DemoAccount[];
  products: readonly DemoProduct[];
  /**
   * Exactly this many invoices: fewer than the schedule bills keeps an even
   * sample of it; more adds one-off services invoices.
   */
  count: number;
};

export function writeInvoices(
  writer: BulkWriter,
  seed: number,
  options: InvoiceOptions,
): void {
  const random = new Random(seed, 'invoices');
  const sampler = new Random(seed, 'invoice-sample');
  const issue = invoiceIssuer(writer, random);
  const scheduled = countBillingDays(options.subscriptions);
  let seen = 0;
  let kept = 0;
  for (const subscription of options.subscriptions) {
    const periods = subscription.billing === 'annual' ? 12 : 1;
    forEachBillingDay(subscription, (day) => {
      // Selection sampling: each day is kept with the chance that leaves
      // exactly the number asked for once the schedule is exhausted.
      const wanted = options.count - kept;
      const isKept =
        wanted >= scheduled - seen ||
        sampler.next() * (scheduled - seen) < wanted;
      seen += 1;
      if (!isKept) return;
      kept += 1;
      issue(
        subscription.account,
        day,
        subscription.mrrMinor * periods,
        subscription.billing === 'annual',
      );
    });
  }
  const services = options.products.filter(
    (product) => product.kind === 'service',
  );
  if (kept < options.count && options.accounts.length === 0) {
    throw new RangeError('writeInvoices: invoices need at least one account');
  }
  for (; kept < options.count; kept += 1) {
    const account = random.pick(options.accounts);
    const service = random.pick(services);
    const earliest = Math.max(account.signupDay, HISTORY_START);
    issue(
      account,
      earliest + random.int(0, TODAY - earliest),
      service.listPriceMinor * random.int(1, 3),
      false,
    );
  }
}

type IssueInvoice = (
  account: DemoAccount,
  issuedDay: Day,
  amountMinor: number,
  isAnnual: boolean,
) => void;

function invoiceIssuer(writer: BulkWriter, random: Random): IssueInvoice {
  const insertInvoice = writer.inserter(
    'invoices',
    `id external_id created_at updated_at account_id account_key number
      issued_on due_on settled_on amount_minor status is_disputed`,
    { source: 'demo', currency: 'USD' },
  );
  const insertPayment = writer.inserter(
    'payments',
    `id external_id created_at updated_at invoice_id account_id paid_on
      amount_minor method`,
    { source: 'demo', currency: 'USD' },
  );
  let invoiceId = 0;
  let paymentId = 0;
  return (account, issuedDay, amountMinor, isAnnual) => {
    invoiceId += 1;
    const terms = account.segment === 'Enterprise' ? 45 : 30;
    const dueDay = issuedDay + terms;
    const isDisputed = random.chance(DISPUTE_RATE);
    let delay = paymentDelay(random, account.payer, terms);
    if (isDisputed && delay !== null) {
      delay = random.chance(0.4) ? null : delay + random.int(20, 60);
    }
    const settledDay =
      delay !== null && issuedDay + delay <= TODAY ? issuedDay + delay : null;
    const status =
      settledDay !== null
        ? 'paid'
        : isDisputed
          ? 'disputed'
          : dueDay < TODAY
            ? 'overdue'
            : 'open';
    const number = `INV-${String(invoiceId).padStart(7, '0')}`;
    const createdAt = isoInstant(issuedDay, random.int(3_600, 21_600));
    const settledAt =
      settledDay === null
        ? null
        : isoInstant(settledDay, random.int(0, 86_399));
    insertInvoice([
      invoiceId,
      number,
      createdAt,
      settledAt ?? createdAt,
      account.id,
      account.nameKey,
      number,
      isoDate(issuedDay),
      isoDate(dueDay),
      settledDay === null ? null : isoDate(settledDay),
      amountMinor,
      status,
      isDisputed ? 1 : 0,
    ]);
    if (settledDay === null || settledAt === null) return;
    paymentId += 1;
    insertPayment([
      paymentId,
      `PAY-${String(paymentId).padStart(7, '0')}`,
      settledAt,
      settledAt,
      invoiceId,
      account.id,
      isoDate(settledDay),
      amountMinor,
      paymentMethod(random, isAnnual),
    ]);
  };
}

/** Days from issue to payment, or null for an invoice never paid. */
function paymentDelay(
  random: Random,
  payer: PayerProfile,
  terms: number,
): number | null {
  switch (payer) {
    case 'prompt':
      return random.chance(0.08)
        ? terms + random.int(1, 20)
        : random.int(0, terms - 2);
    case 'slow':
      return terms + random.int(-5, 40);
    case 'poor':
      return random.chance(0.35) ? null : terms + random.int(20, 110);
  }
}

function paymentMethod(random: Random, isAnnual: boolean): string {
  if (isAnnual) return random.chance(0.6) ? 'wire' : 'ach';
  return random.chance(0.8) ? 'card' : 'ach';
}
