import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gridRows } from '../../../electron/engine/grid/gridQuery.js';
import {
  customerMetrics,
  featureUseByAccount,
} from '../../../electron/engine/kpi/customers/customerMetrics.js';
import type { Db } from '../../../electron/engine/store/database.js';
import { resolvePeriod } from '../../../shared/period.js';
import { tempWorkspace, type TempDir } from '../../support/workspace.js';
import { byId, metricContext } from './metricFixture.js';

const MARCH = resolvePeriod('2024-03');

let db: Db;
let temp: TempDir;

beforeEach(() => {
  ({ db, temp } = tempWorkspace());
  db.exec(`
    INSERT INTO accounts (id, name, name_key, industry) VALUES
      (1, 'Acme', 'acme', 'Retail'), (2, 'Beta', 'beta', 'Tech'),
      (3, 'Cleo', 'cleo', 'Retail');

    -- k2 counts in March by its close; k4 is open, so by its opening;
    -- k5 has no score; k6 closes in April.
    INSERT INTO tickets (external_id, account_id, opened_at, closed_at,
        satisfaction_score) VALUES
      ('k1', 1, '2024-03-01T10:00:00.000Z', '2024-03-02T09:00:00.000Z', 5),
      ('k2', 1, '2024-02-28T10:00:00.000Z', '2024-03-01T00:30:00.000Z', 4),
      ('k3', 2, '2024-03-10T10:00:00.000Z', '2024-03-11T10:00:00.000Z', 3),
      ('k4', 2, '2024-03-15T10:00:00.000Z', NULL, 2),
      ('k5', 3, '2024-03-20T10:00:00.000Z', '2024-03-21T10:00:00.000Z', NULL),
      ('k6', 3, '2024-03-30T10:00:00.000Z', '2024-04-01T10:00:00.000Z', 5);

    -- Paying in March: Acme (s1) and Beta (s2, 03-10 to 03-20). Cleo has a
    -- trial (s3) and a subscription starting in April (s4).
    INSERT INTO subscriptions (id, external_id, account_id, start_on, end_on,
        mrr_minor, currency, is_trial) VALUES
      (1, 's1', 1, '2024-01-01', NULL, 10000, 'USD', 0),
      (2, 's2', 2, '2024-03-10', '2024-03-20', 5000, 'USD', 0),
      (3, 's3', 3, '2024-03-01', NULL, 0, 'USD', 1),
      (4, 's4', 3, '2024-04-01', NULL, 7000, 'USD', 0);

    -- Acme uses two features in March (one row linked only through its
    -- subscription); Beta's March row has a zero count and its real use is
    -- in February; Cleo uses a feature on its trial.
    INSERT INTO feature_usage (subscription_id, account_id, used_on, feature,
        usage_count) VALUES
      (1, 1, '2024-03-05', 'reports', 3),
      (1, NULL, '2024-03-06', 'export', 1),
      (2, 2, '2024-02-20', 'reports', 4),
      (2, 2, '2024-03-12', 'api', 0),
      (3, 3, '2024-03-07', 'reports', 5);

    INSERT INTO customer_snapshots (account_id, monthly_charges_minor,
        currency, is_churned) VALUES
      (1, 1000, 'USD', 1), (2, 2000, 'USD', 0), (3, 3050, 'USD', 1),
      (NULL, 1000, 'EUR', 0);
    INSERT INTO exchange_rates (rate_on, from_currency, to_currency, rate)
      VALUES ('2024-01-01', 'EUR', 'USD', '1.10');
  `);
});
afterEach(() => {
  db.close();
  temp.remove();
});

describe('CSAT', () => {
  it('is the share of answered tickets scoring 4 or 5, and their mean', () => {
    const results = byId(
      customerMetrics.compute(metricContext(db), ['csat', 'csat_mean'], MARCH),
    );
    // Answered in March: k1 5, k2 4, k3 3, k4 2 → 2 of 4 satisfied.
    expect(results.csat).toMatchObject({
      value: 2 / 4,
      unit: 'ratio',
      currency: null,
      inputs: { answered: 4, satisfied: 2, scoreSum: 14 },
    });
    // (5 + 4 + 3 + 2) / 4 = 3.5.
    expect(results.csat_mean?.value).toBe(3.5);
  });

  it('filters by the account industry and drills into the tickets', () => {
    const context = metricContext(db, [{ field: 'industry', value: 'Retail' }]);
    const results = byId(
      customerMetrics.compute(context, ['csat', 'csat_mean'], MARCH),
    );
    // Retail: Acme's k1 5 and k2 4 (Cleo's k5 is unanswered, k6 in April).
    expect(results.csat?.value).toBe(1);
    expect(results.csat_mean?.value).toBe(4.5);
    const drill = customerMetrics.drill(context, 'csat', MARCH);
    if (!drill) throw new Error('no drill');
    const rows = gridRows(
      db,
      { entity: drill.entity, limit: 50, offset: 0 },
      drill,
    );
    expect(rows.rows.map((row) => row['id'])).toEqual(['k1', 'k2']);
  });

  it('has no value in a period without answers', () => {
    const [csat] = customerMetrics.compute(
      metricContext(db),
      ['csat'],
      resolvePeriod('2023-01'),
    );
    expect(csat?.value).toBeNull();
    expect(csat?.note).toMatch(/No answered tickets/);
  });
});

describe('adoption', () => {
  it('is paying accounts that used a feature over paying accounts', () => {
    const [rate] = customerMetrics.compute(
      metricContext(db),
      ['adoption_rate'],
      MARCH,
    );
    // Paying in March: Acme, Beta. Used a feature: Acme only → 1 / 2.
    expect(rate).toMatchObject({
      value: 1 / 2,
      inputs: { activeAccounts: 1, payingAccounts: 2 },
    });
    const drill = customerMetrics.drill(
      metricContext(db),
      'adoption_rate',
      MARCH,
    );
    if (!drill) throw new Error('no drill');
    const rows = gridRows(
      db,
      { entity: drill.entity, limit: 50, offset: 0 },
      drill,
    );
    expect(rows.rows.map((row) => row['name'])).toEqual(['Acme']);
  });

  it('lists feature use per paying account', () => {
    const use = featureUseByAccount(metricContext(db), MARCH);
    // Acme: reports (3) and export (1) → 2 features, 4 uses; Beta: none.
    expect(use.rows).toEqual([
      {
        accountId: 1,
        account: 'Acme',
        features: 2,
        uses: 4,
        seconds: 0,
        errors: 0,
      },
      {
        accountId: 2,
        account: 'Beta',
        features: 0,
        uses: 0,
        seconds: 0,
        errors: 0,
      },
    ]);
  });
});

describe('customer snapshot table', () => {
  it('gives churn over customers and the mean monthly charge', () => {
    const results = byId(
      customerMetrics.compute(
        metricContext(db),
        ['snapshot_churn_rate', 'snapshot_arpu'],
        MARCH,
      ),
    );
    // 2 churned of 4.
    expect(results.snapshot_churn_rate?.value).toBe(0.5);
    // (10.00 + 20.00 + 30.50 + EUR 10.00 × 1.10) / 4 = 71.50 / 4.
    expect(results.snapshot_arpu?.value).toBeCloseTo(71.5 / 4, 12);
    expect(results.snapshot_arpu?.currency).toBe('USD');
  });

  it('has no ARPU without a rate, and says which currency', () => {
    db.exec('DELETE FROM exchange_rates');
    const [arpu] = customerMetrics.compute(
      metricContext(db),
      ['snapshot_arpu'],
      MARCH,
    );
    expect(arpu?.value).toBeNull();
    expect(arpu?.note).toContain('EUR');
  });
});
