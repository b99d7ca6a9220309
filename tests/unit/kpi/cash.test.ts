import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gridRows } from '../../../electron/engine/grid/gridQuery.js';
import {
  cashMetrics,
  receivablesAging,
  receivablesDrill,
} from '../../../electron/engine/kpi/cash/cashMetrics.js';
import { monthlySeries } from '../../../electron/engine/kpi/common/results.js';
import type { Db } from '../../../electron/engine/store/database.js';
import { resolvePeriod } from '../../../shared/period.js';
import { WorkbenchError } from '../../../shared/envelope.js';
import { tempWorkspace, type TempDir } from '../../support/workspace.js';
import { byId, metricContext } from './metricFixture.js';
import { metricDrill } from '../../../electron/engine/kpi/metricEngine.js';

const MARCH = resolvePeriod('2024-03');

let db: Db;
let temp: TempDir;

// Invoices, measured at 2024-03-31 (March 2024 has 31 days):
//  #  account issued      due         settled     amount      at 03-31
//  1  Acme    2024-01-10  2024-02-09  -           USD 1000.00  51 days late
//  2  Acme    2024-03-05  2024-04-04  -           USD  500.00  current
//  3  Beta    2024-03-10  2024-03-20  2024-03-25  USD  300.00  settled
//  4  Beta    2024-03-15  2024-03-30  2024-04-10  USD  200.00  1 day late
//  5  Beta    2023-10-01  2023-10-31  -           USD  400.00  152 days late
//  6  Acme    2023-12-01  2024-01-01  -           EUR   50.00  90 days late
//  7  Beta    2024-04-02  2024-05-02  -           USD  100.00  not yet issued
//  8  Acme    2024-02-01  -           -           USD  100.00  current (no due)
const INVOICES: [
  string,
  number,
  string,
  string | null,
  string | null,
  number,
  string,
][] = [
  ['1', 1, '2024-01-10', '2024-02-09', null, 100000, 'USD'],
  ['2', 1, '2024-03-05', '2024-04-04', null, 50000, 'USD'],
  ['3', 2, '2024-03-10', '2024-03-20', '2024-03-25', 30000, 'USD'],
  ['4', 2, '2024-03-15', '2024-03-30', '2024-04-10', 20000, 'USD'],
  ['5', 2, '2023-10-01', '2023-10-31', null, 40000, 'USD'],
  ['6', 1, '2023-12-01', '2024-01-01', null, 5000, 'EUR'],
  ['7', 2, '2024-04-02', '2024-05-02', null, 10000, 'USD'],
  ['8', 1, '2024-02-01', null, null, 10000, 'USD'],
];

// Subscriptions (MRR in USD):
//  S1 Acme 2024-03-01 → 2025-03-01  100.00  12 months
//  S2 Beta 2024-03-15 → 2024-05-01   30.00  1 month + 16/30 (04-15 → 05-01
//                                            of the 30-day 04-15 → 05-15)
//  S3 Acme 2024-03-20 → (none)       50.00  read as 12 months
//  S4 Acme 2024-03-01 trial           0.00  left out
//  S5 Beta 2024-01-01 → 2024-07-01   20.00  6 months, started before March
const SUBSCRIPTIONS: [string, number, string, string | null, number, number][] =
  [
    ['S1', 1, '2024-03-01', '2025-03-01', 10000, 0],
    ['S2', 2, '2024-03-15', '2024-05-01', 3000, 0],
    ['S3', 1, '2024-03-20', null, 5000, 0],
    ['S4', 1, '2024-03-01', null, 0, 1],
    ['S5', 2, '2024-01-01', '2024-07-01', 2000, 0],
  ];

beforeEach(() => {
  ({ db, temp } = tempWorkspace());
  db.exec(`
    INSERT INTO accounts (id, name, name_key, industry) VALUES
      (1, 'Acme', 'acme', 'Retail'), (2, 'Beta', 'beta', 'Tech');
    INSERT INTO exchange_rates (rate_on, from_currency, to_currency, rate)
      VALUES ('2023-11-01', 'EUR', 'USD', '1.10');
  `);
  const invoice = db.prepare(
    `INSERT INTO invoices (external_id, account_id, number, issued_on, due_on,
       settled_on, amount_minor, currency) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const [id, account, issued, due, settled, amount, currency] of INVOICES)
    invoice.run(id, account, id, issued, due, settled, amount, currency);
  const subscription = db.prepare(
    `INSERT INTO subscriptions (external_id, account_id, start_on, end_on,
       mrr_minor, currency, is_trial) VALUES (?, ?, ?, ?, ?, 'USD', ?)`,
  );
  for (const row of SUBSCRIPTIONS) subscription.run(...row);
});
afterEach(() => {
  db.close();
  temp.remove();
});

describe('receivables and DSO', () => {
  it('sums open invoices at the period end and divides by credit sales', () => {
    const results = byId(
      cashMetrics.compute(metricContext(db), ['receivables', 'dso'], MARCH),
    );
    // #1 1000 + #2 500 + #4 200 + #5 400 + #6 EUR 50 × 1.10 = 55 + #8 100.
    const receivables = 1000 + 500 + 200 + 400 + 55 + 100;
    expect(results.receivables).toMatchObject({
      value: receivables,
      unit: 'currency',
      currency: 'USD',
      period: '2024-03',
      note: null,
    });
    expect(results.receivables?.inputs['invoices']).toBe(6);
    // Credit sales: invoices issued in March, #2 500 + #3 300 + #4 200.
    const creditSales = 500 + 300 + 200;
    expect(results.dso?.value).toBeCloseTo((receivables / creditSales) * 31, 9);
    expect(results.dso?.inputs).toMatchObject({
      receivables,
      creditSales,
      daysInPeriod: 31,
      invoicesIssued: 3,
    });
  });

  it('ages receivables by days past due at the period end', () => {
    const aging = receivablesAging(metricContext(db), MARCH);
    expect(aging.buckets).toEqual([
      // #2 (due after the end) and #8 (no due date).
      { bucket: 'current', amount: 600, invoices: 2 },
      // #4: due 03-30, one day late.
      { bucket: '1-30', amount: 200, invoices: 1 },
      // #1: due 02-09; 20 days of February + 31 of March = 51.
      { bucket: '31-60', amount: 1000, invoices: 1 },
      // #6: due 01-01; 30 + 29 + 31 = 90 days, still 61-90.
      { bucket: '61-90', amount: 55, invoices: 1 },
      // #5: due 2023-10-31; 30 + 31 + 31 + 29 + 31 = 152.
      { bucket: '90+', amount: 400, invoices: 1 },
    ]);
    expect(aging.total).toBe(2255);
  });

  it('drills into exactly the invoices counted, per bucket too', () => {
    const context = metricContext(db);
    const numbers = (bucket?: Parameters<typeof receivablesDrill>[2]) => {
      const drill = receivablesDrill(context, MARCH, bucket);
      return gridRows(
        db,
        { entity: drill.entity, limit: 100, offset: 0 },
        drill,
      ).rows.map((row) => row['number']);
    };
    expect(numbers()).toEqual(['1', '2', '4', '5', '6', '8']);
    expect(numbers('current')).toEqual(['2', '8']);
    expect(numbers('90+')).toEqual(['5']);
    expect(cashMetrics.drill(context, 'dso', MARCH)?.entity).toBe('invoices');
    // What a bar of the aging chart asks for: #4 is one day late.
    const bar = metricDrill(db, {
      metric: 'receivables',
      period: '2024-03',
      bucket: '1-30',
    });
    const late = gridRows(
      db,
      { entity: bar.entity, limit: 100, offset: 0 },
      bar,
    );
    expect(late.rows.map((row) => row['number'])).toEqual(['4']);
    expect(() =>
      metricDrill(db, { metric: 'dso', period: '2024-03', bucket: '1-30' }),
    ).toThrow(/aging bucket narrows the rows of receivables/);
  });

  it('filters by the account industry', () => {
    const context = metricContext(db, [{ field: 'industry', value: 'Retail' }]);
    const results = byId(
      cashMetrics.compute(context, ['receivables', 'dso'], MARCH),
    );
    // Acme only: #1 1000 + #2 500 + #6 55 + #8 100; credit sales #2 500.
    expect(results.receivables?.value).toBe(1655);
    expect(results.dso?.value).toBeCloseTo((1655 / 500) * 31, 9);
  });

  it('has no value and names the currency when a rate is missing', () => {
    db.exec('DELETE FROM exchange_rates');
    const results = byId(
      cashMetrics.compute(metricContext(db), ['receivables', 'dso'], MARCH),
    );
    expect(results.receivables?.value).toBeNull();
    expect(results.receivables?.note).toContain('EUR');
    expect(results.dso?.value).toBeNull();
  });

  it('refuses a segment field it does not know, naming it', () => {
    const context = metricContext(db, [{ field: 'colour', value: 'red' }]);
    expect(() => cashMetrics.compute(context, ['dso'], MARCH)).toThrow(
      WorkbenchError,
    );
    expect(() => cashMetrics.compute(context, ['dso'], MARCH)).toThrow(
      /colour/,
    );
  });
});

describe('TCV and revenue backlog', () => {
  it('values the terms of subscriptions starting in the period', () => {
    const [tcv] = cashMetrics.compute(metricContext(db), ['tcv'], MARCH);
    // S1 100 × 12 + S2 30 × (1 + 16/30) = 46 + S3 50 × 12 (open-ended).
    expect(tcv?.value).toBeCloseTo(1200 + 46 + 600, 9);
    expect(tcv?.inputs).toEqual({
      subscriptions: 3,
      openEndedAsTwelveMonths: 1,
    });
  });

  it('keeps what is not recognised by the period end', () => {
    const [backlog] = cashMetrics.compute(
      metricContext(db),
      ['revenue_backlog'],
      MARCH,
    );
    // Recognised up to 04-01, one MRR a month; left = term − recognised.
    // S1: 12 − 1 = 11 months × 100 = 1100.
    // S2: (1 + 16/30) − 17/31 (03-15 → 04-01 of the 31-day 03-15 → 04-15)
    //     × 3000 cents = 2954.84 → 2955 cents.
    // S3: 12 − 12/31 (03-20 → 04-01 of 03-20 → 04-20) × 5000 = 58064.5 → 58065.
    // S5: 6 − 3 = 3 months × 20 = 60.
    const s2 = Math.round(3000 * (1 + 16 / 30 - 17 / 31));
    const s3 = Math.round(5000 * (12 - 12 / 31));
    expect(s2).toBe(2955);
    expect(s3).toBe(58065);
    expect(backlog?.value).toBeCloseTo(1100 + s2 / 100 + s3 / 100 + 60, 9);
    expect(backlog?.inputs['subscriptions']).toBe(4);
  });

  it('drills into the subscriptions behind TCV', () => {
    const context = metricContext(db);
    const drill = cashMetrics.drill(context, 'tcv', MARCH);
    expect(drill).not.toBeNull();
    if (!drill) return;
    const rows = gridRows(
      db,
      { entity: drill.entity, limit: 50, offset: 0 },
      drill,
    ).rows;
    expect(rows.map((row) => row['id'])).toEqual(['S1', 'S2', 'S3']);
  });
});

describe('series and query plans', () => {
  it('gives receivables month by month', () => {
    const series = monthlySeries(
      cashMetrics,
      metricContext(db),
      ['receivables'],
      '2024-01',
      '2024-03',
    );
    expect(series.map((month) => month.month)).toEqual([
      '2024-01',
      '2024-02',
      '2024-03',
    ]);
    // At 01-31: #1 1000, #5 400, #6 55. At 02-29: those and #8 100.
    expect(series.map((month) => month.results[0]?.value)).toEqual([
      1455, 1555, 2255,
    ]);
  });

  it('queries credit sales of a segment through the issue-date index', () => {
    const statements: string[] = [];
    const spy = new Proxy(db, {
      get(target, key) {
        if (key === 'prepare') {
          return (sql: string) => {
            statements.push(sql);
            return target.prepare(sql);
          };
        }
        const value: unknown = Reflect.get(target, key);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    // The books answer the base currency; another one is queried.
    const context = metricContext(
      db,
      [{ field: 'industry', value: 'Retail' }],
      'EUR',
    );
    cashMetrics.compute({ ...context, db: spy }, ['dso'], MARCH);
    const sales = statements.find((sql) => sql.includes('BETWEEN @start'));
    expect(sales).toBeDefined();
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN ${sales ?? ''}`)
      .all({ start: MARCH.start, end: MARCH.end, seg0: 'Retail' }) as {
      detail: string;
    }[];
    expect(plan.map((step) => step.detail).join('\n')).toMatch(
      /USING INDEX invoices_issued/,
    );
  });
});
