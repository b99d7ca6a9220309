import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gridRows } from '../../../electron/engine/grid/gridQuery.js';
import {
  createPipelineMetrics,
  pipelineMetrics,
} from '../../../electron/engine/kpi/pipeline/pipelineMetrics.js';
import type { Db } from '../../../electron/engine/store/database.js';
import { resolvePeriod } from '../../../shared/period.js';
import { tempWorkspace, type TempDir } from '../../support/workspace.js';
import { metricContext } from './metricFixture.js';

const Q1 = resolvePeriod('2024-Q1');

let db: Db;
let temp: TempDir;

// Deals (amounts in USD unless said):
//  #  owner status stage        prob created     closed      expected    amount
//  o1 Ann   open   Proposal     -    2024-01-10  -           2024-03-20  1000
//  o2 Bo    open   Negotiation  0.9  2024-02-01  -           2024-05-01  2000
//  o3 Ann   open   Mystery      -    2024-02-01  -           -            500
//  o4 Ann   won    Closed Won   1    2024-01-16  2024-02-15  -           3000
//  o5 Bo    won    Closed Won   1    2024-01-10  2024-03-10  -           1000
//  o6 Bo    lost   Closed Lost  0    2024-01-01  2024-03-01  -           -
//  o7 Ann   open   Proposal     -    2024-04-02  -           -           9000
//  o8 Bo    open   Prospecting  50   2024-03-05  -           2024-03-25  EUR 1000
type Deal = [
  string,
  number,
  string,
  string,
  number | null,
  string,
  string | null,
  string | null,
  number | null,
  string,
];
const DEALS: Deal[] = [
  [
    'o1',
    1,
    'open',
    'Proposal',
    null,
    '2024-01-10',
    null,
    '2024-03-20',
    100000,
    'USD',
  ],
  [
    'o2',
    2,
    'open',
    'Negotiation',
    0.9,
    '2024-02-01',
    null,
    '2024-05-01',
    200000,
    'USD',
  ],
  ['o3', 1, 'open', 'Mystery', null, '2024-02-01', null, null, 50000, 'USD'],
  [
    'o4',
    1,
    'won',
    'Closed Won',
    1,
    '2024-01-16',
    '2024-02-15',
    null,
    300000,
    'USD',
  ],
  [
    'o5',
    2,
    'won',
    'Closed Won',
    1,
    '2024-01-10',
    '2024-03-10',
    null,
    100000,
    'USD',
  ],
  [
    'o6',
    2,
    'lost',
    'Closed Lost',
    0,
    '2024-01-01',
    '2024-03-01',
    null,
    null,
    'USD',
  ],
  ['o7', 1, 'open', 'Proposal', null, '2024-04-02', null, null, 900000, 'USD'],
  [
    'o8',
    2,
    'open',
    'Prospecting',
    50,
    '2024-03-05',
    null,
    '2024-03-25',
    100000,
    'EUR',
  ],
];

beforeEach(() => {
  ({ db, temp } = tempWorkspace());
  db.exec(`
    INSERT INTO teams (id, name) VALUES (1, 'East'), (2, 'West');
    INSERT INTO users (id, name, team_id) VALUES (1, 'Ann', 1), (2, 'Bo', 2);
    INSERT INTO exchange_rates (rate_on, from_currency, to_currency, rate)
      VALUES ('2024-01-01', 'EUR', 'USD', '1.10');
    -- Q1: reps 4000 each and teams 4000 each (the teams add up their
    -- reps, so only one level counts); Q2: a rep quota only.
    INSERT INTO quotas (user_id, team_id, period_start, period_end,
        amount_minor, currency) VALUES
      (1, 1, '2024-01-01', '2024-03-31', 400000, 'USD'),
      (2, 2, '2024-01-01', '2024-03-31', 400000, 'USD'),
      (NULL, 1, '2024-01-01', '2024-03-31', 400000, 'USD'),
      (NULL, 2, '2024-01-01', '2024-03-31', 400000, 'USD'),
      (1, 1, '2024-04-01', '2024-06-30', 300000, 'USD');
  `);
  const insert = db.prepare(
    `INSERT INTO opportunities (external_id, owner_user_id, owner_name,
       status, stage, probability, created_on, closed_on, expected_close_on,
       amount_minor, currency) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const [id, owner, ...rest] of DEALS) {
    insert.run(id, owner, owner === 1 ? 'Ann' : 'Bo', ...rest);
  }
});
afterEach(() => {
  db.close();
  temp.remove();
});

describe('weighted pipeline', () => {
  it('weights deals open at the period end by their probability', () => {
    const [weighted] = pipelineMetrics.compute(
      metricContext(db),
      ['weighted_pipeline'],
      Q1,
    );
    // Open at 03-31: o1 1000 × 50% (Proposal) + o2 2000 × 0.9 + o3 500 ×
    // 10% (unknown stage) + o8 EUR 1000 × 1.10 × 50 (percent) = 1100 × 0.5.
    expect(weighted?.value).toBeCloseTo(500 + 1800 + 50 + 550, 9);
    expect(weighted?.inputs).toMatchObject({
      openDeals: 4,
      openAmount: 1000 + 2000 + 500 + 1100,
      dealsAtDefaultProbability: 1,
    });
    expect(weighted?.note).toMatch(/1 open deals/);
  });

  it('drills into the open deals', () => {
    const drill = pipelineMetrics.drill(
      metricContext(db),
      'weighted_pipeline',
      Q1,
    );
    if (!drill) throw new Error('no drill');
    const rows = gridRows(
      db,
      { entity: drill.entity, limit: 50, offset: 0 },
      drill,
    );
    expect(rows.rows.map((row) => row['id'])).toEqual(['o1', 'o2', 'o3', 'o8']);
  });
});

describe('sales velocity', () => {
  it('multiplies open deals, average won size and win rate over the mean cycle', () => {
    const [velocity] = pipelineMetrics.compute(
      metricContext(db),
      ['sales_velocity'],
      Q1,
    );
    // Open at 03-31: 4. Won in Q1: o4 3000 and o5 1000 → average 2000.
    // Win rate 2 / (2 + 1). Cycles: o4 01-16 → 02-15 = 30 days; o5 01-10
    // → 03-10 = 21 + 29 + 10 = 60 days; mean 45.
    expect(velocity?.value).toBeCloseTo((4 * 2000 * (2 / 3)) / 45, 9);
    expect(velocity?.inputs).toMatchObject({
      openDeals: 4,
      avgWonDealSize: 2000,
      meanSalesCycleDays: 45,
    });
  });
});

describe('pipeline coverage', () => {
  const midQuarter = createPipelineMetrics({ today: () => '2024-02-20' });

  it('covers what is left of the team quota from the deals open today', () => {
    const [coverage] = midQuarter.compute(
      metricContext(db),
      ['pipeline_coverage'],
      Q1,
    );
    // Quota: the two team quotas, 8000 (rep quotas are not added on top).
    // Booked by 02-20: o4 3000 → 5000 left. Open on 02-20 and expected by
    // 03-31 or undated: o1 1000, o3 500, o5 1000 (won later), o6 (no
    // amount); o2 is expected in May. 2500 / 5000.
    expect(coverage).toMatchObject({
      value: 0.5,
      inputs: {
        quota: 8000,
        bookingsSoFar: 3000,
        remainingTarget: 5000,
        openPipeline: 2500,
        openDeals: 4,
      },
    });
  });

  it("uses the rep's own quota for an owner", () => {
    const context = metricContext(db, [{ field: 'owner', value: 'Ann' }]);
    const [coverage] = midQuarter.compute(context, ['pipeline_coverage'], Q1);
    // Ann: quota 4000 − booked 3000 = 1000; open o1 1000 + o3 500.
    expect(coverage?.value).toBe(1.5);
  });

  it('has no value without a quota, or when a filter cannot reach quotas', () => {
    const [none] = midQuarter.compute(
      metricContext(db),
      ['pipeline_coverage'],
      resolvePeriod('2024-Q3'),
    );
    expect(none?.value).toBeNull();
    expect(none?.note).toMatch(/No quota/);
    const industry = metricContext(db, [
      { field: 'industry', value: 'Retail' },
    ]);
    const [split] = midQuarter.compute(industry, ['pipeline_coverage'], Q1);
    expect(split?.value).toBeNull();
    expect(split?.note).toMatch(/quotas .*industry/);
  });

  it('has no value once the quota is met', () => {
    db.exec('UPDATE quotas SET amount_minor = 100000');
    const [met] = midQuarter.compute(
      metricContext(db),
      ['pipeline_coverage'],
      Q1,
    );
    // Teams 1000 + 1000 = 2000 < 3000 booked.
    expect(met?.value).toBeNull();
    expect(met?.note).toMatch(/already meet/);
  });
});
