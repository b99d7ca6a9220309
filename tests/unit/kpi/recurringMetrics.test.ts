// Every recurring-revenue metric on the hand-made book of
// recurringFixture.ts; the arithmetic is written beside each expectation.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadRateBook } from '../../../electron/engine/kpi/fx.js';
import {
  DEFAULT_METRIC_OPTIONS,
  type MetricContext,
  type MetricFilter,
  type MetricOptions,
} from '../../../electron/engine/kpi/metricTypes.js';
import {
  computeRecurring,
  recurringMetrics,
} from '../../../electron/engine/kpi/recurring/index.js';
import type { Db } from '../../../electron/engine/store/database.js';
import { readSettings } from '../../../electron/engine/store/settings.js';
import {
  RECURRING_METRICS,
  RECURRING_METRIC_IDS,
} from '../../../shared/catalogue/recurring.js';
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

function context(
  filters: MetricFilter[] = [],
  options: Partial<MetricOptions> = {},
): MetricContext {
  return {
    db,
    settings: readSettings(db),
    rates: loadRateBook(db, 'USD'),
    filters,
    options: { ...DEFAULT_METRIC_OPTIONS, ...options },
  };
}

function values(
  period: string,
  ctx = context(),
  ids: readonly string[] = RECURRING_METRIC_IDS,
) {
  const results = computeRecurring(ctx, ids, resolvePeriod(period));
  return Object.fromEntries(results.map((result) => [result.id, result]));
}

function valueMap(period: string, ctx = context()) {
  const results = values(period, ctx);
  return Object.fromEntries(
    Object.entries(results).map(([id, result]) => [id, result.value]),
  );
}

describe('recurring revenue catalogue', () => {
  it('has one entry per id, all in the recurring family', () => {
    expect(RECURRING_METRICS.map((entry) => entry.id)).toEqual([
      ...RECURRING_METRIC_IDS,
    ]);
    expect(new Set(RECURRING_METRICS.map((entry) => entry.family))).toEqual(
      new Set(['recurring']),
    );
    expect(recurringMetrics.ids).toEqual(RECURRING_METRIC_IDS);
  });
});

describe('monthly values', () => {
  it('February: expansion from a second subscription and a start on the last day', () => {
    const v = valueMap('2024-02');
    expect(v['mrr']).toBeCloseTo(490, 9); // 150 + 220 + 80 + 40
    expect(v['arr']).toBeCloseTo(5880, 9); // 490 x 12
    expect(v['mrr_new']).toBeCloseTo(80, 9); // A3 (S5 starts Feb 29)
    expect(v['mrr_expansion']).toBeCloseTo(50, 9); // A1 adds S2
    expect(v['mrr_contraction']).toBe(0);
    expect(v['mrr_churn']).toBe(0);
    expect(v['customers']).toBe(4); // A1, A2, A3, A5; trial A4 left out
    expect(v['arpa']).toBeCloseTo(122.5, 9); // 490 / 4
  });

  it('March: an end on the last day of the month is churn', () => {
    const v = valueMap('2024-03');
    expect(v['mrr']).toBeCloseTo(290, 9); // 150 + 100 + 40
    expect(v['mrr_churn']).toBeCloseTo(240, 9); // 200 EUR x 1.20 on Mar 31
    expect(v['mrr_expansion']).toBeCloseTo(20, 9); // A3 adds S6
    expect(v['net_new_mrr']).toBeCloseTo(-220, 9); // 20 - 240
    expect(v['logo_churn_rate']).toBeCloseTo(1 / 4, 9); // A2 of 4 at Feb end
    expect(v['gross_mrr_churn_rate']).toBeCloseTo(240 / 490, 9);
    expect(v['grr']).toBeCloseTo((490 - 240) / 490, 9);
    expect(v['nrr']).toBeCloseTo((490 + 20 - 240) / 490, 9);
    expect(v['quick_ratio']).toBeCloseTo(20 / 240, 9);
    // S3 ended on Mar 31 and A2 came back only 50 days later.
    expect(v['renewal_rate']).toBe(0);
  });

  it('April: dropping one of two subscriptions is contraction; a key-only customer is new', () => {
    const v = valueMap('2024-04');
    expect(v['mrr']).toBeCloseTo(270, 9); // 100 + 100 + 40 + 30
    expect(v['mrr_contraction']).toBeCloseTo(50, 9); // A1 keeps S1
    expect(v['mrr_churn']).toBe(0);
    expect(v['mrr_new']).toBeCloseTo(30, 9); // K-9, no account link
    expect(v['customers']).toBe(4);
  });

  it('May: a returning customer is reactivation, counted in NRR only when set', () => {
    const v = values('2024-05');
    expect(v['mrr_reactivation']?.value).toBeCloseTo(180, 9); // 150 x 1.20
    expect(v['mrr_new']?.value).toBe(0);
    expect(v['mrr_expansion']?.value).toBeCloseTo(5, 9); // A5 45 - 40
    expect(v['nrr']?.value).toBeCloseTo((270 + 5) / 270, 9);
    expect(v['nrr']?.note).toBe('Reactivation does not count in NRR.');
    const counted = values(
      '2024-05',
      context([], { isReactivationInNrr: true }),
    );
    expect(counted['nrr']?.value).toBeCloseTo((270 + 5 + 180) / 270, 9);
    expect(counted['nrr']?.note).toBe('Reactivation counts in NRR.');
    // S9 ended May 15 and A5 started S10 the same day.
    expect(v['renewal_rate']?.value).toBe(1);
  });

  it('June: CLV over a three-month churn window', () => {
    const v = values('2024-06', context([], { churnWindowMonths: 3 }));
    // Monthly logo churn: Apr 0/3, May 0/4, Jun 1/5; mean 0.2 / 3.
    // ARPA 425 / 4 = 106.25; CLV = 106.25 x 0.80 / (0.2 / 3) = 1275.
    expect(v['arpa']?.value).toBeCloseTo(106.25, 9);
    expect(v['clv']?.value).toBeCloseTo(1275, 6);
    expect(v['clv']?.inputs).toMatchObject({
      grossMarginPct: 80,
      churnWindowMonths: 3,
      monthsWithCustomers: 3,
    });
    expect(v['clv']?.inputs['meanMonthlyLogoChurn']).toBeCloseTo(0.2 / 3, 9);
  });
});

describe('a quarter', () => {
  it('takes MRR at its last month end, sums movements and chains rates', () => {
    const r = values('2024-Q2');
    const v = Object.fromEntries(
      Object.entries(r).map(([id, result]) => [id, result.value]),
    );
    expect(v['mrr']).toBeCloseTo(425, 9);
    expect(v['arr']).toBeCloseTo(5100, 9);
    expect(v['customers']).toBe(4);
    expect(v['arpa']).toBeCloseTo(425 / 4, 9);
    expect(v['mrr_new']).toBeCloseTo(30, 9);
    expect(v['mrr_expansion']).toBeCloseTo(5, 9);
    expect(v['mrr_contraction']).toBeCloseTo(50, 9);
    expect(v['mrr_churn']).toBeCloseTo(30, 9);
    expect(v['mrr_reactivation']).toBeCloseTo(180, 9);
    // 30 + 5 + 180 - 50 - 30 = 135 = 425 - 290.
    expect(v['net_new_mrr']).toBeCloseTo(135, 9);
    expect(r['net_new_mrr']?.inputs).toMatchObject({ startMrr: 290 });
    // Logo churn: 1 - (1 - 0/3)(1 - 0/4)(1 - 1/5) = 0.2.
    expect(v['logo_churn_rate']).toBeCloseTo(0.2, 9);
    // GRR: Apr (290 - 50) / 290, May 270 / 270, Jun (455 - 30) / 455.
    const grr = (240 / 290) * 1 * (425 / 455);
    expect(v['grr']).toBeCloseTo(grr, 9);
    expect(v['gross_mrr_churn_rate']).toBeCloseTo(1 - grr, 9);
    expect(r['grr']?.inputs['rate 2024-05']).toBe(1);
    // NRR: Apr 240 / 290, May (270 + 5) / 270, Jun 425 / 455.
    expect(v['nrr']).toBeCloseTo((240 / 290) * (275 / 270) * (425 / 455), 9);
    // (30 + 5 + 180) / (50 + 30)
    expect(v['quick_ratio']).toBeCloseTo(215 / 80, 9);
    // Up: S2 (Apr 15), S9 (May 15), S8 (Jun 30); the trial S7 is not;
    // renewed: S9 by S10.
    expect(v['renewal_rate']).toBeCloseTo(1 / 3, 9);
    expect(r['renewal_rate']?.inputs).toEqual({ renewed: 1, upForRenewal: 3 });
  });
});

describe('currencies', () => {
  it('a missing rate leaves money empty and names the currency', () => {
    db.exec(`INSERT INTO subscriptions (external_id, account_id, currency,
      mrr_minor, start_on) VALUES ('S11', 5, 'GBP', 1000, '2024-06-01')`);
    const june = values('2024-06');
    expect(june['mrr']?.value).toBeNull();
    expect(june['mrr']?.note).toContain('GBP');
    expect(june['mrr_expansion']?.value).toBeNull();
    // Counts need no rate; May has no GBP yet.
    expect(june['customers']?.value).toBe(4);
    expect(values('2024-05')['mrr']?.value).toBeCloseTo(455, 9);
  });
});

describe('segment filters', () => {
  it('filters by an account field from the stored changes', () => {
    const v = valueMap(
      '2024-06',
      context([{ field: 'industry', value: 'retail' }]),
    );
    expect(v['mrr']).toBeCloseTo(200, 9); // A1 100 + A3 100
    expect(v['customers']).toBe(2);
    const owned = valueMap(
      '2024-06',
      context([{ field: 'owner', value: 'Ann' }]),
    );
    expect(owned['mrr']).toBeCloseTo(200, 9);
  });

  it('filters by plan from the matching subscriptions', () => {
    const pro = valueMap('2024-06', context([{ field: 'plan', value: 'Pro' }]));
    expect(pro['mrr']).toBeCloseTo(180, 9); // S1 100 + S5 80
    // Within the add-on plan A1 stops paying when S2 ends: churn there.
    const addon = valueMap(
      '2024-04',
      context([{ field: 'plan', value: 'Addon' }]),
    );
    expect(addon['mrr_churn']).toBeCloseTo(50, 9);
    expect(addon['mrr_contraction']).toBe(0);
  });

  it('names an unknown field', () => {
    expect(() =>
      values('2024-06', context([{ field: 'colour', value: 'red' }])),
    ).toThrow(/colour/);
  });
});
