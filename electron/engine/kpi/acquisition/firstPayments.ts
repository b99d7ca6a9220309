// New customers from memory: every customer's first paying month end and
// its MRR on that day, worked out once from the subscriptions (by the
// rules of `FIRST_PAYING_MONTH_ENDS`, with SQLite reading the dates) and
// kept until the subscriptions change. Answers the whole workspace; a
// segment filter queries instead.
import type { Db } from '../../store/database.js';
import { cachedFigures } from '../common/changeCache.js';

type PayingLine = {
  customer: string | null;
  accountId: number | null;
  currency: string;
  mrr: number;
  startOn: string;
  endOn: string | null;
  monthEnd: string | null;
};

export type FirstPayment = {
  firstMonthEnd: string;
  /** MRR by currency on the first paying month end. */
  mrr: Map<string, number>;
};

/** Sorted by first paying month end. */
export type FirstPayments = FirstPayment[];

const LINES_SQL = `
SELECT coalesce('#' || s.account_id, s.account_key) AS customer,
       s.account_id AS accountId, s.currency, s.mrr_minor AS mrr,
       s.start_on AS startOn, s.end_on AS endOn,
       date(s.start_on, 'start of month', '+1 month', '-1 day') AS monthEnd
  FROM subscriptions s
 WHERE s.is_trial = 0 AND s.mrr_minor > 0`;

function build(db: Db): FirstPayments {
  const lines = db.prepare(LINES_SQL).all() as PayingLine[];
  const byCustomer = new Map<string | null, PayingLine[]>();
  for (const line of lines) {
    const list = byCustomer.get(line.customer) ?? [];
    list.push(line);
    byCustomer.set(line.customer, list);
  }
  const firsts: FirstPayments = [];
  for (const [customer, list] of byCustomer) {
    let first: string | null = null;
    for (const line of list) {
      // Active on its own first month end: not ended by then.
      if (line.monthEnd === null) continue;
      if (line.endOn !== null && !(line.endOn > line.monthEnd)) continue;
      if (first === null || line.monthEnd < first) first = line.monthEnd;
    }
    if (first === null) continue;
    const mrr = new Map<string, number>();
    // A customer without a key joins no subscription, as in SQL.
    if (customer !== null) {
      for (const line of list) {
        const isActive =
          line.startOn <= first && (line.endOn === null || line.endOn > first);
        if (isActive) {
          mrr.set(line.currency, (mrr.get(line.currency) ?? 0) + line.mrr);
        }
      }
    }
    firsts.push({ firstMonthEnd: first, mrr });
  }
  return firsts.sort((a, b) =>
    a.firstMonthEnd < b.firstMonthEnd
      ? -1
      : a.firstMonthEnd > b.firstMonthEnd
        ? 1
        : 0,
  );
}

/** Customers whose first paying month end is from `start` to `end`. */
export function firstPaymentsBetween(
  db: Db,
  start: string,
  end: string,
): readonly FirstPayment[] {
  const all = cachedFigures(db, 'firstPayments', ['subscriptions'], () =>
    build(db),
  );
  const at = (day: string, isStrict: boolean) => {
    let low = 0;
    let high = all.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      const key = all[middle]?.firstMonthEnd ?? '';
      if (isStrict ? key < day : key <= day) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  let ranges = slices.get(all);
  if (!ranges) {
    ranges = new Map();
    slices.set(all, ranges);
  }
  const key = `${start}\u0000${end}`;
  let slice = ranges.get(key);
  if (!slice) {
    slice = all.slice(
      at(start, true),
      Math.max(at(start, true), at(end, false)),
    );
    ranges.set(key, slice);
  }
  return slice;
}

/** Slices already cut, per book and range, so that sums over them keep. */
const slices = new WeakMap<
  FirstPayments,
  Map<string, readonly FirstPayment[]>
>();
