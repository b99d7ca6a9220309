// New customers from sums kept in the workspace: every customer's first
// paying month end and its MRR on that day, worked out from the
// subscriptions (by the rules of `FIRST_PAYING_MONTH_ENDS`, with SQLite
// reading the dates) and summed by month end (`first_payment_months`) and
// by month end and currency (`first_payment_mrr`). The import rebuilds
// them; in memory they are kept until the subscriptions change. Answers
// the whole workspace; a segment filter queries instead.
import type { Db } from '../../store/database.js';
import { cachedFigures } from '../common/changeCache.js';
import { ensureSummed, type SummedTable } from '../common/summedState.js';
import { boundIn } from '../common/sorted.js';

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

function firstPayments(db: Db): FirstPayments {
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

export const firstPaymentSums: SummedTable = {
  name: 'first_payments',
  sources: ['subscriptions'],
  extra: () => '',
  build(db) {
    db.exec(`DELETE FROM first_payment_months;
      DELETE FROM first_payment_mrr;`);
    const customers = new Map<string, number>();
    const mrr = new Map<string, Map<string, number>>();
    for (const first of firstPayments(db)) {
      const day = first.firstMonthEnd;
      customers.set(day, (customers.get(day) ?? 0) + 1);
      const byCurrency = mrr.get(day) ?? new Map<string, number>();
      for (const [currency, amount] of first.mrr) {
        byCurrency.set(currency, (byCurrency.get(currency) ?? 0) + amount);
      }
      mrr.set(day, byCurrency);
    }
    const month = db.prepare(
      `INSERT INTO first_payment_months (first_month_end, customers)
       VALUES (?, ?)`,
    );
    for (const [day, count] of customers) month.run(day, count);
    const money = db.prepare(
      `INSERT INTO first_payment_mrr (first_month_end, currency, mrr_minor)
       VALUES (?, ?, ?)`,
    );
    for (const [day, byCurrency] of mrr) {
      for (const [currency, amount] of byCurrency) {
        money.run(day, currency, amount);
      }
    }
    return true;
  },
};

type FirstMonths = {
  /** First paying month ends, sorted as text. */
  days: string[];
  customers: number[];
  mrr: Map<string, Map<string, number>>;
};

function firstMonths(db: Db): FirstMonths {
  return cachedFigures(db, 'firstPayments', ['subscriptions'], () => {
    ensureSummed(db, firstPaymentSums);
    const rows = db
      .prepare(
        `SELECT first_month_end, customers FROM first_payment_months
          ORDER BY first_month_end`,
      )
      .raw()
      .all() as [string, number][];
    const mrr = new Map<string, Map<string, number>>();
    const money = db
      .prepare(
        'SELECT first_month_end, currency, mrr_minor FROM first_payment_mrr',
      )
      .raw()
      .all() as [string, string, number][];
    for (const [day, currency, amount] of money) {
      const byCurrency = mrr.get(day) ?? new Map<string, number>();
      byCurrency.set(currency, amount);
      mrr.set(day, byCurrency);
    }
    return {
      days: rows.map((row) => row[0]),
      customers: rows.map((row) => row[1]),
      mrr,
    };
  });
}

export type NewCustomerMonths = {
  customers: number;
  /** Their MRR per first month end and currency, in minor units. */
  mrr: Map<string, Map<string, number>>;
};

/** Customers whose first paying month end is from `start` to `end`. */
export function newCustomerMonths(
  db: Db,
  start: string,
  end: string,
): NewCustomerMonths {
  const kept = firstMonths(db);
  let at = boundIn(kept.days, start);
  const result: NewCustomerMonths = { customers: 0, mrr: new Map() };
  for (; at < kept.days.length && (kept.days[at] ?? '') <= end; at += 1) {
    const day = kept.days[at] ?? '';
    result.customers += kept.customers[at] ?? 0;
    result.mrr.set(day, kept.mrr.get(day) ?? new Map());
  }
  return result;
}
