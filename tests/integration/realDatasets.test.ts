// Every public dataset the importer recognises imports with no rejected
// rows, and each copy re-saved through a spreadsheet gives the same records
// as its original.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importFile } from '../../electron/engine/import/runImport.js';
import type { Db } from '../../electron/engine/store/database.js';
import {
  realDataDir,
  tempWorkspace,
  type TempDir,
} from '../support/workspace.js';

const hasData = existsSync(join(realDataDir, 'SOURCES.md'));
if (!hasData)
  console.warn(`skipping real dataset imports: ${realDataDir} is absent`);

const quiet = { isCancelled: () => false, onProgress: () => undefined };
let temps: TempDir[] = [];
afterEach(() => {
  temps.forEach((temp) => temp.remove());
  temps = [];
});

function workspace(): Db {
  const created = tempWorkspace();
  temps.push(created.temp);
  return created.db;
}

async function load(db: Db, relative: string) {
  const path = join(realDataDir, relative);
  return importFile(db, { path, name: relative, preset: null }, quiet);
}

const CASES: [string, string, string, number][] = [
  ['ravenstack-saas/ravenstack_accounts.csv', 'saas-accounts', 'accounts', 500],
  [
    'ravenstack-saas/ravenstack_subscriptions.csv',
    'saas-subscriptions',
    'subscriptions',
    5000,
  ],
  [
    'ravenstack-saas/ravenstack_support_tickets.csv',
    'saas-tickets',
    'tickets',
    2000,
  ],
  [
    'ibm-accounts-receivable/WA_Fn-UseC_-Accounts-Receivable.csv',
    'receivables',
    'invoices',
    2466,
  ],
  [
    'olist-marketing-funnel/olist_marketing_qualified_leads_dataset.csv',
    'funnel-leads',
    'leads',
    8000,
  ],
  [
    'olist-marketing-funnel/olist_closed_deals_dataset.csv',
    'funnel-deals',
    'opportunities',
    842,
  ],
  [
    'ibm-telco-customer-churn/Telco-Customer-Churn.csv',
    'customer-churn',
    'customer_snapshots',
    7043,
  ],
  [
    'ravenstack-saas/ravenstack_churn_events.csv',
    'saas-churn-events',
    'churn_events',
    600,
  ],
  [
    'ravenstack-saas/ravenstack_feature_usage.csv',
    'saas-feature-usage',
    'feature_usage',
    25000,
  ],
  [
    'olist-marketing-funnel/olist_sellers_dataset.csv',
    'marketplace-sellers',
    'accounts',
    3095,
  ],
  [
    'olist-marketing-funnel/product_category_name_translation.csv',
    'category-labels',
    'category_labels',
    71,
  ],
];

describe.skipIf(!hasData)('public datasets', () => {
  it.each(CASES)(
    '%s imports whole as %s',
    async (file, preset, table, rows) => {
      const db = workspace();
      const result = await load(db, file);
      expect(result).toMatchObject({
        status: 'committed',
        preset,
        rowsRead: rows,
        rowsNew: rows,
        rowsRejected: 0,
      });
      expect(db.prepare(`SELECT count(*) AS n FROM ${table}`).get()).toEqual({
        n: rows,
      });
    },
  );

  it('links subscriptions and tickets to their accounts, with MRR exact and trials at zero', async () => {
    const db = workspace();
    await load(db, 'ravenstack-saas/ravenstack_subscriptions.csv');
    await load(db, 'ravenstack-saas/ravenstack_support_tickets.csv');
    await load(db, 'ravenstack-saas/ravenstack_accounts.csv');
    expect(
      db
        .prepare(
          'SELECT count(*) AS n FROM subscriptions WHERE account_id IS NULL',
        )
        .get(),
    ).toEqual({ n: 0 });
    expect(
      db
        .prepare('SELECT count(*) AS n FROM tickets WHERE account_id IS NULL')
        .get(),
    ).toEqual({ n: 0 });
    expect(
      db
        .prepare('SELECT count(*) AS n FROM subscriptions WHERE end_on IS NULL')
        .get(),
    ).toEqual({ n: 4514 });
    expect(
      db
        .prepare(
          'SELECT count(*) AS n FROM subscriptions WHERE is_trial = 1 AND mrr_minor <> 0',
        )
        .get(),
    ).toEqual({ n: 0 });
    expect(
      db
        .prepare(
          'SELECT count(*) AS n FROM tickets WHERE satisfaction_score IS NULL',
        )
        .get(),
    ).toEqual({ n: 825 });
    expect(
      db
        .prepare(
          "SELECT opened_at, closed_at FROM tickets WHERE external_id = 'T-0024de'",
        )
        .get(),
    ).toEqual({
      opened_at: '2023-07-27T00:00:00.000Z',
      closed_at: '2023-07-28T03:00:00.000Z',
    });
  });

  it('marks the qualified leads that became won deals, in either file order', async () => {
    for (const order of [
      [
        'olist_marketing_qualified_leads_dataset.csv',
        'olist_closed_deals_dataset.csv',
      ],
      [
        'olist_closed_deals_dataset.csv',
        'olist_marketing_qualified_leads_dataset.csv',
      ],
    ]) {
      const db = workspace();
      for (const file of order)
        await load(db, `olist-marketing-funnel/${file}`);
      expect(db.prepare('SELECT count(*) AS n FROM leads').get()).toEqual({
        n: 8000,
      });
      expect(
        db
          .prepare(
            "SELECT count(*) AS n FROM leads WHERE status = 'converted' AND converted_on IS NOT NULL",
          )
          .get(),
      ).toEqual({ n: 842 });
      expect(
        db
          .prepare('SELECT count(*) AS n FROM leads WHERE created_on IS NULL')
          .get(),
      ).toEqual({ n: 0 });
    }
  });

  const recordsOf = (db: Db, sql: string) => db.prepare(sql).all();

  it.each([
    ['ravenstack-saas/variants/excel-resaved-mdy/ravenstack_subscriptions.csv'],
    ['ravenstack-saas/variants/excel-resaved-dmy/ravenstack_subscriptions.csv'],
  ])('%s gives the same subscriptions as the original', async (variant) => {
    const sql = `SELECT external_id, account_key, start_on, end_on, plan, seats,
      mrr_minor, currency, is_trial, billing_period, auto_renew FROM subscriptions ORDER BY external_id`;
    const original = workspace();
    await load(original, 'ravenstack-saas/ravenstack_subscriptions.csv');
    const resaved = workspace();
    const result = await load(resaved, variant);
    expect(result).toMatchObject({
      status: 'committed',
      rowsNew: 5000,
      rowsRejected: 0,
    });
    expect(recordsOf(resaved, sql)).toEqual(recordsOf(original, sql));
    // Loaded over the original, the copy changes nothing.
    const again = await load(original, variant);
    expect(again).toMatchObject({
      rowsNew: 0,
      rowsChanged: 0,
      rowsUnchanged: 5000,
    });
  });

  it('the receivables copy that lost its leading zeros names the same invoices', async () => {
    const original = workspace();
    await load(
      original,
      'ibm-accounts-receivable/WA_Fn-UseC_-Accounts-Receivable.csv',
    );
    const numbers = recordsOf(
      original,
      'SELECT number FROM invoices ORDER BY id',
    );
    const stripped =
      'ibm-accounts-receivable/variants/leading-zeros-stripped/WA_Fn-UseC_-Accounts-Receivable.csv';
    const again = await load(original, stripped);
    // The copy is the same data; the numbers keep the zeros it lost.
    expect(again).toMatchObject({
      status: 'committed',
      rowsNew: 0,
      rowsChanged: 0,
      rowsUnchanged: 2466,
      rowsRejected: 0,
    });
    expect(
      recordsOf(original, 'SELECT number FROM invoices ORDER BY id'),
    ).toEqual(numbers);
    const sql = `SELECT external_id, account_key, issued_on, due_on, settled_on, amount_minor, is_disputed
      FROM invoices ORDER BY external_id`;
    const fresh = workspace();
    await load(fresh, stripped);
    expect(recordsOf(fresh, sql)).toEqual(recordsOf(original, sql));
  });
});
