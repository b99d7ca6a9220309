// The one door to every metric: the catalogue names every metric issue #4
// lists, unknown ids and fields are refused by name, sales metrics take
// segment filters and a reporting currency (converted at each close date),
// drills name their rows, and targets are kept per metric and period.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gridRows } from '../../../electron/engine/grid/gridQuery.js';
import {
  computeMetrics,
  metricDrill,
  scopeChoices,
  segmentValues,
} from '../../../electron/engine/kpi/metricEngine.js';
import {
  deleteTarget,
  listTargets,
  saveTarget,
} from '../../../electron/engine/kpi/targets.js';
import type { Db } from '../../../electron/engine/store/database.js';
import { writeSettings } from '../../../electron/engine/store/settings.js';
import {
  METRIC_CATALOGUE,
  METRIC_IDS,
} from '../../../shared/catalogue/index.js';
import { tempWorkspace, type TempDir } from '../../support/workspace.js';

let db: Db;
let temp: TempDir;

// Two won deals in March 2024, one in EUR; one lost.
//   Retail / Ann: won 1000.00 USD on 2024-03-10
//   Health / Bo : won  500.00 EUR on 2024-03-20, lost on 2024-03-25
// EUR -> USD is 1.10 from 2024-03-01 and 1.20 from 2024-03-15, so the EUR
// deal converts at 1.20: 500.00 × 1.20 = 600.00 USD.
beforeEach(() => {
  ({ db, temp } = tempWorkspace());
  db.exec(`
    INSERT INTO users (id, name) VALUES (1, 'Ann'), (2, 'Bo');
    INSERT INTO accounts (id, name, name_key, industry) VALUES
      (1, 'Kestrel', 'kestrel', 'Retail'), (2, 'Orchard', 'orchard', 'Health');
    INSERT INTO opportunities (external_id, account_id, owner_user_id, stage,
      status, created_on, closed_on, amount_minor, currency) VALUES
      ('D1', 1, 1, 'Won', 'won', '2024-03-01', '2024-03-10', 100000, 'USD'),
      ('D2', 2, 2, 'Won', 'won', '2024-03-05', '2024-03-20', 50000, 'EUR'),
      ('D3', 2, 2, 'Lost', 'lost', '2024-03-06', '2024-03-25', 0, 'USD');
    INSERT INTO exchange_rates (rate_on, from_currency, to_currency, rate)
      VALUES ('2024-03-01', 'EUR', 'USD', '1.10'),
             ('2024-03-15', 'EUR', 'USD', '1.20');
  `);
});
afterEach(() => temp.remove());

const value = (
  result: ReturnType<typeof computeMetrics>,
  id: string,
): number | null =>
  result.metrics.find((metric) => metric.id === id)?.value ?? null;

describe('the metric catalogue', () => {
  it('defines every metric of the issue once, with its formula', () => {
    const wanted = [
      'mrr',
      'arr',
      'mrr_new',
      'mrr_expansion',
      'mrr_contraction',
      'mrr_churn',
      'mrr_reactivation',
      'net_new_mrr',
      'customers',
      'logo_churn_rate',
      'gross_mrr_churn_rate',
      'grr',
      'nrr',
      'arpa',
      'clv',
      'quick_ratio',
      'renewal_rate',
      'cac',
      'cac_payback_months',
      'cost_per_lead',
      'tcv',
      'bookings',
      'revenue_backlog',
      'dso',
      'csat',
      'csat_mean',
      'adoption_rate',
      'win_rate',
      'avg_won_deal_size',
      'median_sales_cycle_days',
      'sales_velocity',
      'weighted_pipeline',
      'pipeline_coverage',
    ];
    expect(METRIC_IDS).toEqual(expect.arrayContaining(wanted));
    expect(new Set(METRIC_IDS).size).toBe(METRIC_IDS.length);
    for (const entry of METRIC_CATALOGUE) {
      expect(entry.formula.length, entry.id).toBeGreaterThan(10);
      expect(entry.inputs.length, entry.id).toBeGreaterThan(0);
    }
  });

  it('refuses an unknown metric or segment field by name', () => {
    expect(() => computeMetrics(db, { metrics: ['mrr', 'nope'] })).toThrow(
      /No metric named nope/,
    );
    expect(() =>
      computeMetrics(db, {
        metrics: ['win_rate'],
        where: [{ field: 'colour', value: 'red' }],
      }),
    ).toThrow(/colour/);
  });
});

describe('sales metrics through the metric engine', () => {
  it('converts bookings into the reporting currency at each close date', () => {
    const result = computeMetrics(db, {
      metrics: ['bookings', 'win_rate', 'deals_won'],
      period: '2024-03',
      currency: 'USD',
    });
    // 1000.00 + 500.00 × 1.20 = 1600.00 USD; 2 won of 3 decided.
    expect(value(result, 'bookings')).toBe(1600);
    expect(value(result, 'win_rate')).toBeCloseTo(2 / 3, 12);
    expect(value(result, 'deals_won')).toBe(2);
    expect(result.currency).toBe('USD');
  });

  it('says which currency lacks a rate instead of adding', () => {
    const result = computeMetrics(db, {
      metrics: ['bookings'],
      period: '2024-03',
      currency: 'GBP',
    });
    expect(value(result, 'bookings')).toBeNull();
    expect(result.metrics[0]?.note).toMatch(/EUR, USD/);
  });

  it('applies segment filters to deals and lists the values to split by', () => {
    const retail = computeMetrics(db, {
      metrics: ['bookings', 'deals_won', 'win_rate'],
      period: '2024-03',
      where: [{ field: 'industry', value: 'Retail' }],
    });
    expect(value(retail, 'deals_won')).toBe(1);
    expect(value(retail, 'bookings')).toBe(1000);
    expect(value(retail, 'win_rate')).toBe(1);
    const bo = computeMetrics(db, {
      metrics: ['deals_won', 'win_rate'],
      period: '2024-03',
      where: [{ field: 'owner', value: 'Bo' }],
    });
    // Bo: one won, one lost.
    expect(value(bo, 'win_rate')).toBe(0.5);
    // Deals have no plan: no value rather than the whole workspace's.
    const onPlan = computeMetrics(db, {
      metrics: ['deals_won'],
      period: '2024-03',
      where: [{ field: 'plan', value: 'Pro' }],
    });
    expect(value(onPlan, 'deals_won')).toBeNull();
    expect(onPlan.metrics[0]?.note).toMatch(/cannot be split by plan/);
    expect(segmentValues(db, 'industry')).toEqual(['Health', 'Retail']);
    const choices = scopeChoices(db);
    expect(choices.currencies).toEqual(['EUR', 'USD']);
    expect(choices.segments['owner']).toEqual(['Ann', 'Bo']);
  });

  it('drills to exactly the deals a value counted', () => {
    const drill = metricDrill(db, { metric: 'deals_won', period: '2024-03' });
    expect(drill.entity).toBe('opportunities');
    const rows = gridRows(
      db,
      { entity: 'opportunities', offset: 0, limit: 10 },
      drill,
    );
    expect(rows.total).toBe(2);
    // Under a segment filter, only that segment's deals.
    const retail = metricDrill(db, {
      metric: 'deals_won',
      period: '2024-03',
      where: [{ field: 'industry', value: 'Retail' }],
    });
    const retailRows = gridRows(
      db,
      { entity: 'opportunities', offset: 0, limit: 10 },
      retail,
    );
    expect(retailRows.total).toBe(1);
    expect(() =>
      metricDrill(db, {
        metric: 'deals_won',
        period: '2024-03',
        where: [{ field: 'plan', value: 'Pro' }],
      }),
    ).toThrow(/cannot be split by plan/);
  });
});

describe('metric settings', () => {
  it('come from the workspace unless a call asks for others', () => {
    expect(computeMetrics(db, { metrics: ['clv'] }).options).toEqual({
      grossMarginPct: 80,
      churnWindowMonths: 12,
      isReactivationInNrr: false,
    });
    writeSettings(db, { grossMarginPct: 65, isReactivationInNrr: true });
    expect(computeMetrics(db, { metrics: ['clv'] }).options).toEqual({
      grossMarginPct: 65,
      churnWindowMonths: 12,
      isReactivationInNrr: true,
    });
    expect(
      computeMetrics(db, {
        metrics: ['clv'],
        options: { churnWindowMonths: 3 },
      }).options,
    ).toEqual({
      grossMarginPct: 65,
      churnWindowMonths: 3,
      isReactivationInNrr: true,
    });
  });
});

describe('targets', () => {
  it('keeps one target per metric and period, updated in place', () => {
    const first = saveTarget(db, {
      metric: 'nrr',
      period: '2024',
      baseline: 0.98,
      target: 1.05,
      owner: 'Ann',
      deadline: '2024-12-31',
    });
    expect(first).toMatchObject({ metric: 'nrr', target: 1.05, owner: 'Ann' });
    const again = saveTarget(db, {
      metric: 'nrr',
      period: '2024',
      target: 1.1,
    });
    expect(again.id).toBe(first.id);
    expect(listTargets(db)).toEqual([
      expect.objectContaining({ target: 1.1, baseline: null }),
    ]);
    expect(() =>
      saveTarget(db, { metric: 'nope', period: '2024', target: 1 }),
    ).toThrow(/no metric nope/);
    // A rate cannot be negative; money can (net new MRR).
    expect(() =>
      saveTarget(db, {
        metric: 'logo_churn_rate',
        period: '2024',
        target: -0.03,
      }),
    ).toThrow(/cannot be below zero/);
    expect(
      saveTarget(db, { metric: 'net_new_mrr', period: '2024', target: -500 })
        .target,
    ).toBe(-500);
    expect(deleteTarget(db, first.id)).toBe(true);
    expect(listTargets(db).map((target) => target.metric)).toEqual([
      'net_new_mrr',
    ]);
  });
});
