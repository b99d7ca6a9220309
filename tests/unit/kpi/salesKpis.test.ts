import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gridRows } from '../../../electron/engine/grid/gridQuery.js';
import {
  computeSalesKpis,
  salesDrillCondition,
  type SalesDrill,
} from '../../../electron/engine/kpi/salesKpis.js';
import type { Db } from '../../../electron/engine/store/database.js';
import {
  readSettings,
  writeSettings,
} from '../../../electron/engine/store/settings.js';
import type { KpiValue } from '../../../shared/contract.js';
import { tempWorkspace, type TempDir } from '../../support/workspace.js';

// A hand-made pipeline; every expected value below is worked out by hand in
// the comments beside it.
//  #  owner stage  engaged     closed      amount   cycle days
//  1  Ann   won    2017-01-01  2017-01-31  1000.00  30
//  2  Ann   won    2017-02-01  2017-04-02   500.50  60 (28 + 31 + 1)
//  3  Ann   lost   2017-01-10  2017-03-15     0.00
//  4  Bo    won    2017-03-01  2017-03-11  2000.00  10
//  5  Bo    lost   2017-04-01  2017-05-01     0.00
//  6  Bo    lost   -           2017-06-30     0.00
//  7  Bo    open   2017-06-01  -
//  8  Ann   open   -           -
//  9  Ann   won    2017-12-01  2018-01-05   300.00  35
const DEALS: [
  string,
  string,
  string,
  string | null,
  string | null,
  number | null,
][] = [
  ['1', 'Ann', 'won', '2017-01-01', '2017-01-31', 100000],
  ['2', 'Ann', 'won', '2017-02-01', '2017-04-02', 50050],
  ['3', 'Ann', 'lost', '2017-01-10', '2017-03-15', 0],
  ['4', 'Bo', 'won', '2017-03-01', '2017-03-11', 200000],
  ['5', 'Bo', 'lost', '2017-04-01', '2017-05-01', 0],
  ['6', 'Bo', 'lost', null, '2017-06-30', 0],
  ['7', 'Bo', 'open', '2017-06-01', null, null],
  ['8', 'Ann', 'open', null, null, null],
  ['9', 'Ann', 'won', '2017-12-01', '2018-01-05', 30000],
];

let db: Db;
let temp: TempDir;

beforeEach(() => {
  ({ db, temp } = tempWorkspace());
  db.exec(`
    INSERT INTO teams (id, name, region, manager_name) VALUES
      (1, 'Mia', 'East', 'Mia'), (2, 'Max', 'West', 'Max');
    INSERT INTO users (id, name, manager_name, team_id) VALUES
      (1, 'Ann', 'Mia', 1), (2, 'Bo', 'Max', 2);
  `);
  const insert = db.prepare(
    `INSERT INTO opportunities (external_id, owner_name, owner_user_id, stage, status,
       engaged_on, closed_on, amount_minor, currency)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'USD')`,
  );
  for (const [id, owner, status, engaged, closed, amount] of DEALS) {
    insert.run(
      id,
      owner,
      owner === 'Ann' ? 1 : 2,
      status,
      status,
      engaged,
      closed,
      amount,
    );
  }
});
afterEach(() => {
  db.close();
  temp.remove();
});

function kpis(args: Parameters<typeof computeSalesKpis>[2]) {
  return computeSalesKpis(db, readSettings(db), args).metrics;
}

function byId(metrics: KpiValue[], group: string | null = null) {
  return Object.fromEntries(
    metrics.filter((m) => m.group === group).map((m) => [m.id, m.value]),
  );
}

describe('computeSalesKpis', () => {
  it('computes every sales metric over all time', () => {
    expect(byId(kpis({ metrics: [] }))).toEqual({
      deals_won: 4, // 1, 2, 4, 9
      deals_lost: 3, // 3, 5, 6
      deals_open: 2, // 7, 8
      win_rate: 4 / 7,
      bookings: 3800.5, // 1000 + 500.50 + 2000 + 300
      avg_won_deal_size: 950.125, // 3800.50 / 4
      median_sales_cycle_days: 32.5, // [10, 30, 35, 60] -> (30 + 35) / 2
      mean_sales_cycle_days: 33.75, // 135 / 4
    });
  });

  it('counts closed deals by close date and open deals at the period end', () => {
    const year = kpis({ metrics: [], period: '2017' });
    expect(byId(year)).toEqual({
      deals_won: 3, // 1, 2, 4 (9 closed in 2018)
      deals_lost: 3,
      deals_open: 3, // 7, 8, and 9 which was still open on 2017-12-31
      win_rate: 0.5,
      bookings: 3500.5,
      avg_won_deal_size: 3500.5 / 3,
      median_sales_cycle_days: 30, // [10, 30, 60]
      mean_sales_cycle_days: 100 / 3,
    });
    expect(year.every((m) => m.period === '2017')).toBe(true);
    const quarter = byId(kpis({ metrics: [], period: '2017-Q1' }));
    expect(quarter).toMatchObject({
      deals_won: 2, // 1 (Jan 31), 4 (Mar 11)
      deals_lost: 1, // 3 (Mar 15)
      // 2 (engaged Feb 1, closed Apr 2), 6 (no start, closed Jun 30), 8
      deals_open: 3,
      win_rate: 2 / 3,
      bookings: 3000,
    });
    expect(
      byId(kpis({ metrics: ['deals_won', 'bookings'], period: '2017-04' })),
    ).toEqual({
      deals_won: 1,
      bookings: 500.5,
    });
  });

  it('groups by region, manager and owner through the team', () => {
    const regions = kpis({
      metrics: ['deals_won', 'deals_lost', 'win_rate'],
      period: '2017',
      by: 'region',
    });
    expect(byId(regions, 'East')).toEqual({
      deals_won: 2,
      deals_lost: 1,
      win_rate: 2 / 3,
    });
    expect(byId(regions, 'West')).toEqual({
      deals_won: 1,
      deals_lost: 2,
      win_rate: 1 / 3,
    });
    const managers = kpis({ metrics: ['bookings'], by: 'manager' });
    expect(byId(managers, 'Mia')).toEqual({ bookings: 1800.5 });
    expect(byId(managers, 'Max')).toEqual({ bookings: 2000 });
  });

  it('groups by fiscal quarter of the close date', () => {
    const quarters = kpis({ metrics: ['win_rate'], by: 'quarter' });
    expect(byId(quarters, '2017-Q1')).toEqual({ win_rate: 2 / 3 }); // won 1, 4; lost 3
    expect(byId(quarters, '2017-Q2')).toEqual({ win_rate: 1 / 3 }); // won 2; lost 5, 6
    expect(byId(quarters, '2018-Q1')).toEqual({ win_rate: 1 }); // won 9
  });

  it('follows a fiscal year starting in February, named by either year', () => {
    writeSettings(db, { fiscalYearStartMonth: 2, fiscalYearLabel: 'end' });
    const named = kpis({ metrics: ['deals_won'], by: 'quarter' });
    // Jan 31 2017 is the last month of FY Feb 2016 - Jan 2017 = FY2017 Q4.
    expect(byId(named, '2017-Q4')).toEqual({ deals_won: 1 });
    // Mar 11 and Apr 2 2017 fall in Feb-Apr 2017 = FY2018 Q1.
    expect(byId(named, '2018-Q1')).toEqual({ deals_won: 2 });
    expect(byId(kpis({ metrics: ['deals_won'], period: '2018-Q1' }))).toEqual({
      deals_won: 2,
    });
    writeSettings(db, { fiscalYearLabel: 'start' });
    expect(
      byId(kpis({ metrics: ['deals_won'], by: 'quarter' }), '2016-Q4'),
    ).toEqual({ deals_won: 1 });
  });

  it('refuses to add amounts in different currencies', () => {
    db.prepare(
      `INSERT INTO opportunities (external_id, stage, status, closed_on, amount_minor, currency)
       VALUES ('10', 'won', 'won', '2017-02-02', 1000, 'EUR')`,
    ).run();
    const [bookings] = kpis({ metrics: ['bookings'] });
    expect(bookings).toMatchObject({ value: null, currency: null });
    expect(bookings?.note).toMatch(
      /in EUR and USD; amounts in different currencies are not added/,
    );
    expect(byId(kpis({ metrics: ['deals_won'] }))).toEqual({ deals_won: 5 });
  });

  it('gives no win rate where nothing closed', () => {
    expect(
      byId(
        kpis({
          metrics: ['win_rate', 'bookings', 'median_sales_cycle_days'],
          period: '2019',
        }),
      ),
    ).toEqual({
      win_rate: null,
      bookings: 0,
      median_sales_cycle_days: null,
    });
  });

  it('drills from each number to exactly the deals it counted', () => {
    const ids = (drill: SalesDrill) =>
      gridRows(
        db,
        {
          entity: 'opportunities',
          offset: 0,
          limit: 100,
          sort: [{ column: 'id', direction: 'asc' }],
          filters: {},
          quickSearch: '',
        },
        salesDrillCondition(readSettings(db), drill),
      ).rows.map((row) => row['id']);
    expect(ids({ metric: 'deals_won' })).toEqual(['1', '2', '4', '9']);
    expect(ids({ metric: 'deals_open', period: '2017-Q1' })).toEqual([
      '2',
      '6',
      '8',
    ]);
    expect(ids({ metric: 'win_rate', period: '2017' })).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
    ]);
    expect(
      ids({
        metric: 'median_sales_cycle_days',
        period: '2017',
        by: 'region',
        group: 'East',
      }),
    ).toEqual(['1', '2']);
    expect(
      ids({ metric: 'deals_lost', by: 'quarter', group: '2017-Q2' }),
    ).toEqual(['5', '6']);
    // Deals with no owner's team fall in the "(none)" region.
    db.prepare(
      "INSERT INTO opportunities (external_id, stage, status, closed_on, amount_minor, currency) VALUES ('11', 'won', 'won', '2017-02-02', 5, 'USD')",
    ).run();
    expect(ids({ metric: 'deals_won', by: 'region', group: '(none)' })).toEqual(
      ['11'],
    );
    expect(
      byId(kpis({ metrics: ['deals_won'], by: 'region' }), '(none)'),
    ).toEqual({ deals_won: 1 });
  });

  it('answers the closed-deal totals from the covering index', () => {
    const plan = db
      .prepare(
        `EXPLAIN QUERY PLAN SELECT o.status, o.currency, count(*), total(o.amount_minor)
         FROM opportunities o
         WHERE o.status IN ('won', 'lost') AND o.closed_on BETWEEN ? AND ?
         GROUP BY 1, 2`,
      )
      .all('2017-01-01', '2017-12-31') as { detail: string }[];
    expect(plan.map((step) => step.detail).join(' ')).toMatch(
      /USING COVERING INDEX opportunities_closing/,
    );
  });
});
