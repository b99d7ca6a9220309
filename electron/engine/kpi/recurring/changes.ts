// From subscriptions to MRR changes: for every customer and currency, the
// month ends at which its MRR differs from the month end before, with the
// movement that change is. Pure; the store keeps the result for the whole
// workspace and filtered views run it on their own subscriptions.
//
// A subscription counts at a month end E when start_on <= E < end_on, so
// it adds its MRR from the month of start_on and takes it away in the month
// of end_on: an end on the last day of a month is already gone at that
// month end. Only the customer's presence (any MRR above zero) decides new,
// reactivation and churn; between two paying month ends each currency's
// change is expansion or contraction by its sign, so no exchange rate is
// needed to classify.
import { monthEndOf, monthIndexOf } from './months.js';

export const MOVEMENT_KINDS = [
  'new',
  'expansion',
  'contraction',
  'churn',
  'reactivation',
] as const;

export type MovementKind = (typeof MOVEMENT_KINDS)[number];

export type SubscriptionLine = {
  id: number;
  accountId: number | null;
  accountKey: string | null;
  currency: string;
  startOn: string;
  endOn: string | null;
  mrrMinor: number;
};

export type MrrChange = {
  /** `a<account id>`, else `k<account key>`, else `s<subscription id>`. */
  customer: string;
  accountId: number | null;
  currency: string;
  monthEnd: string;
  kind: MovementKind;
  /** MRR after the change minus before, in the currency's minor units. */
  deltaMinor: number;
  mrrMinor: number;
  /** +1 when the customer starts paying, -1 when it stops, else 0. */
  logoDelta: number;
  /** The customer's first paying month end. */
  cohortMonthEnd: string;
};

export function customerOf(line: {
  id: number;
  accountId: number | null;
  accountKey: string | null;
}): string {
  if (line.accountId !== null) return `a${line.accountId}`;
  if (line.accountKey !== null) return `k${line.accountKey}`;
  return `s${line.id}`;
}

type CustomerSteps = {
  accountId: number | null;
  /** month index -> currency -> change of MRR at that month end. */
  steps: Map<number, Map<string, number>>;
};

function addStep(
  customer: CustomerSteps,
  month: number,
  currency: string,
  amount: number,
): void {
  let byCurrency = customer.steps.get(month);
  if (!byCurrency) {
    byCurrency = new Map();
    customer.steps.set(month, byCurrency);
  }
  byCurrency.set(currency, (byCurrency.get(currency) ?? 0) + amount);
}

function collectSteps(
  lines: Iterable<SubscriptionLine>,
): Map<string, CustomerSteps> {
  const customers = new Map<string, CustomerSteps>();
  for (const line of lines) {
    const first = monthIndexOf(line.startOn);
    if (first === null || line.mrrMinor === 0) continue;
    const end = line.endOn === null ? null : monthIndexOf(line.endOn);
    if (line.endOn !== null && end === null) continue;
    if (end !== null && end <= first) continue;
    const key = customerOf(line);
    let customer = customers.get(key);
    if (!customer) {
      customer = { accountId: line.accountId, steps: new Map() };
      customers.set(key, customer);
    }
    addStep(customer, first, line.currency, line.mrrMinor);
    if (end !== null) addStep(customer, end, line.currency, -line.mrrMinor);
  }
  return customers;
}

function isPaying(values: Map<string, number>): boolean {
  for (const value of values.values()) if (value > 0) return true;
  return false;
}

function changesOfCustomer(
  key: string,
  customer: CustomerSteps,
  out: MrrChange[],
): void {
  const months = [...customer.steps.keys()].sort((a, b) => a - b);
  const values = new Map<string, number>();
  let hasPaid = false;
  let cohortMonthEnd: string | null = null;
  for (const month of months) {
    const steps = customer.steps.get(month) ?? new Map<string, number>();
    const wasPaying = isPaying(values);
    for (const [currency, step] of steps) {
      values.set(currency, (values.get(currency) ?? 0) + step);
    }
    const isNowPaying = isPaying(values);
    const monthEnd = monthEndOf(month);
    if (isNowPaying && cohortMonthEnd === null) cohortMonthEnd = monthEnd;
    let presence: MovementKind | null = null;
    if (!wasPaying && isNowPaying) presence = hasPaid ? 'reactivation' : 'new';
    if (wasPaying && !isNowPaying) presence = 'churn';
    let logoDelta = presence === 'churn' ? -1 : presence === null ? 0 : 1;
    const currencies = [...steps.keys()].sort();
    for (const currency of currencies) {
      const deltaMinor = steps.get(currency) ?? 0;
      if (deltaMinor === 0) continue;
      const kind = presence ?? (deltaMinor > 0 ? 'expansion' : 'contraction');
      out.push({
        customer: key,
        accountId: customer.accountId,
        currency,
        monthEnd,
        kind,
        deltaMinor,
        mrrMinor: values.get(currency) ?? 0,
        logoDelta,
        cohortMonthEnd: cohortMonthEnd ?? monthEnd,
      });
      logoDelta = 0;
    }
    if (isNowPaying) hasPaid = true;
  }
}

/**
 * Every MRR change of every customer, ordered by customer and month.
 * Trials must already be left out by the caller.
 */
export function buildMrrChanges(
  lines: Iterable<SubscriptionLine>,
): MrrChange[] {
  const out: MrrChange[] = [];
  for (const [key, customer] of collectSteps(lines)) {
    changesOfCustomer(key, customer, out);
  }
  return out;
}
