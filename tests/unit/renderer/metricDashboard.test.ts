// The arithmetic behind the metric cards and views: the period before,
// change against it, progress toward a target, the sparkline, the grid a
// metric drills into, and the bars of the MRR waterfall.
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  changeOf,
  drillEntityOf,
  monthsOfPeriod,
  previousPeriod,
  sparklinePoints,
  targetProgress,
  trailingMonths,
} from '../../../renderer/src/dashboard/metricMath.js';
import {
  axisFloor,
  waterfallBars,
  waterfallTotals,
} from '../../../renderer/src/dashboard/viewOptions.js';

describe('previousPeriod', () => {
  it('steps back one period of the same kind across year ends', () => {
    expect(previousPeriod('2024-06')).toBe('2024-05');
    expect(previousPeriod('2024-01')).toBe('2023-12');
    expect(previousPeriod('2024-Q1')).toBe('2023-Q4');
    expect(previousPeriod('2024-Q3')).toBe('2024-Q2');
    expect(previousPeriod('2024')).toBe('2023');
    expect(() => previousPeriod('June')).toThrow(RangeError);
  });
});

describe('months of a period', () => {
  it('follows the fiscal calendar', () => {
    const april = { startMonth: 4, label: 'end' as const };
    expect(monthsOfPeriod('2025-Q1', april)).toEqual({
      from: '2024-04',
      to: '2024-06',
    });
    expect(monthsOfPeriod('2024-06', april)).toEqual({
      from: '2024-06',
      to: '2024-06',
    });
  });

  it('counts twelve months back including the last', () => {
    expect(trailingMonths('2024-06', 12)).toEqual({
      from: '2023-07',
      to: '2024-06',
    });
    expect(addMonths('2024-12', 1)).toBe('2025-01');
  });
});

describe('changeOf', () => {
  it('says whether a change is for the better by direction', () => {
    // 3,833,405 - 3,316,249 = 517,156; / 3,316,249 = 15.59%
    const mrr = changeOf(3_833_405, 3_316_249, 'higher_is_better');
    expect(mrr?.delta).toBe(517_156);
    expect(mrr?.ratio).toBeCloseTo(0.15595, 4);
    expect(mrr?.isBetter).toBe(true);
    expect(changeOf(0.05, 0.04, 'lower_is_better')?.isBetter).toBe(false);
    expect(changeOf(5, 5, 'higher_is_better')?.isBetter).toBeNull();
    expect(changeOf(3, 1, 'neutral')?.isBetter).toBeNull();
  });

  it('has no ratio against zero and no change without both values', () => {
    expect(changeOf(10, 0, 'higher_is_better')?.ratio).toBeNull();
    expect(changeOf(null, 4, 'higher_is_better')).toBeNull();
    expect(changeOf(4, null, 'higher_is_better')).toBeNull();
  });
});

describe('targetProgress', () => {
  it('runs from the baseline to the target', () => {
    // (3,833,405 - 3,500,000) / (4,000,000 - 3,500,000) = 0.66681
    const progress = targetProgress(
      3_833_405,
      4_000_000,
      3_500_000,
      'higher_is_better',
    );
    expect(progress?.share).toBeCloseTo(0.66681, 5);
    expect(progress?.isMet).toBe(false);
  });

  it('fills as a lower-is-better value falls toward its target', () => {
    // Churn from 5% toward 3%, now 4%: (0.04 - 0.05) / (0.03 - 0.05) = 0.5
    const churn = targetProgress(0.04, 0.03, 0.05, 'lower_is_better');
    expect(churn?.share).toBeCloseTo(0.5, 10);
    expect(churn?.isMet).toBe(false);
    // Without a baseline: target over value, 30 / 40 days = 0.75.
    expect(targetProgress(40, 30, null, 'lower_is_better')?.share).toBe(0.75);
    expect(targetProgress(25, 30, null, 'lower_is_better')?.isMet).toBe(true);
  });

  it('runs from zero without a baseline and never goes below zero', () => {
    expect(targetProgress(50, 200, null, 'higher_is_better')?.share).toBe(0.25);
    expect(targetProgress(210, 200, null, 'higher_is_better')?.isMet).toBe(
      true,
    );
    expect(targetProgress(90, 200, 100, 'higher_is_better')?.share).toBe(0);
    expect(targetProgress(null, 200, 100, 'higher_is_better')).toBeNull();
  });
});

describe('sparklinePoints', () => {
  it('scales values into the box, low at the bottom, skipping gaps', () => {
    expect(sparklinePoints([0, 5, null, 10], 30, 10)).toBe('0,10 10,5 30,0');
  });

  it('draws a flat series in the middle and nothing for one point', () => {
    expect(sparklinePoints([3, 3], 10, 10)).toBe('0,5 10,5');
    expect(sparklinePoints([3, null], 10, 10)).toBe('');
  });
});

describe('drillEntityOf', () => {
  it('names the grid whose rows stand behind each family', () => {
    expect(drillEntityOf({ id: 'mrr', family: 'recurring' })).toBe(
      'subscriptions',
    );
    expect(drillEntityOf({ id: 'dso', family: 'cash' })).toBe('invoices');
    expect(drillEntityOf({ id: 'tcv', family: 'cash' })).toBe('subscriptions');
    expect(drillEntityOf({ id: 'csat', family: 'customers' })).toBe('tickets');
    expect(drillEntityOf({ id: 'win_rate', family: 'sales' })).toBe(
      'opportunities',
    );
    expect(drillEntityOf({ id: 'cost_per_lead', family: 'acquisition' })).toBe(
      null,
    );
  });
});

describe('the MRR waterfall', () => {
  const step = (
    month: string,
    startMrr: number,
    moves: [number, number, number, number, number],
  ) => {
    const [added, expansion, reactivation, contraction, churn] = moves;
    return {
      month,
      startMrr,
      new: added,
      expansion,
      reactivation,
      contraction,
      churn,
      currencyEffect: 0,
      endMrr: startMrr + added + expansion + reactivation - contraction - churn,
      note: null,
    };
  };

  it('sums the months of the period between its first start and last end', () => {
    // April: 1000 + 100 + 50 + 0 - 20 - 30 = 1100;
    // May: 1100 + 10 + 0 + 40 - 0 - 150 = 1000.
    const totals = waterfallTotals([
      step('2024-04', 1000, [100, 50, 0, 20, 30]),
      step('2024-05', 1100, [10, 0, 40, 0, 150]),
    ]);
    expect(totals).toEqual({
      start: 1000,
      new: 110,
      expansion: 50,
      reactivation: 40,
      contraction: 20,
      churn: 180,
      currencyEffect: 0,
      end: 1000,
    });
    const bars = waterfallBars(totals ?? expect.fail('no totals'));
    // Running total: 1000 -> 1110 -> 1160 -> 1200 -> 1180 -> 1000.
    expect(bars.base).toEqual([0, 1000, 1110, 1160, 1180, 1000, 1000, 0]);
    expect(bars.size).toEqual([1000, 110, 50, 40, 20, 180, 0, 1000]);
    expect(bars.signed).toEqual([1000, 110, 50, 40, -20, -180, 0, 1000]);
  });

  it('starts the value axis under the lowest bar when all sit high', () => {
    // Lowest 3,316,249, highest 3,849,605: a 533k spread, so steps of
    // 100k, floor((3,316,249 - 266,678) / 100k) * 100k = 3,000,000.
    expect(axisFloor([0, 3_316_249, 3_849_605], [3_316_249, 100, 0])).toBe(
      3_000_000,
    );
    expect(axisFloor([0, 0], [100, 10])).toBe(0);
    expect(axisFloor([0, 10], [1000, 900])).toBe(0);
  });

  it('has no totals without months', () => {
    expect(waterfallTotals([])).toBeNull();
  });
});
