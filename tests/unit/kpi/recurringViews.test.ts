// The stored month-end changes and their refresh, the dashboard views
// (monthly series, movement waterfall, cohort grid) and the drills, on the
// book of recurringFixture.ts.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gridRows } from '../../../electron/engine/grid/gridQuery.js';
import { loadRateBook } from '../../../electron/engine/kpi/fx.js';
import { metricDrill } from '../../../electron/engine/kpi/metricEngine.js';
import {
  DEFAULT_METRIC_OPTIONS,
  type MetricContext,
  type MetricDrill,
  type MetricFilter,
} from '../../../electron/engine/kpi/metricTypes.js';
import { storedMovementsSql } from '../../../electron/engine/kpi/recurring/figures.js';
import {
  cohortRetention,
  computeRecurring,
  ensureMrrMonthEnds,
  mrrMovementSeries,
  rebuildMrrMonthEnds,
  recurringMetrics,
  recurringMonthlySeries,
} from '../../../electron/engine/kpi/recurring/index.js';
import type { Db } from '../../../electron/engine/store/database.js';
import { readSettings } from '../../../electron/engine/store/settings.js';
import { resolvePeriod } from '../../../shared/period.js';
import { tempWorkspace, type TempDir } from '../../support/workspace.js';
import { seedRecurringFixture } from './recurringFixture.js';

let db: Db;
let temp: TempDir;

beforeEach(() => {
  ({ db, temp } = tempWorkspace());
  seedRecurringFixture(db);
});
afterEach(() => {
  db.close();
  temp.remove();
});

function context(filters: MetricFilter[] = []): MetricContext {
  return {
    db,
    settings: readSettings(db),
    rates: loadRateBook(db, 'USD'),
    filters,
    options: DEFAULT_METRIC_OPTIONS,
  };
}

const mrrOf = (period: string) =>
  computeRecurring(context(), ['mrr'], resolvePeriod(period))[0]?.value;

describe('stored month-end changes', () => {
  it('keeps one row per change, classified', () => {
    rebuildMrrMonthEnds(db);
    const rows = db
      .prepare(
        `SELECT customer, currency, month_end AS monthEnd, kind,
                delta_minor AS delta, logo_delta AS logo
           FROM mrr_changes WHERE customer IN ('a1', 'a2')
          ORDER BY customer, month_end`,
      )
      .all();
    expect(rows).toEqual([
      {
        customer: 'a1',
        currency: 'USD',
        monthEnd: '2024-01-31',
        kind: 'new',
        delta: 10000,
        logo: 1,
      },
      {
        customer: 'a1',
        currency: 'USD',
        monthEnd: '2024-02-29',
        kind: 'expansion',
        delta: 5000,
        logo: 0,
      },
      {
        customer: 'a1',
        currency: 'USD',
        monthEnd: '2024-04-30',
        kind: 'contraction',
        delta: -5000,
        logo: 0,
      },
      {
        customer: 'a2',
        currency: 'EUR',
        monthEnd: '2024-01-31',
        kind: 'new',
        delta: 20000,
        logo: 1,
      },
      {
        customer: 'a2',
        currency: 'EUR',
        monthEnd: '2024-03-31',
        kind: 'churn',
        delta: -20000,
        logo: -1,
      },
      {
        customer: 'a2',
        currency: 'EUR',
        monthEnd: '2024-05-31',
        kind: 'reactivation',
        delta: 15000,
        logo: 1,
      },
    ]);
  });

  it('rebuilds lazily when subscriptions change, and only then', () => {
    expect(mrrOf('2024-06')).toBeCloseTo(425, 9);
    expect(ensureMrrMonthEnds(db)).toEqual({ isRebuilt: false });
    db.exec(`INSERT INTO subscriptions (external_id, account_id, currency,
      mrr_minor, start_on) VALUES ('S12', 4, 'USD', 700, '2024-06-10')`);
    expect(mrrOf('2024-06')).toBeCloseTo(432, 9); // 425 + 7
    expect(ensureMrrMonthEnds(db)).toEqual({ isRebuilt: false });
    // A link resolved after an accounts import touches no updated_at.
    db.exec(`INSERT INTO accounts (id, name, name_key) VALUES (9, 'K', 'k');
      UPDATE subscriptions SET account_id = 9 WHERE account_key = 'K-9'`);
    expect(ensureMrrMonthEnds(db)).toEqual({ isRebuilt: true });
    expect(
      db
        .prepare("SELECT count(*) AS n FROM mrr_changes WHERE customer = 'a9'")
        .get(),
    ).toEqual({ n: 2 });
    db.exec("DELETE FROM subscriptions WHERE external_id = 'S12'");
    expect(mrrOf('2024-06')).toBeCloseTo(425, 9);
  });

  it('sums movements from the covering index', () => {
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN ${storedMovementsSql('', '1')}`)
      .all({ through: '2024-06-30' }) as { detail: string }[];
    const details = plan.map((step) => step.detail).join('\n');
    expect(details).toContain('USING COVERING INDEX mrr_changes_month');
    expect(details).not.toContain('TEMP B-TREE');
  });
});

describe('dashboard views', () => {
  it('gives a monthly series', () => {
    const { months, series } = recurringMonthlySeries(
      context(),
      ['mrr', 'customers', 'renewal_rate'],
      { from: '2024-01', to: '2024-06' },
    );
    expect(months).toEqual([
      '2024-01',
      '2024-02',
      '2024-03',
      '2024-04',
      '2024-05',
      '2024-06',
    ]);
    expect(series['mrr']?.map((r) => r.value)).toEqual([
      360, 490, 290, 270, 455, 425,
    ]);
    expect(series['customers']?.map((r) => r.value)).toEqual([
      3, 4, 3, 4, 5, 4,
    ]);
    // Mar: S3 not renewed; Apr: S2 not; May: S9 renewed; Jun: S8 not.
    expect(series['renewal_rate']?.map((r) => r.value)).toEqual([
      null,
      null,
      0,
      0,
      1,
      0,
    ]);
  });

  it('gives the movement waterfall with the exchange-rate effect apart', () => {
    const { steps } = mrrMovementSeries(context(), {
      from: '2024-02',
      to: '2024-03',
    });
    expect(steps).toEqual([
      {
        month: '2024-02',
        startMrr: 360,
        new: 80,
        expansion: 50,
        reactivation: 0,
        contraction: 0,
        churn: 0,
        currencyEffect: 0,
        endMrr: 490,
        note: null,
      },
      {
        // 490 + 20 - 240 = 270; the EUR rate rose from 1.10 to 1.20.
        month: '2024-03',
        startMrr: 490,
        new: 0,
        expansion: 20,
        reactivation: 0,
        contraction: 0,
        churn: 240,
        currencyEffect: 20,
        endMrr: 290,
        note: null,
      },
    ]);
  });

  it('gives cohort retention by first paying month', () => {
    const grid = cohortRetention(context(), { from: '2024-01', to: '2024-06' });
    expect(grid.cohorts.map((c) => [c.cohort, c.customers, c.mrr])).toEqual([
      ['2024-01', 3, 360], // A1 100, A2 220, A5 40
      ['2024-02', 1, 80], // A3
      ['2024-04', 1, 30], // K-9
    ]);
    const january = grid.cohorts[0]?.cells ?? [];
    // Mar: A2 gone, 2 of 3, MRR 150 + 40; May: A2 back, 100 + 180 + 45.
    expect(january.map((c) => c.customers)).toEqual([3, 3, 2, 2, 3, 3]);
    expect(january[2]?.logoRetention).toBeCloseTo(2 / 3, 9);
    expect(january[2]?.revenueRetention).toBeCloseTo(190 / 360, 9);
    expect(january[4]?.revenueRetention).toBeCloseTo(325 / 360, 9);
    const april = grid.cohorts[2]?.cells ?? [];
    expect(april.map((c) => c.logoRetention)).toEqual([1, 1, 0]);
  });
});

describe('drills', () => {
  /** The ids of the rows a drill lists, in id order. */
  const rowIds = (drill: MetricDrill) =>
    gridRows(
      db,
      {
        entity: drill.entity,
        offset: 0,
        limit: 100,
        sort: [{ column: 'id', direction: 'asc' }],
        filters: {},
        quickSearch: '',
      },
      drill,
    ).rows.map((row) => row['id']);
  const idsOf = (id: string, period: string, filters: MetricFilter[] = []) => {
    const drill = recurringMetrics.drill(
      context(filters),
      id,
      resolvePeriod(period),
    );
    return drill ? rowIds(drill) : null;
  };

  it('lists the subscriptions behind each number', () => {
    expect(idsOf('mrr', '2024-03')).toEqual(['S1', 'S2', 'S5', 'S6', 'S9']);
    expect(idsOf('mrr_contraction', '2024-04')).toEqual(['S1', 'S2']);
    // S3 paid at neither the April nor the May end.
    expect(idsOf('mrr_reactivation', '2024-05')).toEqual(['S4']);
    expect(idsOf('mrr_churn', '2024-03')).toEqual(['S3']);
    expect(idsOf('renewal_rate', '2024-Q2')).toEqual(['S2', 'S8', 'S9']);
    expect(
      idsOf('mrr', '2024-06', [{ field: 'industry', value: 'Retail' }]),
    ).toEqual(['S1', 'S5', 'S6']);
    expect(
      idsOf('mrr_churn', '2024-04', [{ field: 'plan', value: 'Addon' }]),
    ).toEqual(['S2']);
    expect(idsOf('no_such_metric', '2024-04')).toBeNull();
  });

  it('lists the subscriptions behind a cohort cell', () => {
    const cellIds = (
      metric: string,
      cohort: string,
      month: string,
      filters: MetricFilter[] = [],
    ) => {
      return rowIds(
        metricDrill(db, { metric, cohort, period: month, where: filters }),
      );
    };
    // January's cohort is A1, A2 and A5. At the March end A2 has stopped
    // (S3 ended on 03-31); A3's S5 and S6 belong to February's cohort.
    expect(cellIds('customers', '2024-01', '2024-03')).toEqual([
      'S1',
      'S2',
      'S9',
    ]);
    // At the May end: A1's S1, A2 back with S4, A5 on S10 (S9 ended 05-15).
    expect(cellIds('mrr', '2024-01', '2024-05')).toEqual(['S1', 'S10', 'S4']);
    expect(cellIds('mrr', '2024-04', '2024-06')).toEqual([]);
    expect(cellIds('mrr', '2024-04', '2024-05')).toEqual(['S8']);
    // On Basic alone, January's cohort is A2 and A5 (A4 is on trial).
    expect(
      cellIds('customers', '2024-01', '2024-05', [
        { field: 'plan', value: 'Basic' },
      ]),
    ).toEqual(['S10', 'S4']);
    expect(() => metricDrill(db, { metric: 'nrr', cohort: '2024-01' })).toThrow(
      /cohort narrows the rows of customers and mrr/,
    );
  });
});
