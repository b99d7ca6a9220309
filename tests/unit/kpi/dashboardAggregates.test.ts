// The summed tables and in-memory sums the dashboard reads must give
// exactly what the queries over the raw rows give, odd rows included:
// deals without a start date, closed before they started, open with a
// close date, won without one, amounts missing, several currencies with
// one lacking a rate. Each figure is computed both ways: the whole
// workspace takes the summed route, and an always-true segment condition
// (or another base currency) sends the same call down the query route.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newCustomers } from '../../../electron/engine/kpi/acquisition/newCustomers.js';
import { leadsByChannel } from '../../../electron/engine/kpi/acquisition/spendAndLeads.js';
import {
  revenueBacklog,
  totalContractValue,
} from '../../../electron/engine/kpi/cash/contracts.js';
import {
  creditSales,
  receivablesAging,
} from '../../../electron/engine/kpi/cash/receivables.js';
import { adoption } from '../../../electron/engine/kpi/customers/adoption.js';
import { payingAccountsBetween } from '../../../electron/engine/kpi/customers/customerBooks.js';
import { satisfaction } from '../../../electron/engine/kpi/customers/satisfaction.js';
import {
  segmentCondition,
  type SegmentCondition,
} from '../../../electron/engine/kpi/common/segments.js';
import {
  dealBook,
  opportunityChanges,
  rebuildDealAggregates,
} from '../../../electron/engine/kpi/deals/index.js';
import { bookSalesTotals } from '../../../electron/engine/kpi/deals/salesTotals.js';
import {
  loadRateBook,
  type RateBook,
} from '../../../electron/engine/kpi/fx.js';
import { metricContext } from '../../../electron/engine/kpi/metricEngine.js';
import {
  closedDeals,
  openPipeline,
} from '../../../electron/engine/kpi/pipeline/openPipeline.js';
import { computeSalesKpis } from '../../../electron/engine/kpi/salesKpis.js';
import type { Db } from '../../../electron/engine/store/database.js';
import {
  readSettings,
  writeSettings,
} from '../../../electron/engine/store/settings.js';
import { SALES_METRIC_IDS } from '../../../shared/metrics.js';
import type { PeriodRange } from '../../../shared/period.js';
import { tempWorkspace, type TempDir } from '../../support/workspace.js';

let db: Db;
let temp: TempDir;

const day = (offset: number) =>
  new Date(Date.UTC(2024, 0, 1) + offset * 86_400_000)
    .toISOString()
    .slice(0, 10);

const STAGES = ['Prospecting', 'Proposal', 'Negotiation', 'Mystery'];
const CURRENCIES = ['USD', 'EUR', 'GBP'];

/** 360 deals whose every seventh, eleventh... row is odd in some way. */
function insertDeals(): void {
  const insert = db.prepare(
    `INSERT INTO opportunities (owner_user_id, owner_name, stage, status,
       probability, created_on, engaged_on, closed_on, expected_close_on,
       amount_minor, currency)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (let n = 0; n < 360; n += 1) {
    const status = (['open', 'won', 'lost'] as const)[n % 3] ?? 'open';
    const start = (n * 7) % 330;
    const created = n % 7 === 0 ? null : day(start);
    // No creation date: sometimes an engagement date, sometimes nothing.
    const engaged = n % 7 === 0 && n % 2 === 0 ? day(start + 3) : null;
    let closed: string | null = null;
    if (status !== 'open') closed = day(start + 5 + ((n * 13) % 80));
    if (n % 11 === 0 && status !== 'open') closed = day(start - 9);
    if (n % 13 === 1 && status === 'won') closed = null;
    if (n % 17 === 0 && status === 'open') closed = day(start + 40);
    insert.run(
      n % 4 === 3 ? null : (n % 4) + 1 > 2 ? 2 : (n % 4) + 1,
      n % 4 === 3 ? 'Cy' : null,
      STAGES[n % 4] ?? 'Mystery',
      status,
      n % 6 === 0 ? null : n % 6 === 1 ? 35 : 0.25,
      created,
      engaged,
      closed,
      n % 5 === 0 ? null : day(start + 20 + (n % 40)),
      n % 5 === 2 ? null : 1000 + ((n * 7919) % 90_000),
      CURRENCIES[Math.floor(n / 3) % 3] ?? 'USD',
    );
  }
}

function insertRates(): void {
  // EUR has rates into USD; GBP has none.
  db.exec(`
    INSERT INTO exchange_rates (rate_on, from_currency, to_currency, rate)
    VALUES ('2023-12-31', 'EUR', 'USD', '1.0973'),
           ('2024-06-30', 'EUR', 'USD', '1.0712'),
           ('2024-09-30', 'USD', 'EUR', '0.8953');
  `);
}

beforeEach(() => {
  ({ db, temp } = tempWorkspace());
  db.exec(`
    INSERT INTO teams (id, name) VALUES (1, 'East');
    INSERT INTO users (id, name, team_id) VALUES (1, 'Ann', 1), (2, 'Bo', 1);
  `);
  writeSettings(db, { baseCurrency: 'USD', fiscalYearStartMonth: 4 });
  insertDeals();
  insertRates();
});

afterEach(() => {
  db.close();
  temp.remove();
});

const EVERYTHING = { where: '1 = 1', params: {} };
const WHOLE: SegmentCondition = { where: '1', params: {}, unanswered: [] };
const QUERIED: SegmentCondition = { ...EVERYTHING, unanswered: [] };

const PERIODS: (string | PeriodRange)[] = [
  '2024',
  '2024-Q2',
  '2024-03',
  '2025-02',
  { label: 'range', start: '2024-02-01', end: '2024-11-30' },
];

function rateBooks(): (RateBook | undefined)[] {
  return [undefined, loadRateBook(db, 'USD'), loadRateBook(db, 'EUR')];
}

describe('sales KPIs from the deal book', () => {
  it('answers whole months from the book', () => {
    const args = {
      wanted: [...SALES_METRIC_IDS],
      start: '2024-04-01',
      end: '2024-06-30',
      rates: undefined,
      startMonth: 4,
      labelOffset: 0,
    };
    for (const by of [undefined, 'quarter', 'owner'] as const) {
      expect(bookSalesTotals(db, { ...args, by })).not.toBeNull();
    }
    expect(bookSalesTotals(db, { ...args, by: 'product' })).toBeNull();
    expect(
      bookSalesTotals(db, { ...args, by: undefined, end: '2024-06-15' }),
    ).toBeNull();
  });

  it('gives exactly the values of the queries, odd rows included', () => {
    const settings = readSettings(db);
    let compared = 0;
    for (const period of PERIODS) {
      for (const by of [undefined, 'quarter', 'owner'] as const) {
        for (const rates of rateBooks()) {
          const args = { metrics: [...SALES_METRIC_IDS], period, by, rates };
          const fast = computeSalesKpis(db, settings, args);
          const queried = computeSalesKpis(db, settings, {
            ...args,
            scope: EVERYTHING,
            isQueried: true,
          });
          expect(fast).toEqual(queried);
          compared += fast.metrics.length;
        }
      }
    }
    // Not vacuous: groups and values were there to compare.
    expect(compared).toBeGreaterThan(300);
    const year = computeSalesKpis(db, settings, {
      metrics: ['deals_won', 'deals_open', 'bookings'],
      period: '2024',
      rates: loadRateBook(db, 'USD'),
    });
    expect(year.metrics[0]?.value).toBeGreaterThan(0);
    expect(year.metrics[1]?.value).toBeGreaterThan(0);
    // GBP has no rate: bookings say so instead of adding it in.
    expect(year.metrics[2]?.value).toBeNull();
  });

  it('follows a change of the deals at the next call', () => {
    const settings = readSettings(db);
    const args = { metrics: [...SALES_METRIC_IDS], period: '2024-05' };
    const before = computeSalesKpis(db, settings, args);
    const changes = opportunityChanges(db);
    db.prepare(
      `INSERT INTO opportunities (stage, status, created_on, closed_on,
         amount_minor, currency)
       VALUES ('Closed Won', 'won', '2024-05-01', '2024-05-20', 500, 'USD')`,
    ).run();
    expect(opportunityChanges(db)).toBe(changes + 1);
    const after = computeSalesKpis(db, settings, args);
    expect(after).not.toEqual(before);
    expect(after).toEqual(
      computeSalesKpis(db, settings, {
        ...args,
        scope: EVERYTHING,
        isQueried: true,
      }),
    );
  });

  it('keeps cycles out of the book when a close day is not a day', () => {
    db.prepare(
      `INSERT INTO opportunities (stage, status, created_on, closed_on,
         currency) VALUES ('Won', 'won', '2024-01-05', '2024-02-30', 'USD')`,
    ).run();
    rebuildDealAggregates(db);
    expect(dealBook(db).isCycleExact).toBe(false);
    const settings = readSettings(db);
    const args = { metrics: [...SALES_METRIC_IDS], period: '2024-Q1' };
    expect(computeSalesKpis(db, settings, args)).toEqual(
      computeSalesKpis(db, settings, {
        ...args,
        scope: EVERYTHING,
        isQueried: true,
      }),
    );
  });
});

describe("a segment's deal book", () => {
  it('gives the values of the queries for owner and team segments', () => {
    const settings = readSettings(db);
    let compared = 0;
    for (const [field, value] of [
      ['owner', 'Ann'],
      ['owner', 'Bo'],
      ['team', 'East'],
    ] as const) {
      const segment = segmentCondition([{ field, value }], 'opportunities');
      for (const period of PERIODS) {
        for (const by of [undefined, 'quarter', 'owner'] as const) {
          const args = {
            metrics: [...SALES_METRIC_IDS],
            period,
            by,
            rates: loadRateBook(db, 'USD'),
            scope: segment,
          };
          const fromBook = computeSalesKpis(db, settings, args);
          const queried = computeSalesKpis(db, settings, {
            ...args,
            isQueried: true,
          });
          expect(fromBook).toEqual(queried);
          compared += fromBook.metrics.filter((m) => m.value).length;
        }
      }
      const context = metricContext(db, {});
      for (const asOf of ['2024-03-31', '2024-06-30', '2024-12-31']) {
        const fromBook = openPipeline(context, asOf, segment);
        const queried = openPipeline(context, asOf, segment, null, true);
        expect(fromBook.deals).toBe(queried.deals);
        expect(fromBook.weighted.totalMinor()).toBe(
          queried.weighted.totalMinor(),
        );
      }
    }
    expect(compared).toBeGreaterThan(100);
    // A renamed owner moves the deals out of the kept book.
    const before = openPipeline(
      metricContext(db, {}),
      '2024-12-31',
      segmentCondition([{ field: 'owner', value: 'Ann' }], 'opportunities'),
    ).deals;
    db.exec("UPDATE users SET name = 'Annie' WHERE id = 1");
    const after = openPipeline(
      metricContext(db, {}),
      '2024-12-31',
      segmentCondition([{ field: 'owner', value: 'Ann' }], 'opportunities'),
      null,
      true,
    ).deals;
    expect(
      openPipeline(
        metricContext(db, {}),
        '2024-12-31',
        segmentCondition([{ field: 'owner', value: 'Ann' }], 'opportunities'),
      ).deals,
    ).toBe(after);
    expect(after).toBeLessThan(before);
  });
});

describe('pipeline rows from the deal book', () => {
  it('gives the open pipeline and closed deals of the queries', () => {
    for (const currency of ['USD', 'EUR']) {
      const context = metricContext(db, { currency });
      for (const asOf of [
        '2024-01-31',
        '2024-03-15',
        '2024-06-30',
        '2025-01-31',
      ]) {
        for (const closingBy of [null, asOf]) {
          const fast = openPipeline(context, asOf, WHOLE, closingBy);
          const queried = openPipeline(context, asOf, QUERIED, closingBy, true);
          expect(fast.deals).toBe(queried.deals);
          expect(fast.defaulted).toBe(queried.defaulted);
          expect(fast.amount.totalMinor()).toBe(queried.amount.totalMinor());
          expect(fast.amount.missing()).toEqual(queried.amount.missing());
          expect(fast.weighted.totalMinor()).toBe(
            queried.weighted.totalMinor(),
          );
        }
      }
      for (const [start, end] of [
        ['2024-01-01', '2024-03-31'],
        ['2024-05-01', '2024-05-31'],
      ] as const) {
        const fast = closedDeals(context, start, end, WHOLE);
        const queried = closedDeals(context, start, end, QUERIED, true);
        expect(fast.won).toBe(queried.won);
        expect(fast.lost).toBe(queried.lost);
        expect(fast.wonWithAmount).toBe(queried.wonWithAmount);
        expect(fast.wonAmount.totalMinor()).toBe(
          queried.wonAmount.totalMinor(),
        );
        expect(fast.wonAmount.missing()).toEqual(queried.wonAmount.missing());
        expect([...fast.cycleDays].sort((a, b) => a - b)).toEqual(
          [...queried.cycleDays].sort((a, b) => a - b),
        );
      }
    }
    const open = openPipeline(metricContext(db, {}), '2024-06-30', WHOLE);
    expect(open.deals).toBeGreaterThan(10);
  });
});

describe('new customers and receivables from memory', () => {
  beforeEach(() => {
    db.exec(`
      INSERT INTO accounts (id, name, name_key) VALUES
        (1, 'A', 'a'), (2, 'B', 'b'), (3, 'C', 'c');
      INSERT INTO subscriptions (account_id, account_key, currency,
        mrr_minor, start_on, end_on, is_trial) VALUES
        (1, NULL, 'USD', 1000, '2024-01-10', NULL, 0),
        (1, NULL, 'EUR', 500, '2024-01-20', '2024-06-30', 0),
        (2, NULL, 'USD', 700, '2024-02-01', '2024-02-15', 0),
        (2, NULL, 'USD', 800, '2024-03-05', NULL, 0),
        (3, NULL, 'GBP', 900, '2024-03-01', NULL, 0),
        (NULL, 'k-9', 'USD', 300, '2024-03-31', NULL, 0),
        (NULL, NULL, 'USD', 200, '2024-04-02', NULL, 0),
        (NULL, 'k-8', 'USD', 400, '2024-04-10', '2024-03-01', 0),
        (NULL, 'k-7', 'USD', 600, '2024-05-01', NULL, 1),
        (NULL, 'k-6', 'USD', 0, '2024-05-01', NULL, 0);
      INSERT INTO invoices (issued_on, due_on, settled_on, amount_minor,
        currency) VALUES
        ('2024-01-05', '2024-02-04', '2024-02-10', 10000, 'USD'),
        ('2024-01-20', '2024-01-19', NULL, 2500, 'USD'),
        ('2024-02-03', NULL, NULL, 4000, 'EUR'),
        ('2024-02-28', '2024-03-29', '2024-02-01', 999, 'USD'),
        ('2024-03-15', '2024-04-14', '2024-05-31', 12000, 'GBP'),
        ('2024-03-31', '2024-03-31', '2024-03-31', 700, 'USD'),
        ('2024-04-30', '2024-01-01', NULL, 5100, 'EUR'),
        ('2024-05-31', '2024-06-30', '2024-07-01', 3300, 'USD');
    `);
  });

  it('counts new customers and their MRR as the query does', () => {
    for (const currency of ['USD', 'EUR']) {
      const context = metricContext(db, { currency });
      for (const [start, end] of [
        ['2024-01-01', '2024-01-31'],
        ['2024-01-01', '2024-06-30'],
        ['2024-03-01', '2024-04-30'],
      ] as const) {
        const period = { label: 'p', start, end };
        const fast = newCustomers(context, period, WHOLE);
        const queried = newCustomers(context, period, QUERIED);
        expect(fast.count).toBe(queried.count);
        expect(fast.mrr.totalMinor()).toBe(queried.mrr.totalMinor());
        expect(fast.mrr.missing()).toEqual(queried.mrr.missing());
      }
    }
    const half = { label: 'h', start: '2024-01-01', end: '2024-06-30' };
    // A (January), B (March: its February term ends inside its month), C,
    // k-9 and the customer with neither account nor key; k-8 ends before
    // it starts, k-7 is a trial and k-6 pays nothing.
    expect(newCustomers(metricContext(db, {}), half, WHOLE).count).toBe(5);
  });

  it('ages receivables as the query does', () => {
    const ends = ['2024-01-31', '2024-02-29', '2024-03-31', '2024-05-31'];
    const periodOf = (end: string) => ({
      label: end,
      start: `${end.slice(0, 8)}01`,
      end,
    });
    const fast = ends.map((end) =>
      receivablesAging(metricContext(db, { currency: 'USD' }), periodOf(end)),
    );
    // Another base currency leaves USD to the query route.
    writeSettings(db, { baseCurrency: 'EUR' });
    ends.forEach((end, index) => {
      const context = metricContext(db, { currency: 'USD' });
      expect(fast[index]).toEqual(receivablesAging(context, periodOf(end)));
    });
    expect(fast[0]?.invoices).toBe(2);
  });

  it('ages receivables and sums credit sales as the query does, month by month', () => {
    db.exec(`DELETE FROM invoices`);
    const insert = db.prepare(
      `INSERT INTO invoices (issued_on, due_on, settled_on, amount_minor,
         currency) VALUES (?, ?, ?, ?, ?)`,
    );
    // Due before, on and long after issue; settled before issue, on a
    // month end, never; a share in EUR and GBP, converted at issue.
    for (let row = 0; row < 600; row += 1) {
      const issued = (row * 41) % 700;
      const due = row % 13 === 0 ? null : day(issued + ((row * 29) % 200) - 20);
      const settled =
        row % 4 === 0 ? null : day(issued + ((row * 31) % 260) - 10);
      const currency = CURRENCIES[row % 7 === 0 ? 1 + (row % 2) : 0] ?? 'USD';
      insert.run(day(issued), due, settled, 100 + row * 37, currency);
    }
    db.exec(`UPDATE accounts SET industry = CASE id WHEN 2 THEN 'Retail'
        ELSE 'Software' END;
      UPDATE invoices SET account_id = 1 + id % 3`);
    db.exec(`INSERT INTO exchange_rates (rate_on, from_currency, to_currency,
      rate) VALUES ('2023-01-01', 'EUR', 'USD', '1.0825'),
      ('2023-01-01', 'GBP', 'USD', '1.2675')`);
    const periods: PeriodRange[] = [];
    for (let month = 0; month < 30; month += 1) {
      const end = new Date(Date.UTC(2023, 11 + month + 1, 0));
      const text = end.toISOString().slice(0, 10);
      periods.push({ label: text, start: `${text.slice(0, 8)}01`, end: text });
    }
    periods.push({ label: 'q', start: '2024-04-01', end: '2024-06-30' });
    periods.push({ label: 'y', start: '2024-01-01', end: '2024-12-31' });
    periods.push({ label: 'odd', start: '2024-02-10', end: '2024-03-31' });
    const retail = [{ field: 'industry', value: 'Retail' }];
    const figures = () =>
      [...periods, ...periods].map((period, index) => {
        const where = index < periods.length ? [] : retail;
        const context = metricContext(db, { currency: 'USD', where });
        const sales = creditSales(context, period);
        return {
          aging: receivablesAging(context, period),
          sales: [sales.sum.totalMinor(), sales.invoices],
        };
      });
    const fast = figures();
    writeSettings(db, { baseCurrency: 'EUR' });
    expect(figures()).toEqual(fast);
    const counted = fast.reduce((n, month) => n + month.aging.invoices, 0);
    expect(counted).toBeGreaterThan(1000);
  });

  it('values contracts as the query does, in one currency', () => {
    db.exec(`
      DELETE FROM subscriptions WHERE currency <> 'USD';
      INSERT INTO subscriptions (account_id, currency, mrr_minor, start_on,
        end_on, is_trial) VALUES
        (3, 'USD', 1234, '2024-02-29', NULL, 0),
        (3, 'USD', 999, '2024-01-31', '2024-04-30', 0),
        (2, 'USD', 555, '2024-06-15', '2024-06-01', 0);
    `);
    const context = metricContext(db, { currency: 'USD' });
    let compared = 0;
    for (const [start, end] of [
      ['2024-01-01', '2024-01-31'],
      ['2024-02-01', '2024-04-30'],
      ['2024-01-01', '2024-12-31'],
      ['2025-02-01', '2025-02-28'],
    ] as const) {
      const period = { label: 'p', start, end };
      for (const value of [totalContractValue, revenueBacklog]) {
        const fast = value(context, period, WHOLE);
        const queried = value(context, period, QUERIED, true);
        expect(fast.sum.totalMinor()).toBe(queried.sum.totalMinor());
        expect(fast.subscriptions).toBe(queried.subscriptions);
        expect(fast.openEnded).toBe(queried.openEnded);
        compared += fast.subscriptions;
      }
    }
    expect(compared).toBeGreaterThan(10);
  });

  it('values contracts as the query does at every month end and odd days', () => {
    db.exec(`DELETE FROM subscriptions`);
    const insert = db.prepare(
      `INSERT INTO subscriptions (account_id, currency, mrr_minor, start_on,
         end_on, is_trial) VALUES (1, 'USD', ?, ?, ?, ?)`,
    );
    // Starts on month ends and leap days, open-ended terms, terms ending
    // before they start or on their start, trials and odd amounts.
    for (let row = 0; row < 240; row += 1) {
      const start = day((row * 37) % 760);
      const end =
        row % 5 === 0 ? null : row % 17 === 0 ? start : day((row * 53) % 900);
      insert.run(
        1 + ((row * 7919) % 99_991),
        start,
        end,
        row % 23 === 0 ? 1 : 0,
      );
    }
    insert.run(4321, '2024-02-29', null, 0);
    insert.run(1111, '2024-01-31', '2024-02-29', 0);
    const context = metricContext(db, { currency: 'USD' });
    const periods: PeriodRange[] = [];
    for (let month = 0; month < 40; month += 1) {
      const end = new Date(Date.UTC(2023, 11 + month + 1, 0));
      const text = end.toISOString().slice(0, 10);
      periods.push({ label: text, start: `${text.slice(0, 8)}01`, end: text });
    }
    periods.push({ label: 'odd', start: '2024-02-10', end: '2024-03-15' });
    periods.push({ label: 'leap', start: '2024-02-29', end: '2024-02-29' });
    for (const period of periods) {
      for (const value of [totalContractValue, revenueBacklog]) {
        const fast = value(context, period, WHOLE);
        const queried = value(context, period, QUERIED, true);
        expect([period.end, fast.sum.totalMinor()]).toEqual([
          period.end,
          queried.sum.totalMinor(),
        ]);
        expect(fast.subscriptions).toBe(queried.subscriptions);
        expect(fast.openEnded).toBe(queried.openEnded);
      }
    }
    // A segment's own book gives the query's values too.
    db.exec(`UPDATE accounts SET industry = 'Retail' WHERE id = 1;
      UPDATE subscriptions SET account_id = 2 WHERE id % 3 = 0`);
    for (const value of ['Retail', 'Software']) {
      const segment = segmentCondition(
        [{ field: 'industry', value }],
        'subscriptions',
      );
      for (const period of periods) {
        for (const figure of [totalContractValue, revenueBacklog]) {
          const fromBook = figure(context, period, segment);
          const queried = figure(context, period, segment, true);
          expect(fromBook.sum.totalMinor()).toBe(queried.sum.totalMinor());
          expect(fromBook.subscriptions).toBe(queried.subscriptions);
        }
      }
    }
  });
});

describe('customer figures from memory', () => {
  it('gives CSAT and paying accounts as the queries do', () => {
    db.exec(`
      INSERT INTO accounts (id, name, name_key) VALUES (1, 'A', 'a'),
        (2, 'B', 'b');
      INSERT INTO subscriptions (account_id, currency, mrr_minor, start_on,
        end_on, is_trial) VALUES
        (1, 'USD', 100, '2024-01-15', '2024-02-01', 0),
        (2, 'USD', 100, '2024-02-01', NULL, 0),
        (2, 'USD', 100, '2024-01-01', NULL, 1);
      INSERT INTO tickets (opened_at, closed_at, satisfaction_score) VALUES
        ('2024-01-03T10:00:00Z', '2024-02-01T09:00:00Z', 5),
        ('2024-01-31T23:59:59Z', NULL, 4),
        ('2024-02-10T08:00:00Z', '2024-02-11T08:00:00Z', 2),
        ('2024-02-12T08:00:00Z', NULL, NULL);
    `);
    const whole = metricContext(db, {});
    for (const [start, end] of [
      ['2024-01-01', '2024-01-31'],
      ['2024-02-01', '2024-02-29'],
      ['2024-01-01', '2024-03-31'],
    ] as const) {
      const period = { label: 'p', start, end };
      const fastScores = satisfaction(whole, period);
      const fastAdoption = adoption(whole, period);
      db.exec(
        "INSERT INTO tickets (opened_at, satisfaction_score) VALUES ('1999-01-01T00:00:00Z', 4.5)",
      );
      // Outside every period: a fractional score sends CSAT to the query,
      // any feature usage sends adoption there.
      db.exec(
        "INSERT INTO feature_usage (used_on, feature, usage_count) VALUES ('1999-01-01', 'x', 0)",
      );
      const queriedScores = satisfaction(whole, period);
      const queriedAdoption = adoption(whole, period);
      db.exec(
        `DELETE FROM tickets WHERE satisfaction_score = 4.5;
         DELETE FROM feature_usage;`,
      );
      expect(fastScores).toEqual(queriedScores);
      expect(fastAdoption).toEqual(queriedAdoption);
    }
    const january = { label: 'j', start: '2024-01-01', end: '2024-01-31' };
    expect(adoption(whole, january).payingAccounts).toBe(1);
    expect(satisfaction(whole, january).answered).toBe(1);
  });

  it('counts accounts paying in each month as a distinct count does', () => {
    const account = db.prepare(
      'INSERT INTO accounts (id, name, name_key) VALUES (?, ?, ?)',
    );
    for (let id = 1; id <= 30; id += 1) account.run(id, `A${id}`, `a${id}`);
    const insert = db.prepare(
      `INSERT INTO subscriptions (account_id, currency, mrr_minor, start_on,
         end_on, is_trial) VALUES (?, 'USD', ?, ?, ?, ?)`,
    );
    // Overlapping and adjacent terms of one account, ends on a month's
    // first day, open ends, trials and terms paying nothing.
    for (let row = 0; row < 300; row += 1) {
      const start = (row * 47) % 900;
      const end =
        row % 6 === 0
          ? null
          : row % 5 === 0
            ? `${day(start + 40).slice(0, 8)}01`
            : day(start + ((row * 13) % 200));
      insert.run(
        1 + (row % 30),
        row % 17 === 0 ? 0 : 500,
        day(start),
        end,
        row % 19 === 0 ? 1 : 0,
      );
    }
    const distinct = db.prepare(
      `SELECT count(DISTINCT account_id) FROM subscriptions
        WHERE account_id IS NOT NULL AND is_trial = 0 AND mrr_minor > 0
          AND start_on <= @end AND (end_on IS NULL OR end_on > @start)`,
    );
    for (let month = 0; month < 40; month += 1) {
      const last = new Date(Date.UTC(2023, 11 + month + 1, 0));
      const end = last.toISOString().slice(0, 10);
      const start = `${end.slice(0, 8)}01`;
      expect([start, payingAccountsBetween(db, null, start, end)]).toEqual([
        start,
        distinct.pluck().get({ start, end }),
      ]);
    }
    const quarter = { start: '2024-04-01', end: '2024-06-30' };
    expect(payingAccountsBetween(db, null, quarter.start, quarter.end)).toBe(
      distinct.pluck().get(quarter),
    );
    // A segment's months come from its own sweep.
    db.exec("UPDATE accounts SET industry = 'Retail' WHERE id % 3 = 0");
    const retail = segmentCondition(
      [{ field: 'industry', value: 'Retail' }],
      'subscriptions',
    );
    const distinctRetail = db.prepare(
      `SELECT count(DISTINCT s.account_id) FROM subscriptions s
         JOIN accounts a ON a.id = s.account_id AND a.industry = 'Retail'
        WHERE s.is_trial = 0 AND s.mrr_minor > 0
          AND s.start_on <= @end AND (s.end_on IS NULL OR s.end_on > @start)`,
    );
    for (const [start, end] of [
      ['2024-02-01', '2024-02-29'],
      ['2024-09-01', '2024-09-30'],
      ['2024-04-01', '2024-06-30'],
    ] as const) {
      expect(payingAccountsBetween(db, retail, start, end)).toBe(
        distinctRetail.pluck().get({ start, end }),
      );
    }
  });
});

describe('leads from memory', () => {
  it('counts leads per channel as the query does, and follows changes', () => {
    db.exec(`INSERT INTO campaigns (id, name, channel) VALUES
      (1, 'Spring', 'Paid search'), (2, 'Webinar', NULL)`);
    const insert = db.prepare(
      `INSERT INTO leads (channel, campaign_id, created_on) VALUES (?, ?, ?)`,
    );
    // Own channel, the campaign's, neither, and undated leads.
    for (let row = 0; row < 400; row += 1) {
      const channel = row % 3 === 0 ? null : ['Organic', 'Events'][row % 2];
      const campaign = row % 5 === 0 ? null : 1 + (row % 2);
      insert.run(channel, campaign, row % 37 === 0 ? null : day(row * 2));
    }
    const context = metricContext(db, {});
    const periods: PeriodRange[] = [
      { label: 'jan', start: '2024-01-01', end: '2024-01-31' },
      { label: 'q2', start: '2024-04-01', end: '2024-06-30' },
      { label: 'odd', start: '2024-02-10', end: '2024-09-03' },
      { label: 'all', start: '2000-01-01', end: '2099-12-31' },
    ];
    const both = () =>
      periods.map((period) => [
        [...leadsByChannel(context, period, WHOLE)].sort(),
        [...leadsByChannel(context, period, QUERIED)].sort(),
      ]);
    for (const [fast, queried] of both()) expect(fast).toEqual(queried);
    db.exec(`UPDATE campaigns SET channel = 'Webinars' WHERE id = 2;
      DELETE FROM leads WHERE id % 4 = 0;`);
    const after = both();
    for (const [fast, queried] of after) expect(fast).toEqual(queried);
    expect(after[3]?.[0]).toContainEqual(['Webinars', expect.any(Number)]);
  });
});

describe('query plans of the summed route', () => {
  const plan = (sql: string) =>
    (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map(
      (row) => row.detail,
    );

  it('checks staleness with one primary-key read', () => {
    expect(
      plan(
        "SELECT changes FROM aggregate_sources WHERE source = 'opportunities'",
      ),
    ).toEqual([
      expect.stringMatching(/SEARCH aggregate_sources USING PRIMARY KEY/),
    ]);
    expect(
      plan("SELECT changes FROM aggregate_state WHERE name = 'deals'"),
    ).toEqual([
      expect.stringMatching(/SEARCH aggregate_state USING PRIMARY KEY/),
    ]);
  });

  it('counts leads of a period from the covering index', () => {
    const detail = plan(
      `SELECT coalesce(l.channel, c.channel, '') AS channel, count(*)
         FROM leads l LEFT JOIN campaigns c ON c.id = l.campaign_id
        WHERE l.created_on BETWEEN '2024-01-01' AND '2024-01-31'
        GROUP BY 1`,
    ).join('\n');
    expect(detail).toMatch(/SEARCH l USING COVERING INDEX leads_created/);
  });

  it('reads the movement sums of MRR through the month index', () => {
    const detail = plan(
      `SELECT m.month_end, m.currency, m.kind, sum(m.delta_minor),
              sum(m.logo_delta)
         FROM mrr_changes m WHERE m.month_end <= '9999-12-31'
        GROUP BY m.month_end, m.currency, m.kind`,
    ).join('\n');
    expect(detail).toMatch(/COVERING INDEX mrr_changes_month/);
  });
});
