import { afterEach, describe, expect, it } from 'vitest';
import { monthlyMinor } from '../../../electron/engine/import/presets/operations.js';
import { rollbackBatch } from '../../../electron/engine/import/rollback.js';
import { importFile } from '../../../electron/engine/import/runImport.js';
import { tempWorkspace, type TempDir } from '../../support/workspace.js';

let temp: TempDir | undefined;
afterEach(() => temp?.remove());

const quiet = { isCancelled: () => false, onProgress: () => undefined };

function setup() {
  const workspace = tempWorkspace();
  temp = workspace.temp;
  const run = (name: string, text: string) =>
    importFile(
      workspace.db,
      { path: workspace.temp.file(name, text), name, preset: null },
      quiet,
    );
  return { db: workspace.db, run };
}

describe('subscription exports (Stripe-style headers)', () => {
  it('spreads each interval over its months and keeps trials at zero', async () => {
    const { db, run } = setup();
    const result = await run(
      'subscriptions.csv',
      [
        'id,Customer ID,Plan,Quantity,Interval,Amount,Currency,Status,Start (UTC),Ended At (UTC)',
        'sub_1,cus_A,Pro,3,month,49.00,usd,active,2024-01-15 10:00,',
        'sub_2,cus_B,Pro,1,year,1200.00,usd,canceled,2023-06-01 00:00,2024-05-31 23:59',
        'sub_3,cus_C,Team,2,year,100.00,eur,active,2024-02-01 08:30,',
        'sub_4,cus_D,Pro,1,month,49.00,usd,trialing,2024-03-01 00:00,',
      ].join('\n'),
    );
    expect(result).toMatchObject({
      status: 'committed',
      preset: 'billing-subscriptions',
      rowsNew: 4,
      rowsRejected: 0,
    });
    const rows = db
      .prepare(
        'SELECT external_id, account_key, start_on, end_on, mrr_minor, currency, is_trial FROM subscriptions ORDER BY id',
      )
      .all();
    expect(rows).toEqual([
      // 49.00 x 3 seats a month
      {
        external_id: 'sub_1',
        account_key: 'cus_A',
        start_on: '2024-01-15',
        end_on: null,
        mrr_minor: 14700,
        currency: 'USD',
        is_trial: 0,
      },
      // 1,200.00 a year / 12
      {
        external_id: 'sub_2',
        account_key: 'cus_B',
        start_on: '2023-06-01',
        end_on: '2024-05-31',
        mrr_minor: 10000,
        currency: 'USD',
        is_trial: 0,
      },
      // 100.00 x 2 a year / 12 = 16.666... -> 16.67
      {
        external_id: 'sub_3',
        account_key: 'cus_C',
        start_on: '2024-02-01',
        end_on: null,
        mrr_minor: 1667,
        currency: 'EUR',
        is_trial: 0,
      },
      {
        external_id: 'sub_4',
        account_key: 'cus_D',
        start_on: '2024-03-01',
        end_on: null,
        mrr_minor: 0,
        currency: 'USD',
        is_trial: 1,
      },
    ]);
  });

  it('rounds monthly amounts half away from zero and refuses unknown intervals', () => {
    expect(monthlyMinor(10000, 1, 'year')).toBe(833); // 8.333...
    expect(monthlyMinor(-10000, 1, 'year')).toBe(-833);
    expect(monthlyMinor(18, 1, 'year')).toBe(2); // 1.5 -> 2
    expect(monthlyMinor(900, 1, 'quarter')).toBe(300);
    expect(monthlyMinor(900, 1, 'fortnight')).toBeNull();
  });
});

describe('help-desk tickets', () => {
  it('reads numeric and good/bad satisfaction, and leaves unrated tickets blank', async () => {
    const { db, run } = setup();
    const result = await run(
      'tickets.csv',
      [
        'Ticket ID,Organization,Created at,Solved at,Priority,Status,Satisfaction Score',
        '101,Acme,2024-03-01 09:00:00,2024-03-01 17:30:00,High,solved,Good',
        '102,Acme,2024-03-02 09:00:00,,Low,open,',
        '103,Beta,2024-03-03 10:15:00,2024-03-04 10:15:00,Normal,solved,Bad',
        '104,Beta,2024-03-05 11:00:00,2024-03-05 12:00:00,Normal,solved,4',
      ].join('\n'),
    );
    expect(result).toMatchObject({
      status: 'committed',
      preset: 'helpdesk-tickets',
      rowsNew: 4,
    });
    expect(
      db
        .prepare(
          'SELECT external_id, opened_at, closed_at, satisfaction_score FROM tickets ORDER BY id',
        )
        .all(),
    ).toEqual([
      {
        external_id: '101',
        opened_at: '2024-03-01T09:00:00.000Z',
        closed_at: '2024-03-01T17:30:00.000Z',
        satisfaction_score: 5,
      },
      {
        external_id: '102',
        opened_at: '2024-03-02T09:00:00.000Z',
        closed_at: null,
        satisfaction_score: null,
      },
      {
        external_id: '103',
        opened_at: '2024-03-03T10:15:00.000Z',
        closed_at: '2024-03-04T10:15:00.000Z',
        satisfaction_score: 1,
      },
      {
        external_id: '104',
        opened_at: '2024-03-05T11:00:00.000Z',
        closed_at: '2024-03-05T12:00:00.000Z',
        satisfaction_score: 4,
      },
    ]);
  });
});

describe('ad-platform spend', () => {
  it('keeps one spend record per campaign and day, linked to its campaign', async () => {
    const { db, run } = setup();
    const result = await run(
      'spend.csv',
      [
        'Campaign,Day,Cost,Currency,Impressions,Clicks',
        'Brand search,2024-03-01,"1,250.40",USD,"12,000",340',
        'Brand search,2024-03-02,980.10,USD,"9,500",300',
        'Retargeting,2024-03-01,75.00,USD,4000,52',
      ].join('\n'),
    );
    expect(result).toMatchObject({
      status: 'committed',
      preset: 'ad-spend',
      rowsNew: 3,
    });
    expect(db.prepare('SELECT name FROM campaigns ORDER BY id').all()).toEqual([
      { name: 'Brand search' },
      { name: 'Retargeting' },
    ]);
    expect(
      db
        .prepare(
          'SELECT c.name, s.spend_on, s.amount_minor, s.impressions, s.clicks FROM campaign_spend s JOIN campaigns c ON c.id = s.campaign_id ORDER BY s.id',
        )
        .all(),
    ).toEqual([
      {
        name: 'Brand search',
        spend_on: '2024-03-01',
        amount_minor: 125040,
        impressions: 12000,
        clicks: 340,
      },
      {
        name: 'Brand search',
        spend_on: '2024-03-02',
        amount_minor: 98010,
        impressions: 9500,
        clicks: 300,
      },
      {
        name: 'Retargeting',
        spend_on: '2024-03-01',
        amount_minor: 7500,
        impressions: 4000,
        clicks: 52,
      },
    ]);
    // Rolling the batch back removes the spend and the campaigns it named.
    expect(rollbackBatch(db, result.batchId ?? 0)).toMatchObject({
      rowsRemoved: 5,
    });
    expect(db.prepare('SELECT count(*) AS n FROM campaigns').get()).toEqual({
      n: 0,
    });
  });
});
