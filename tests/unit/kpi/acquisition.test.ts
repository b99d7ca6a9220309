import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gridRows } from '../../../electron/engine/grid/gridQuery.js';
import {
  acquisitionMetrics,
  costPerLeadByChannel,
} from '../../../electron/engine/kpi/acquisition/acquisitionMetrics.js';
import { DEFAULT_METRIC_OPTIONS } from '../../../electron/engine/kpi/metricTypes.js';
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
    INSERT INTO accounts (id, name, name_key, channel, industry) VALUES
      (1, 'Acme', 'acme', 'Paid Search', 'Retail'),
      (2, 'Beta', 'beta', 'Events', 'Tech'),
      (3, 'Cleo', 'cleo', 'Events', 'Tech'),
      (4, 'Dune', 'dune', 'Paid Search', 'Retail');
    INSERT INTO campaigns (id, name, channel) VALUES
      (1, 'Search', 'Paid Search'), (2, 'Expo', 'Events');
    INSERT INTO exchange_rates (rate_on, from_currency, to_currency, rate)
      VALUES ('2024-01-01', 'EUR', 'USD', '1.10');

    -- March spend: Search 1000 + 500, Expo EUR 1000 × 1.10 = 1100, and 200
    -- without a campaign; the February row is outside.
    INSERT INTO campaign_spend (campaign_id, spend_on, amount_minor, currency)
      VALUES (1, '2024-03-05', 100000, 'USD'), (1, '2024-03-20', 50000, 'USD'),
             (2, '2024-03-10', 100000, 'EUR'), (NULL, '2024-03-11', 20000, 'USD'),
             (1, '2024-02-10', 30000, 'USD');

    -- March leads: l1 Paid Search (from its campaign), l2 Paid Search (its
    -- own), l3 Events (campaign), l4 Referral (own); l5 is February's.
    INSERT INTO leads (external_id, channel, campaign_id, created_on) VALUES
      ('l1', NULL, 1, '2024-03-02'), ('l2', 'Paid Search', NULL, '2024-03-03'),
      ('l3', NULL, 2, '2024-03-04'), ('l4', 'Referral', NULL, '2024-03-30'),
      ('l5', NULL, 1, '2024-02-01');

    -- First paying month ends: Acme 2024-03-31 (MRR 100 + 50 that day);
    -- Beta 2024-02-29; Cleo 2024-03-31 (its January trial does not count,
    -- MRR 200); Dune's March subscription ends before 03-31, so its first
    -- paying month end is 2024-04-30.
    INSERT INTO subscriptions (external_id, account_id, start_on, end_on,
        mrr_minor, currency, is_trial) VALUES
      ('a1', 1, '2024-03-10', NULL, 10000, 'USD', 0),
      ('a2', 1, '2024-03-25', NULL, 5000, 'USD', 0),
      ('b1', 2, '2024-02-15', NULL, 8000, 'USD', 0),
      ('c0', 3, '2024-01-05', '2024-03-01', 0, 'USD', 1),
      ('c1', 3, '2024-03-01', '2024-06-01', 20000, 'USD', 0),
      ('d1', 4, '2024-03-05', '2024-03-20', 9000, 'USD', 0),
      ('d2', 4, '2024-04-02', NULL, 9000, 'USD', 0);
  `);
});
afterEach(() => {
  db.close();
  temp.remove();
});

describe('CAC and payback', () => {
  it('divides March spend by March new customers', () => {
    const results = byId(
      acquisitionMetrics.compute(
        metricContext(db),
        ['cac', 'cac_payback_months'],
        MARCH,
      ),
    );
    // Spend 1000 + 500 + 1100 + 200 = 2800; new customers Acme and Cleo.
    expect(results.cac).toMatchObject({
      value: 2800 / 2,
      currency: 'USD',
      inputs: { spend: 2800, newCustomers: 2 },
    });
    // New-customer ARPA = (150 + 200) / 2 = 175; × 80% margin = 140 a
    // month; 1400 / 140 = 10 months.
    expect(DEFAULT_METRIC_OPTIONS.grossMarginPct).toBe(80);
    expect(results.cac_payback_months?.value).toBeCloseTo(10, 12);
    expect(results.cac_payback_months?.inputs).toMatchObject({
      newCustomerMrr: 350,
      newCustomerArpa: 175,
    });
  });

  it('follows a channel through spend and customers', () => {
    const context = metricContext(db, [{ field: 'channel', value: 'Events' }]);
    const [cac] = acquisitionMetrics.compute(context, ['cac'], MARCH);
    // Expo spend 1100; Events customers new in March: Cleo.
    expect(cac?.value).toBe(1100);
  });

  it('has no value for a field spend cannot be split by', () => {
    const context = metricContext(db, [{ field: 'industry', value: 'Retail' }]);
    const [cac] = acquisitionMetrics.compute(context, ['cac'], MARCH);
    expect(cac?.value).toBeNull();
    expect(cac?.note).toMatch(/spend .*industry/);
  });

  it('has no value when a spend currency has no rate', () => {
    db.exec('DELETE FROM exchange_rates');
    const [cac] = acquisitionMetrics.compute(metricContext(db), ['cac'], MARCH);
    expect(cac?.value).toBeNull();
    expect(cac?.note).toContain('EUR');
  });

  it("drills into the new customers' paying subscriptions", () => {
    const drill = acquisitionMetrics.drill(metricContext(db), 'cac', MARCH);
    if (!drill) throw new Error('no drill');
    const rows = gridRows(
      db,
      { entity: drill.entity, limit: 50, offset: 0 },
      drill,
    );
    expect(rows.rows.map((row) => row['id'])).toEqual(['a1', 'a2', 'c1']);
  });
});

describe('cost per lead', () => {
  it('divides spend by leads in total and per channel', () => {
    const [total] = acquisitionMetrics.compute(
      metricContext(db),
      ['cost_per_lead'],
      MARCH,
    );
    // 2800 / 4 leads.
    expect(total).toMatchObject({
      value: 700,
      inputs: { spend: 2800, leads: 4 },
    });
    expect(costPerLeadByChannel(metricContext(db), MARCH).rows).toEqual([
      // Spend without a campaign has no channel and no leads.
      { channel: '(none)', spend: 200, leads: 0, costPerLead: null },
      { channel: 'Events', spend: 1100, leads: 1, costPerLead: 1100 },
      // (1000 + 500) / 2.
      { channel: 'Paid Search', spend: 1500, leads: 2, costPerLead: 750 },
      { channel: 'Referral', spend: 0, leads: 1, costPerLead: 0 },
    ]);
  });
});
